import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar } from '../common/scalars/date-time.scalar';
import { timestampColumn, uuidColumn } from '../database/column-types';
import { TwinningArrangement } from '../twinnings/twinning.entity';

/**
 * A later look at a completed twinning: created at completion, due FOLLOW_UP_AFTER_DAYS
 * after it; each party answers once, for its own side (FollowUpResponse).
 */
@ObjectType('FollowUp', {
  description: 'A later look at a completed twinning: each party rates it once, for its own side',
})
@Entity('follow_ups')
@Index(['twinningId'])
@Index(['dueAt'])
export class FollowUp {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column(uuidColumn())
  twinningId: string;

  @ManyToOne(() => TwinningArrangement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'twinningId' })
  twinning?: TwinningArrangement;

  @Field(() => DateTimeScalar, { description: 'When every party should have answered' })
  @Column(timestampColumn())
  dueAt: Date;

  @Column(timestampColumn())
  createdAt: Date;

  /** When the last party answered; null while an answer is missing (see followUpStatus). */
  @Column(timestampColumn({ nullable: true }))
  submittedAt: Date | null;
}
