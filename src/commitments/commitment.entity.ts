import { Field, ID, ObjectType } from '@nestjs/graphql';
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { timestampColumn } from '../database/column-types';
import { Country } from '../reference/country.entity';
import { WorkingGroup } from '../reference/working-group.entity';
import { Indicator } from './indicator.entity';

/**
 * A commitment of a MIRPS state's National Action Plan: the country's public plan, which
 * its needs serve and its indicators measure.
 */
@ObjectType({
  description: "A commitment of a MIRPS state's National Action Plan, with its indicators",
})
@Entity('commitments')
@Index('IDX_commitments_country_code', ['countryCode', 'code'], { unique: true })
@Index('IDX_commitments_workingGroupCode', ['workingGroupCode'])
export class Commitment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 2 })
  countryCode: string;

  @ManyToOne(() => Country, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'countryCode' })
  country?: Country;

  @Field({ description: 'The plan\'s own numbering, e.g. "HN-2.3"; unique per country' })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Field()
  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 40 })
  workingGroupCode: string;

  @ManyToOne(() => WorkingGroup, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'workingGroupCode' })
  workingGroup?: WorkingGroup;

  /** For reports that read commitments with their indicators in one statement. */
  @OneToMany(() => Indicator, (indicator) => indicator.commitment)
  indicatorRows?: Indicator[];

  @Column(timestampColumn())
  createdAt: Date;

  @Column(timestampColumn())
  updatedAt: Date;
}
