import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { Locale } from '../../common/locale';
import { IsName } from '../../common/validation/text-rules';
import { Role } from '../../common/auth/role';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

@InputType()
export class CreateUserInput {
  @Field()
  @IsEmail({ require_tld: false }, { message: 'email must be an e-mail address' })
  @Length(3, 254)
  email: string;

  @Field({ description: `At least ${PASSWORD_MIN_LENGTH} characters` })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, {
    message: `password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long`,
  })
  password: string;

  @Field(() => Role)
  @IsEnum(Role)
  role: Role;

  @Field({ nullable: true, description: 'Required for COUNTRY_FOCAL_POINT: a MIRPS state' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'countryCode must be an upper-case ISO 3166-1 alpha-2 code' })
  countryCode?: string;

  @Field(() => ID, { nullable: true, description: 'Required for MEMBER_FOCAL_POINT' })
  @IsOptional()
  @IsUUID('all', { message: 'organizationId must be an id' })
  organizationId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsName(1, 200)
  name?: string;

  @Field(() => Locale, { nullable: true, description: 'ES when absent' })
  @IsOptional()
  @IsEnum(Locale, { message: 'locale must be ES or EN' })
  locale?: Locale;
}
