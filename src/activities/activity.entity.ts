import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/scalars/date-time.scalar';
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
import { timestampColumn, uuidColumn } from '../database/column-types';
import { TwinningArrangement } from '../twinnings/twinning.entity';
import { ActivityKind, ActivityStatus } from './activity-enums';

@ObjectType({
  description: 'A follow-up of a confirmed twinning: a training, an exchange, a meeting...',
})
@Entity('activities')
@Index(['createdAt', 'id'])
@Index(['twinningId'])
@Index(['startsAt'])
@Check('CHK_activities_participants', '"women" >= 0 AND "men" >= 0 AND "other" >= 0')
export class Activity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column(uuidColumn())
  twinningId: string;

  @ManyToOne(() => TwinningArrangement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'twinningId' })
  twinning?: TwinningArrangement;

  @Field(() => ActivityKind)
  @Column({ type: 'simple-enum', enum: ActivityKind })
  kind: ActivityKind;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => DateTimeScalar)
  @Column(timestampColumn())
  startsAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column(timestampColumn({ nullable: true }))
  endsAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Where it takes place' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  location: string | null;

  @Field({ description: 'Held online' })
  @Column({ type: 'boolean', default: false })
  virtual: boolean;

  @Field(() => ActivityStatus)
  @Column({ type: 'simple-enum', enum: ActivityStatus, default: ActivityStatus.PLANNED })
  status: ActivityStatus;

  /** Participants by gender: null until the activity is DONE. */
  @Column({ type: 'integer', nullable: true })
  women: number | null;

  @Column({ type: 'integer', nullable: true })
  men: number | null;

  @Column({ type: 'integer', nullable: true })
  other: number | null;

  @Field(() => String, { nullable: true, description: 'What it achieved, once DONE' })
  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was cancelled' })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  cancellationReason: string | null;

  @Column(uuidColumn())
  createdById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'createdById' })
  createdBy?: User;

  @Field(() => DateTimeScalar)
  @Column(timestampColumn())
  createdAt: Date;

  @Field(() => DateTimeScalar)
  @Column(timestampColumn())
  updatedAt: Date;
}
