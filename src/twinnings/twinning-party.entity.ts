import { Field, ObjectType } from '@nestjs/graphql';
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
import { Organization } from '../organizations/organization.entity';
import { Country } from '../reference/country.entity';
import { PartyResponse } from './twinning-status';
import { TwinningArrangement } from './twinning.entity';

/**
 * One side of a twinning: the offer's organization, or a country whose need it serves
 * (exactly one of the two). Each side consents for itself.
 */
@ObjectType({
  description: "One side of a twinning and its answer: a country or the offer's organization",
})
@Entity('twinning_parties')
@Index(['twinningId', 'countryCode'], { unique: true })
@Index(['twinningId', 'organizationId'], { unique: true })
@Index(['countryCode'])
@Index(['organizationId'])
@Check('CHK_twinning_parties_side', '("countryCode" IS NULL) <> ("organizationId" IS NULL)')
export class TwinningParty {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column(uuidColumn())
  twinningId: string;

  @ManyToOne(() => TwinningArrangement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'twinningId' })
  twinning?: TwinningArrangement;

  @Column({ type: 'varchar', length: 2, nullable: true })
  countryCode: string | null;

  @ManyToOne(() => Country, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'countryCode' })
  country?: Country;

  @Column(uuidColumn({ nullable: true }))
  organizationId: string | null;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organizationId' })
  organization?: Organization;

  @Field(() => PartyResponse)
  @Column({ type: 'simple-enum', enum: PartyResponse, default: PartyResponse.PENDING })
  response: PartyResponse;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column(timestampColumn({ nullable: true }))
  respondedAt: Date | null;

  @Column(uuidColumn({ nullable: true }))
  respondedById: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'respondedById' })
  respondedBy?: User;

  @Field(() => String, { nullable: true, description: 'What the party said with its answer' })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  comment: string | null;
}
