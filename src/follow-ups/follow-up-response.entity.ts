import { Field, Int, ObjectType } from '@nestjs/graphql';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../accounts/user.entity';
import { DateTimeScalar } from '../common/scalars/date-time.scalar';
import { timestampColumn, uuidColumn } from '../database/column-types';
import { TwinningParty } from '../twinnings/twinning-party.entity';
import { FollowUp } from './follow-up.entity';

/** How long an outcome may be, in characters. */
export const OUTCOME_MAX_LENGTH = 2000;

/** One party's answer to a follow-up: at most one per party (the unique index decides). */
@ObjectType('FollowUpResponse', {
  description: "One party's answer to a follow-up, for its own side",
})
@Entity('follow_up_responses')
@Index(['followUpId', 'partyId'], { unique: true })
@Index(['partyId'])
@Check('CHK_follow_up_responses_rating', '"rating" >= 1 AND "rating" <= 5')
export class FollowUpResponse {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column(uuidColumn())
  followUpId: string;

  @ManyToOne(() => FollowUp, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'followUpId' })
  followUp?: FollowUp;

  /** The side that answered. */
  @Column(uuidColumn())
  partyId: string;

  @ManyToOne(() => TwinningParty, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partyId' })
  party?: TwinningParty;

  @Field(() => Int, { description: '1 (poor) to 5 (excellent)' })
  @Column({ type: 'integer' })
  rating: number;

  @Field(() => String, { description: 'What came of the twinning, as this party sees it' })
  @Column({ type: 'varchar', length: OUTCOME_MAX_LENGTH })
  outcome: string;

  @Field(() => DateTimeScalar, { description: 'When the party answered' })
  @Column(timestampColumn())
  at: Date;

  /** The focal point who answered for the party. */
  @Column(uuidColumn())
  byId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'byId' })
  by?: User;
}
