import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn, uuidColumn } from '../database/column-types';
import { User } from './user.entity';

/** What a one-time link lets its holder do. */
export enum AccountTokenPurpose {
  /** Choose the first password of an invited account (valid 7 days). */
  INVITATION = 'INVITATION',
  /** Choose a new password (valid 1 hour). */
  PASSWORD_RESET = 'PASSWORD_RESET',
}

/**
 * A one-time link sent by e-mail. Only the SHA-256 of its secret is stored, so the table
 * alone cannot be turned into working links. A user has at most one of each purpose:
 * issuing a new one removes the earlier ones (which revokes their links). Never exposed.
 */
@Entity('account_tokens')
export class AccountToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column(uuidColumn())
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Column({ type: 'simple-enum', enum: AccountTokenPurpose })
  purpose: AccountTokenPurpose;

  /** Hex SHA-256 of the secret in the link. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column(timestampColumn())
  expiresAt: Date;

  /** Set when the link has been used: it works once. */
  @Column(timestampColumn({ nullable: true }))
  usedAt: Date | null;

  @Column(timestampColumn())
  createdAt: Date;
}
