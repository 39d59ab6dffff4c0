import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../accounts/user.entity';
import { DateTimeScalar } from '../common/scalars/date-time.scalar';
import { timestampColumn, uuidColumn } from '../database/column-types';
import { Organization } from '../organizations/organization.entity';
import { Country } from '../reference/country.entity';
import { WorkingGroup } from '../reference/working-group.entity';
import { TwinningArrangement } from '../twinnings/twinning.entity';
import { PledgeStatus } from './pledge-status';

/**
 * Money a member announced for the MIRPS (at a Solidarity Event, say), in its own
 * currency, and how far it has come: pledged, committed, disbursed or cancelled.
 */
@ObjectType({ description: 'Money a member organization announced, in an ISO 4217 currency' })
@Entity('pledges')
@Index('IDX_pledges_organizationId', ['organizationId'])
@Index('IDX_pledges_countryCode', ['countryCode'])
@Index('IDX_pledges_pledgedAt', ['pledgedAt'])
export class Pledge {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column(uuidColumn())
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organizationId' })
  organization?: Organization;

  @Field(() => Float, { description: 'In `currency`' })
  @Column({ type: 'double precision' })
  amount: number;

  @Field({ description: 'ISO 4217, e.g. "CAD"' })
  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Field(() => PledgeStatus)
  @Column({ type: 'simple-enum', enum: PledgeStatus })
  status: PledgeStatus;

  @Column({ type: 'varchar', length: 2, nullable: true })
  countryCode: string | null;

  @ManyToOne(() => Country, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'countryCode' })
  country?: Country;

  @Column({ type: 'varchar', length: 40, nullable: true })
  workingGroupCode: string | null;

  @ManyToOne(() => WorkingGroup, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'workingGroupCode' })
  workingGroup?: WorkingGroup;

  @Column(uuidColumn({ nullable: true }))
  twinningId: string | null;

  @ManyToOne(() => TwinningArrangement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'twinningId' })
  twinning?: TwinningArrangement;

  @Field(() => DateTimeScalar, { description: 'When it was announced' })
  @Column(timestampColumn())
  pledgedAt: Date;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

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
