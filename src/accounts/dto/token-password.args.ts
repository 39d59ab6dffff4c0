import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, Length, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password-length';

/** The secret of a one-time link sent by e-mail, and the password the person chooses. */
@ArgsType()
export class TokenPasswordArgs {
  @Field({ description: 'The `token` of the link in the e-mail' })
  @IsString()
  @MaxLength(200)
  token: string;

  @Field({ description: `At least ${PASSWORD_MIN_LENGTH} characters` })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, {
    message: `password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long`,
    context: { i18n: 'accounts.passwordLength' },
  })
  password: string;
}
