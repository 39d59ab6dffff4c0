import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsUUID } from 'class-validator';

@ArgsType()
export class SetUserActiveArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'userId must be an id', context: { i18n: 'common.id' } })
  userId: string;

  @Field({ description: 'false signs the user out everywhere and refuses its logins' })
  @IsBoolean()
  active: boolean;
}
