import { Clock } from '../common/clock/clock';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { User } from '../accounts/user.entity';
import { msg } from '../i18n/catalogs';
import type { Message } from '../i18n/message';
import { translate } from '../i18n/translate';
import { MailOutbox } from '../mail/mail-outbox';
import { PublicLinks } from '../mail/public-links';
import { MutedEmail } from './muted-email.entity';
import { NotificationKind } from './notification-kind';
import { Notification } from './notification.entity';

/** What to tell people: written in each recipient's language as it is stored. */
export interface Notice {
  kind: NotificationKind;
  title: Message;
  /** The body's paragraphs, in order. */
  body: readonly Message[];
  /** Where to see it: a path of the service ("/twinnings/<id>"), and the button's words. */
  link?: { path: string; label: Message };
  /**
   * For what must be told at most once (a reminder, a day's digest): a key naming it. Each
   * recipient gets it once, whoever writes it (two instances, a job run twice).
   */
  onceKey?: string;
  /**
   * When it is dated (the clock's now unless given): a digest is dated at the end of the
   * window it covers, where the person's next window starts.
   */
  at?: Date;
}

/** A person to tell: an account (only active ones are told). */
export type Recipient = Pick<User, 'id' | 'email' | 'name' | 'locale' | 'active'>;

/**
 * Tells people what happened: a notification (their `myNotifications`) and, unless they
 * muted its kind, an e-mail through the outbox, both in the transaction of the change
 * (`manager`), in the recipient's language.
 */
@Injectable()
export class Notifier {
  constructor(
    private readonly clock: Clock,
    private readonly outbox: MailOutbox,
    private readonly links: PublicLinks,
  ) {}

  /** Tells each active recipient once (a person listed twice is told once). */
  async notify(
    manager: EntityManager,
    recipients: readonly Recipient[],
    notice: Notice,
  ): Promise<void> {
    const people = [...new Map(recipients.filter((r) => r.active).map((r) => [r.id, r])).values()];
    if (people.length === 0) return;
    const muted = new Set(
      (
        await manager.findBy(MutedEmail, {
          userId: In(people.map((person) => person.id)),
          kind: notice.kind,
        })
      ).map((row) => row.userId),
    );
    const link = notice.link && this.links.url(notice.link.path);
    for (const person of people) {
      const title = translate(person.locale, notice.title);
      const body = notice.body.map((paragraph) => translate(person.locale, paragraph)).join('\n\n');
      const written = await this.insertOnce(manager, {
        userId: person.id,
        kind: notice.kind,
        title: title.slice(0, 300),
        body,
        link: link ?? null,
        createdAt: notice.at ?? this.clock.now(),
        readAt: null,
        dedupeKey: notice.onceKey ? `${notice.onceKey}:${person.id}` : null,
      });
      if (!written || muted.has(person.id)) continue;
      await this.outbox.enqueue(manager, person, {
        kind: notice.kind,
        subject: notice.title,
        paragraphs: [...notice.body, msg('notifications.mutedHint')],
        action: notice.link && { label: notice.link.label, path: notice.link.path },
      });
    }
  }

  /**
   * Writes the notification unless one with its `dedupeKey` exists; answers whether it
   * wrote. On SQLite the transaction is the only writer, so looking first is enough; on
   * PostgreSQL the unique key decides between instances writing at once.
   */
  private async insertOnce(
    manager: EntityManager,
    values: Omit<Notification, 'id' | 'user'>,
  ): Promise<boolean> {
    if (!values.dedupeKey) {
      await manager.insert(Notification, values);
      return true;
    }
    if (manager.connection.options.type === 'sqlite') {
      if (await manager.existsBy(Notification, { dedupeKey: values.dedupeKey })) return false;
      await manager.insert(Notification, values);
      return true;
    }
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values(values)
      .orIgnore()
      .returning('id')
      .execute();
    return (result.raw as unknown[]).length > 0;
  }
}
