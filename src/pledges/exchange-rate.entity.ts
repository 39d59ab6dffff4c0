import { Field, Float, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../accounts/user.entity';
import { DateTimeScalar } from '../common/scalars/date-time.scalar';
import { timestampColumn, uuidColumn } from '../database/column-types';

/**
 * A rate the secretariat set: US dollars per unit of a currency from `asOf`. Every rate is
 * kept; the one in force is the latest by `asOf` not after now (the later recorded wins a
 * tie).
 */
@ObjectType({ description: 'US dollars per unit of a currency, from a date' })
@Entity('exchange_rates')
@Index('IDX_exchange_rates_currency_asOf', ['currency', 'asOf'])
export class ExchangeRate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'ISO 4217' })
  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Field(() => Float)
  @Column({ type: 'double precision' })
  usdPerUnit: number;

  @Field(() => DateTimeScalar, { description: 'In force from then' })
  @Column(timestampColumn())
  asOf: Date;

  @Column(uuidColumn())
  recordedById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recordedById' })
  recordedBy?: User;

  @Field(() => DateTimeScalar)
  @Column(timestampColumn())
  recordedAt: Date;
}
