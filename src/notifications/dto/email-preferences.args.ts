import { ArgsType, Field } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsArray, IsEnum } from 'class-validator';
import { NotificationKind } from '../notification-kind';

@ArgsType()
export class EmailPreferencesArgs {
  @Field(() => [NotificationKind], {
    description:
      'The kinds you want in the service only, without an e-mail; every other kind is e-mailed',
  })
  @IsArray()
  @ArrayMaxSize(Object.keys(NotificationKind).length)
  @ArrayUnique()
  @IsEnum(NotificationKind, { each: true })
  mutedEmailKinds: NotificationKind[];
}
