import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/scalars/date-time.scalar';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../accounts/user.entity';
import { timestampColumn, uuidColumn } from '../database/column-types';
import { Offer } from '../offers/offer.entity';
import { TwinningStatus } from './twinning-status';

@ObjectType('TwinningArrangement', {
  description:
    'One offer serving one or more needs: each party consents for its own side, the secretariat confirms',
})
@Entity('twinnings')
@Index(['createdAt', 'id'])
@Index(['offerId'])
@Index(['status'])
export class TwinningArrangement {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column(uuidColumn())
  offerId: string;

  @ManyToOne(() => Offer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'offerId' })
  offer?: Offer;

  @Field(() => TwinningStatus)
  @Column({ type: 'simple-enum', enum: TwinningStatus, default: TwinningStatus.PROPOSED })
  status: TwinningStatus;

  @Field(() => String, { nullable: true, description: 'What the proposer said about it' })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column(uuidColumn())
  createdById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'createdById' })
  createdBy?: User;

  @Field(() => DateTimeScalar, { description: 'When it was proposed' })
  @Column(timestampColumn())
  createdAt: Date;

  @Field(() => DateTimeScalar)
  @Column(timestampColumn())
  updatedAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column(timestampColumn({ nullable: true }))
  confirmedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column(timestampColumn({ nullable: true }))
  completedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'What it achieved, given on completion' })
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was cancelled' })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  cancellationReason: string | null;
}
