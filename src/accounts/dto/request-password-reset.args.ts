import { ArgsType, Field } from '@nestjs/graphql';
import { IsEmailAddress } from './is-email-address';

@ArgsType()
export class RequestPasswordResetArgs {
  @Field({ description: 'The e-mail address of the account' })
  @IsEmailAddress()
  email: string;
}
