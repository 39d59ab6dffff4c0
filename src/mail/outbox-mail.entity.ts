import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '../database/column-types';

export enum OutboxStatus {
  /** Waiting for its (next) attempt. */
  PENDING = 'PENDING',
  /** The mail server accepted it. */
  SENT = 'SENT',
  /** Refused for good (a permanent SMTP error), or out of attempts: see `lastError`. */
  FAILED = 'FAILED',
}

/**
 * An e-mail in the outbox: written in the transaction of the change that causes it, then
 * delivered by MailDelivery. Never exposed through GraphQL.
 */
@Entity('outbox_mails')
@Index(['status', 'nextAttemptAt'])
export class OutboxMail {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** INVITATION, PASSWORD_RESET or a NotificationKind. */
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'varchar', length: 254 })
  recipient: string;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text' })
  html: string;

  @Column({ type: 'simple-enum', enum: OutboxStatus, default: OutboxStatus.PENDING })
  status: OutboxStatus;

  /** Delivery attempts so far (a claimed one counts, even if the process died during it). */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column(timestampColumn())
  nextAttemptAt: Date;

  /**
   * While set and in the future, one worker holds the mail: nobody else sends it. A worker
   * killed mid-send leaves it set; once it passes, the mail is tried again.
   */
  @Column(timestampColumn({ nullable: true }))
  claimedUntil: Date | null;

  /**
   * Names the claim `claimedUntil` belongs to (new at each claim): a worker records an
   * outcome only while the mail still carries its own token.
   */
  @Column({ type: 'varchar', length: 36, nullable: true })
  claimToken: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column(timestampColumn())
  createdAt: Date;

  @Column(timestampColumn({ nullable: true }))
  sentAt: Date | null;
}
