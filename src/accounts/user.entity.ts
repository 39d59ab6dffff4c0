import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn, uuidColumn } from '../database/column-types';
import { Organization } from '../organizations/organization.entity';
import { Country } from '../reference/country.entity';
import { Role } from '../common/auth/role';
import { Locale } from '../common/locale';

@ObjectType({ description: 'A person who signs in: a focal point, the secretariat or an observer' })
@Entity('users')
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /**
   * Stored lower-cased; unique. Read by the person themself and the secretariat only (see
   * people.policy.ts): AccountsResolver.email answers everyone else an empty string.
   */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** scrypt hash with its parameters and salt; never exposed. */
  @Column({ type: 'varchar', length: 300 })
  passwordHash: string;

  @Field(() => Role)
  @Column({ type: 'simple-enum', enum: Role })
  role: Role;

  @Field(() => String, { nullable: true, description: 'How the person is called' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  name: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. "Jefa de la Unidad de Refugiados"' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  jobTitle: string | null;

  /**
   * International form (E.164, e.g. +50422310000). Read by the person and the secretariat
   * only (see people.policy.ts): AccountsResolver.phone answers null to anyone else.
   */
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Field(() => Locale, {
    description: "The language of this user's e-mails, messages and console",
  })
  @Column({ type: 'simple-enum', enum: Locale, default: Locale.ES })
  locale: Locale;

  /** When the person last signed in; read by the person and the secretariat only. */
  @Column(timestampColumn({ nullable: true }))
  lastSignedInAt: Date | null;

  /** Set for COUNTRY_FOCAL_POINT only. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  countryCode: string | null;

  @ManyToOne(() => Country, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'countryCode' })
  country?: Country;

  /** Set for MEMBER_FOCAL_POINT only. */
  @Column(uuidColumn({ nullable: true }))
  organizationId: string | null;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organizationId' })
  organization?: Organization;

  @Field({ description: 'A disabled user cannot sign in' })
  @Column({ type: 'boolean', default: true })
  active: boolean;

  /**
   * The secret in the user's calendar feed URL (calendar clients cannot send headers);
   * made on first use, replaced on request; never exposed but inside `calendarUrl`.
   */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  calendarToken: string | null;

  /**
   * Every token carries the version it was issued at (`ver`); changing the password or
   * the account's active state raises it, and the access guard refuses older tokens.
   * Never exposed.
   */
  @Column({ type: 'integer', default: 0 })
  tokenVersion: number;

  @Column(timestampColumn())
  createdAt: Date;
}
