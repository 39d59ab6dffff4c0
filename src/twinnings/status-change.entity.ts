import { Field, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/scalars/date-time.scalar';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../accounts/user.entity';
import { timestampColumn, uuidColumn } from '../database/column-types';
import { TwinningStatus } from './twinning-status';
import { TwinningArrangement } from './twinning.entity';

/** One step of a twinning's history; the proposal is the first (from null to PROPOSED). */
@ObjectType({ description: 'One step of a twinning: who moved it from which status to which' })
@Entity('twinning_status_changes')
@Index(['twinningId', 'sequence'], { unique: true })
export class StatusChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column(uuidColumn())
  twinningId: string;

  @ManyToOne(() => TwinningArrangement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'twinningId' })
  twinning?: TwinningArrangement;

  /** 1 for the proposal, then one more for each step: orders the history exactly. */
  @Column({ type: 'integer' })
  sequence: number;

  @Field(() => TwinningStatus, { nullable: true, description: 'Null for the proposal' })
  @Column({ type: 'simple-enum', enum: TwinningStatus, nullable: true })
  from: TwinningStatus | null;

  @Field(() => TwinningStatus)
  @Column({ type: 'simple-enum', enum: TwinningStatus })
  to: TwinningStatus;

  @Column(uuidColumn())
  byId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'byId' })
  by?: User;

  @Field(() => DateTimeScalar)
  @Column(timestampColumn())
  at: Date;

  @Field(() => String, {
    nullable: true,
    description: 'The note, comment, summary or reason given with the step',
  })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
