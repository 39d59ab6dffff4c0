import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar } from '../common/scalars/date-time.scalar';
import { timestampColumn, uuidColumn } from '../database/column-types';
import { Organization } from '../organizations/organization.entity';
import { TroikaRole } from './troika-role';

/** A member's term in one seat of the troika, with the theme it chose. */
@ObjectType({ description: "A member's term as chair, past chair or incoming chair" })
@Entity('chair_terms')
@Index('IDX_chair_terms_role_from', ['role', 'from'], { unique: true })
export class ChairTerm {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column(uuidColumn())
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organizationId' })
  organization?: Organization;

  @Field(() => TroikaRole)
  @Column({ type: 'simple-enum', enum: TroikaRole })
  role: TroikaRole;

  @Field(() => DateTimeScalar, { description: 'Inclusive' })
  @Column(timestampColumn())
  from: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Exclusive; null while open' })
  @Column(timestampColumn({ nullable: true }))
  to: Date | null;

  @Field(() => String, { nullable: true, description: "The chair's theme" })
  @Column({ type: 'varchar', length: 300, nullable: true })
  theme: string | null;

  @Column(timestampColumn())
  createdAt: Date;

  @Column(timestampColumn())
  updatedAt: Date;
}
