import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsPhoneNumber, ValidateIf } from 'class-validator';
import { Locale } from '../../common/locale';
import { IsName } from '../../common/validation/text-rules';

/** What a person says of themself. A field left out stays as it is; `null` clears it. */
@InputType()
export class UpdateProfileInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsName(1, 200)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsName(1, 200)
  jobTitle?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'In international form, e.g. "+504 2231 0000"; stored as E.164',
  })
  @IsOptional()
  @IsPhoneNumber(undefined, {
    message: 'phone must be a phone number in international form, e.g. +504 2231 0000',
    context: { i18n: 'common.phone' },
  })
  phone?: string | null;

  @Field(() => Locale, { nullable: true, description: 'Cannot be cleared' })
  @ValidateIf((input: UpdateProfileInput) => input.locale !== undefined)
  @IsEnum(Locale, {
    message: 'locale must be ES or EN',
    context: { i18n: 'common.locale' },
  })
  locale?: Locale;
}
