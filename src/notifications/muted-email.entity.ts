import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../accounts/user.entity';
import { uuidColumn } from '../database/column-types';
import { NotificationKind } from './notification-kind';

/** A kind of notification the user reads in the service only: no e-mail for it. */
@Entity('muted_emails')
export class MutedEmail {
  @PrimaryColumn(uuidColumn())
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  kind: NotificationKind;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;
}
