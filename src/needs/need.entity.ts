import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/scalars/date-time.scalar';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn, uuidColumn } from '../database/column-types';
import { User } from '../accounts/user.entity';
import { Country } from '../reference/country.entity';
import { Modality } from '../reference/modality';
import { WorkingGroup } from '../reference/working-group.entity';
import { NeedStatus, Priority, Visibility } from './need-enums';

@ObjectType({ description: "A MIRPS state's capacity need, taken from its National Action Plan" })
@Entity('needs')
@Index(['createdAt', 'id'])
@Index('IDX_needs_status_expiresAt', ['status', 'expiresAt'])
@Index(['countryCode', 'status'])
@Index(['workingGroupCode', 'status'])
@Index('IDX_needs_updatedAt', ['updatedAt'])
@Index('IDX_needs_status_openedAt', ['status', 'openedAt'])
@Index('IDX_needs_commitmentId', ['commitmentId'])
export class Need {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 2 })
  countryCode: string;

  @ManyToOne(() => Country, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'countryCode' })
  country?: Country;

  @Column({ type: 'varchar', length: 40 })
  workingGroupCode: string;

  @ManyToOne(() => WorkingGroup, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'workingGroupCode' })
  workingGroup?: WorkingGroup;

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

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  beneficiaries: number | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column(timestampColumn({ nullable: true }))
  earliestStart: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column(timestampColumn({ nullable: true }))
  latestEnd: Date | null;

  @Field(() => String, { nullable: true, description: 'The National Action Plan commitment' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  napReference: string | null;

  @Field(() => Priority)
  @Column({ type: 'simple-enum', enum: Priority, default: Priority.MEDIUM })
  priority: Priority;

  @Field(() => NeedStatus)
  @Column({ type: 'simple-enum', enum: NeedStatus, default: NeedStatus.OPEN })
  status: NeedStatus;

  @Field(() => Visibility)
  @Column({ type: 'simple-enum', enum: Visibility, default: Visibility.PLATFORM })
  visibility: Visibility;

  /**
   * The National Action Plan commitment it serves (Need.commitment resolves it). No
   * foreign key: on SQLite adding one means rebuilding the needs table; the service checks
   * the id on every write and commitments are never deleted.
   */
  @Column(uuidColumn({ nullable: true }))
  commitmentId: string | null;

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
   * When it last became open for matching: posted, or moved back to OPEN (released by a twinning, renewed after expiry). The
   * NEW_MATCHES digest suggests the postings opened since each person's last digest.
   */
  @Column(timestampColumn())
  openedAt: Date;

  /**
   * When the posting's validity runs out (POSTING_VALIDITY_DAYS after its posting or its
   * last renewal): an OPEN need then becomes EXPIRED; its owners are told beforehand.
   */
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When it expires unless renewed (POSTING_VALIDITY_DAYS after posting or renewal)',
  })
  @Column(timestampColumn())
  expiresAt: Date;
}
