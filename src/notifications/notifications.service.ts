import { Clock } from '../common/clock/clock';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import type { User } from '../accounts/user.entity';
import { ConnectionShape, PageArgs } from '../common/pagination/connection';
import { keysetPage } from '../common/pagination/keyset-page';
import { TransactionRunner } from '../database/transaction-runner';
import { MutedEmail } from './muted-email.entity';
import { NotificationKind } from './notification-kind';
import { Notification } from './notification.entity';

/** A person's own notifications, and which kinds they read without an e-mail. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly clock: Clock,
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    @InjectRepository(MutedEmail) private readonly muted: Repository<MutedEmail>,
    private readonly transactions: TransactionRunner,
  ) {}

  /** The user's notifications, newest first. */
  listOf(
    user: Pick<User, 'id'>,
    unreadOnly: boolean,
    page: PageArgs,
  ): Promise<ConnectionShape<Notification>> {
    const query = this.notifications
      .createQueryBuilder('notification')
      .where('notification.userId = :userId', { userId: user.id });
    if (unreadOnly) query.andWhere('notification.readAt IS NULL');
    return keysetPage(query, page);
  }

  /**
   * Marks the user's own unread notifications among `ids` read; answers how many changed.
   * Ids of someone else's notifications, or of none, change nothing.
   */
  markRead(user: Pick<User, 'id'>, ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return Promise.resolve(0);
    return this.transactions.run(async (manager) => {
      const result = await manager.update(
        Notification,
        { id: In([...ids]), userId: user.id, readAt: IsNull() },
        { readAt: this.clock.now() },
      );
      return result.affected ?? 0;
    });
  }

  /** The kinds each of `userIds` reads without an e-mail, in the enum's order. */
  async mutedKindsOf(userIds: readonly string[]): Promise<Map<string, NotificationKind[]>> {
    const rows = await this.muted.findBy({ userId: In([...userIds]) });
    const order = Object.values(NotificationKind);
    const byUser = new Map<string, NotificationKind[]>(userIds.map((id) => [id, []]));
    for (const row of rows) byUser.get(row.userId)?.push(row.kind);
    for (const kinds of byUser.values()) kinds.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    return byUser;
  }

  /** Replaces the kinds the user reads without an e-mail. */
  setMutedKinds(user: Pick<User, 'id'>, kinds: readonly NotificationKind[]): Promise<void> {
    return this.transactions.run(async (manager) => {
      await manager.delete(MutedEmail, { userId: user.id });
      if (kinds.length > 0) {
        await manager.insert(
          MutedEmail,
          [...new Set(kinds)].map((kind) => ({ userId: user.id, kind })),
        );
      }
    });
  }
}
