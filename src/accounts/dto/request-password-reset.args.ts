import { ArgsType, Field } from '@nestjs/graphql';
import { IsEmail, Length } from 'class-validator';

@ArgsType()
export class RequestPasswordResetArgs {
  @Field({ description: 'The e-mail address of the account' })
  @IsEmail(
    { require_tld: false },
    {
      message: 'email must be an e-mail address',
      context: { i18n: 'common.email' },
    },
  )
  @Length(3, 254)
  email: string;
}
