import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar } from '../common/scalars/date-time.scalar';
import { timestampColumn, uuidColumn } from '../database/column-types';
import { Commitment } from './commitment.entity';

/**
 * What a commitment measures: a baseline, a target, and values recorded over time
 * (indicator_values). `current` and `measuredAt` are the latest value by its date, kept
 * here as it is recorded so that lists and reports read one row.
 */
@ObjectType({ description: "A commitment's measure: baseline, target and the latest value" })
@Entity('indicators')
@Index('IDX_indicators_commitment_name', ['commitmentId', 'nameKey'], { unique: true })
export class Indicator {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column(uuidColumn())
  commitmentId: string;

  @ManyToOne(() => Commitment, (commitment) => commitment.indicatorRows, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'commitmentId' })
  commitment?: Commitment;

  /** Its place in the commitment's list, from 0. */
  @Column({ type: 'integer' })
  position: number;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** The name folded (case and accents ignored): what matches it on update, unique per commitment. */
  @Column({ type: 'varchar', length: 200 })
  nameKey: string;

  @Field(() => String, { nullable: true, description: 'e.g. "%", "officers trained"' })
  @Column({ type: 'varchar', length: 40, nullable: true })
  unit: string | null;

  @Field(() => Float, { nullable: true, description: 'The value when the commitment was made' })
  @Column({ type: 'double precision', nullable: true })
  baseline: number | null;

  @Field(() => Float, { nullable: true })
  @Column({ type: 'double precision', nullable: true })
  target: number | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the target is to be reached; with a baseline, progress is judged against it',
  })
  @Column(timestampColumn({ nullable: true }))
  targetDate: Date | null;

  @Field(() => Float, { nullable: true, description: 'The latest value recorded, by its date' })
  @Column({ type: 'double precision', nullable: true })
  current: number | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'The date of `current`' })
  @Column(timestampColumn({ nullable: true }))
  measuredAt: Date | null;

  /** When the indicator was set: where its schedule starts (see indicator-progress.ts). */
  @Column(timestampColumn())
  createdAt: Date;
}
