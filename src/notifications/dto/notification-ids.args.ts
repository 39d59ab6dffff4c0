import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsUUID } from 'class-validator';
import { MAX_PAGE_SIZE } from '../../common/pagination/connection';

@ArgsType()
export class NotificationIdsArgs {
  @Field(() => [ID], { description: `Up to ${MAX_PAGE_SIZE} of your notifications` })
  @IsArray()
  @ArrayMaxSize(MAX_PAGE_SIZE)
  @IsUUID('all', { each: true, message: 'ids must hold ids', context: { i18n: 'common.id' } })
  ids: string[];
}
