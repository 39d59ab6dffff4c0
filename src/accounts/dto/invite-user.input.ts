import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID, Matches } from 'class-validator';
import { Locale } from '../../common/locale';
import { IsName } from '../../common/validation/text-rules';
import { Role } from '../../common/auth/role';
import { IsEmailAddress } from './is-email-address';

/** An account made by the secretariat without a password: the person chooses it. */
@InputType()
export class InviteUserInput {
  @Field()
  @IsEmailAddress()
  email: string;

  @Field({ description: 'How the invitation greets the person' })
  @IsName(1, 200)
  name: string;

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

  @Field(() => Locale, {
    nullable: true,
    description: "The language of the invitation and of the person's e-mails; ES when absent",
  })
  @IsOptional()
  @IsEnum(Locale, {
    message: 'locale must be ES or EN',
    context: { i18n: 'common.locale' },
  })
  locale?: Locale;
}
