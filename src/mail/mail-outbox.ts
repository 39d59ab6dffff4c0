import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { composeMail } from './compose-mail';
import type { MailContent, MailRecipient } from './mail-content';
import { OutboxMail, OutboxStatus } from './outbox-mail.entity';
import { PublicLinks } from './public-links';

/**
 * Puts e-mails in the outbox, inside the transaction of the change that causes them: the
 * e-mail exists if and only if the change was committed. MailDelivery sends them.
 */
@Injectable()
export class MailOutbox {
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly links: PublicLinks) {}

  /** Writes `content` for `recipient`, in the recipient's language, through `manager`. */
  async enqueue(
    manager: EntityManager,
    recipient: MailRecipient,
    content: MailContent,
  ): Promise<void> {
    const composed = composeMail(recipient, content, (path, query) => this.links.url(path, query));
    const now = new Date();
    await manager.insert(OutboxMail, {
      kind: content.kind,
      recipient: composed.to,
      subject: composed.subject,
      text: composed.text,
      html: composed.html,
      status: OutboxStatus.PENDING,
      attempts: 0,
      nextAttemptAt: now,
      claimedUntil: null,
      claimToken: null,
      lastError: null,
      createdAt: now,
      sentAt: null,
    });
    // Tell the worker soon; it also looks on its own, so a wake-up before the
    // transaction commits only costs a look.
    for (const listener of this.listeners) listener();
  }

  /** MailDelivery listens here to look at the outbox soon after a write. */
  onEnqueued(listener: () => void): void {
    this.listeners.push(listener);
  }
}
