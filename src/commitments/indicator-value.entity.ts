import { Field, Float, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../accounts/user.entity';
import { DateTimeScalar } from '../common/scalars/date-time.scalar';
import { timestampColumn, uuidColumn } from '../database/column-types';
import { Indicator } from './indicator.entity';

/** One measurement of an indicator: what it was, when, by whose account, from what source. */
@ObjectType({ description: 'A value of an indicator at a date' })
@Entity('indicator_values')
@Index('IDX_indicator_values_indicator_at', ['indicatorId', 'at'])
export class IndicatorValue {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column(uuidColumn())
  indicatorId: string;

  @ManyToOne(() => Indicator, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'indicatorId' })
  indicator?: Indicator;

  @Field(() => Float)
  @Column({ type: 'double precision' })
  value: number;

  @Field(() => DateTimeScalar, { description: 'When the value was measured' })
  @Column(timestampColumn())
  at: Date;

  @Field(() => String, { nullable: true, description: 'Where the value comes from' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  source: string | null;

  @Column(uuidColumn())
  recordedById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recordedById' })
  recordedBy?: User;

  @Field(() => DateTimeScalar, { description: 'When it was recorded' })
  @Column(timestampColumn())
  recordedAt: Date;
}
