import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
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
import { timestampColumn, uuidColumn } from '../database/column-types';
import { User } from '../accounts/user.entity';
import { Organization } from '../organizations/organization.entity';
import { Modality } from '../reference/modality';
import { OfferStatus } from './offer-status';

@ObjectType({ description: "A Support Platform member's offer of expertise or support" })
@Entity('offers')
@Index(['createdAt', 'id'])
@Index('IDX_offers_status_expiresAt', ['status', 'expiresAt'])
@Index(['organizationId', 'status'])
@Index('IDX_offers_updatedAt', ['updatedAt'])
@Index('IDX_offers_status_openedAt', ['status', 'openedAt'])
@Check(
  'CHK_offers_capacity',
  '"capacity" > 0 AND "reservedCapacity" >= 0 AND "reservedCapacity" <= "capacity"',
)
export class Offer {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column(uuidColumn())
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organizationId' })
  organization?: Organization;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field()
  @Column({ type: 'text' })
  description: string;

  @Field(() => [Modality])
  @Column({ type: 'simple-json' })
  modalities: Modality[];

  @Field(() => [String], { description: 'ISO 639-1 codes, e.g. "es", "en"' })
  @Column({ type: 'simple-json' })
  languages: string[];

  @Field(() => Int, { description: 'How many needs it can serve in live twinnings at once' })
  @Column({ type: 'integer' })
  capacity: number;

  /** Needs held by PROPOSED/ACCEPTED/CONFIRMED twinnings; changed only under a write lock. */
  @Column({ type: 'integer', default: 0 })
  reservedCapacity: number;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column(timestampColumn({ nullable: true }))
  availableFrom: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column(timestampColumn({ nullable: true }))
  availableTo: Date | null;

  @Field(() => OfferStatus)
  @Column({ type: 'simple-enum', enum: OfferStatus, default: OfferStatus.OPEN })
  status: OfferStatus;

  @Field(() => String, { nullable: true, description: 'Why it was withdrawn' })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  withdrawalReason: string | null;

  /**
   * Title and description folded (lower case, no accents) for `search`: written with the
   * row, matched in SQL, never read back (so not selected with it).
   */
  @Column({ type: 'text', select: false })
  searchText: string;

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

  /**
   * When it last became open for matching: posted, or moved back to OPEN (renewed after expiry, given room again). The
   * NEW_MATCHES digest suggests the postings opened since each person's last digest.
   */
  @Column(timestampColumn())
  openedAt: Date;

  /**
   * When the posting's validity runs out (POSTING_VALIDITY_DAYS after its posting or its
   * last renewal): a live (OPEN or FULL) offer then becomes EXPIRED; its owners are told beforehand.
   */
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When it expires unless renewed (POSTING_VALIDITY_DAYS after posting or renewal)',
  })
  @Column(timestampColumn())
  expiresAt: Date;
}
