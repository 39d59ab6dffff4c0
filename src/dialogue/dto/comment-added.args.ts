import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class CommentAddedArgs {
  @Field(() => ID, { description: 'The id of a need, an offer or a twinning' })
  @IsUUID('all', { message: 'subjectId must be an id' })
  subjectId: string;
}
