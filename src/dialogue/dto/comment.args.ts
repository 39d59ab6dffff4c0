import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { PageArgs } from '../../common/pagination/connection';
import { IsText } from '../../common/validation/text-rules';
import { MAX_COMMENT_LENGTH } from '../comment.entity';

@ArgsType()
export class CommentsArgs extends PageArgs {
  @Field(() => ID, { description: 'The id of a need, an offer or a twinning' })
  @IsUUID('all', { message: 'subjectId must be an id' })
  subjectId: string;
}

@ArgsType()
export class AddCommentArgs {
  @Field(() => ID, { description: 'The id of a need, an offer or a twinning' })
  @IsUUID('all', { message: 'subjectId must be an id' })
  subjectId: string;

  @Field({
    description: `1 to ${MAX_COMMENT_LENGTH} characters; \`@\` and a person's e-mail address mentions them`,
  })
  @IsText(1, MAX_COMMENT_LENGTH)
  body: string;
}

@ArgsType()
export class EditCommentArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id' })
  id: string;

  @Field({ description: `1 to ${MAX_COMMENT_LENGTH} characters` })
  @IsText(1, MAX_COMMENT_LENGTH)
  body: string;
}
