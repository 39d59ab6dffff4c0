import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { Locale } from '../../common/locale';
import { IsName } from '../../common/validation/text-rules';
import { Role } from '../../common/auth/role';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password-length';
import { IsEmailAddress } from './is-email-address';

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

@InputType()
export class CreateUserInput {
  @Field()
  @IsEmailAddress()
  email: string;

  @Field({ description: `At least ${PASSWORD_MIN_LENGTH} characters` })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, {
    message: `password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long`,
    context: { i18n: 'accounts.passwordLength' },
  })
  password: string;

  @Field(() => Role)
  @IsEnum(Role)
  role: Role;

  @Field({ nullable: true, description: 'Required for COUNTRY_FOCAL_POINT: a MIRPS state' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, {
    message: 'countryCode must be an upper-case ISO 3166-1 alpha-2 code',
    context: { i18n: 'accounts.countryCodeFormat' },
  })
  countryCode?: string;

  @Field(() => ID, { nullable: true, description: 'Required for MEMBER_FOCAL_POINT' })
  @IsOptional()
  @IsUUID('all', {
    message: 'organizationId must be an id',
    context: { i18n: 'common.id' },
  })
  organizationId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsName(1, 200)
  name?: string;

  @Field(() => Locale, { nullable: true, description: 'ES when absent' })
  @IsOptional()
  @IsEnum(Locale, {
    message: 'locale must be ES or EN',
    context: { i18n: 'common.locale' },
  })
  locale?: Locale;
}
