import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../accounts/user.entity';
import { DateTimeScalar } from '../common/scalars/date-time.scalar';
import { timestampColumn, uuidColumn } from '../database/column-types';
import { CommentSubjectKind } from './comment-subject';

/** The longest comment, in characters: a few paragraphs, not a document. */
export const MAX_COMMENT_LENGTH = 4000;

/**
 * A comment in the thread of a need, an offer or a twinning. Read by whoever may read its
 * subject; edited by its author within COMMENT_EDIT_HOURS of writing it.
 */
@ObjectType({ description: 'A comment in the thread of a need, an offer or a twinning' })
@Entity('comments')
@Index('IDX_comments_subject_created', ['subjectId', 'createdAt', 'id'])
export class Comment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'simple-enum', enum: CommentSubjectKind })
  subjectKind: CommentSubjectKind;

  /** The need's, offer's or twinning's id: no foreign key, the kind says which table. */
  @Column(uuidColumn())
  subjectId: string;

  @Column(uuidColumn())
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'authorId' })
  author?: User;

  @Field()
  @Column({ type: 'varchar', length: MAX_COMMENT_LENGTH })
  body: string;

  @Field(() => DateTimeScalar)
  @Column(timestampColumn())
  createdAt: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When its author last edited it; null if never',
  })
  @Column(timestampColumn({ nullable: true }))
  editedAt: Date | null;
}
