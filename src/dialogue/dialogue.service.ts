import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { User } from '../accounts/user.entity';
import { Role } from '../common/auth/role';
import { Clock } from '../common/clock/clock';
import { NotFoundError } from '../common/errors/domain-errors';
import type { ConnectionShape, PageArgs } from '../common/pagination/connection';
import { TransactionRunner, writeLock } from '../database/transaction-runner';
import { EventBus } from '../events/event-bus';
import { MessageKey, msg } from '../i18n/catalogs';
import type { Message, MessageValue } from '../i18n/message';
import { NotificationKind } from '../notifications/notification-kind';
import { Notice, Notifier } from '../notifications/notifier';
import { OrganizationsService } from '../organizations/organizations.service';
import { ReferenceService } from '../reference/reference.service';
import { Comment } from './comment.entity';
import { assertMayComment, assertMayEdit } from './comment.policy';
import { CommentSubject, CommentSubjectKind, subjectPath } from './comment-subject';
import { CommentSubjects } from './comment-subjects';
import { activeUsersByEmail, threadPage } from './dialogue.queries';
import { mentionedEmails, newlyMentioned } from './mentions';

/** How much of a comment a mention's notice quotes. */
const QUOTED_LENGTH = 500;

const MENTIONED_ON: Record<CommentSubjectKind, MessageKey> = {
  NEED: 'dialogue.mentionedOnNeed',
  OFFER: 'dialogue.mentionedOnOffer',
  TWINNING: 'dialogue.mentionedOnTwinning',
};

function quoted(body: string): string {
  return body.length > QUOTED_LENGTH ? `${body.slice(0, QUOTED_LENGTH - 1)}…` : body;
}

/**
 * Comment threads on needs, offers and twinnings (API.md Part 2, "dialogue"). A thread is
 * read and written by whoever may read its subject (CommentSubjects; observers read only);
 * an author edits their comment within COMMENT_EDIT_HOURS. `@e-mail` mentions notify the
 * people mentioned (MENTIONED, by e-mail too unless muted) who may read the subject, in
 * the transaction that writes the comment; nobody else learns whether a mention reached
 * anyone. Every add and edit is in the audit trail (the mutation's transaction).
 */
@Injectable()
export class DialogueService {
  constructor(
    @InjectRepository(Comment) private readonly comments: Repository<Comment>,
    private readonly subjects: CommentSubjects,
    private readonly notifier: Notifier,
    private readonly organizations: OrganizationsService,
    private readonly reference: ReferenceService,
    private readonly transactions: TransactionRunner,
    private readonly events: EventBus,
    private readonly clock: Clock,
  ) {}

  async thread(reader: User, subjectId: string, page: PageArgs): Promise<ConnectionShape<Comment>> {
    await this.subjects.readable(reader, subjectId);
    return threadPage(this.comments, subjectId, page);
  }

  async add(author: User, subjectId: string, body: string): Promise<Comment> {
    const subject = await this.subjects.readable(author, subjectId);
    assertMayComment(author);
    const text = body.trim();
    const mentioned = await this.mentionedReaders(author, subject, mentionedEmails(text));
    const notice = mentioned.length > 0 ? await this.mentionNotice(author, subject, text) : null;
    const added = await this.transactions.run(async (manager) => {
      const comment = await manager.save(
        manager.create(Comment, {
          subjectKind: subject.kind,
          subjectId: subject.id,
          authorId: author.id,
          body: text,
          createdAt: this.clock.now(),
          editedAt: null,
        }),
      );
      if (notice) await this.notifier.notify(manager, mentioned, notice);
      return comment;
    });
    await this.events.publish('commentAdded', { commentId: added.id, subjectId: subject.id });
    return added;
  }

  /** The new text of a comment; those it newly mentions are told, the others not again. */
  async edit(author: User, id: string, body: string): Promise<Comment> {
    const found = await this.comments.findOneBy({ id });
    const subject = found && (await this.subjects.find(found.subjectId));
    if (!found || !subject || !(await this.subjects.mayRead(author, subject))) {
      throw new NotFoundError('Comment', id);
    }
    assertMayEdit(author, found, this.clock.now());
    const text = body.trim();
    const mentioned = await this.mentionedReaders(
      author,
      subject,
      newlyMentioned(text, found.body),
    );
    const notice = mentioned.length > 0 ? await this.mentionNotice(author, subject, text) : null;
    return this.transactions.run(async (manager) => {
      const comment = await manager.findOneOrFail(Comment, {
        where: { id },
        lock: writeLock(manager),
      });
      const now = this.clock.now();
      assertMayEdit(author, comment, now);
      comment.body = text;
      comment.editedAt = now;
      await manager.save(comment);
      if (notice) await this.notifier.notify(manager, mentioned, notice);
      return comment;
    });
  }

  byIds(ids: readonly string[]): Promise<Comment[]> {
    return this.comments.findBy({ id: In([...ids]) });
  }

  /** Whether `reader` may read the thread of `subjectId` (for live delivery). */
  async mayReadThread(reader: User, subjectId: string): Promise<boolean> {
    const subject = await this.subjects.find(subjectId);
    return subject !== null && (await this.subjects.mayRead(reader, subject));
  }

  /** The subject's thread is readable by `reader`: NOT_FOUND otherwise (as `comments`). */
  async checkThreadReadable(reader: User, subjectId: string): Promise<void> {
    await this.subjects.readable(reader, subjectId);
  }

  /**
   * The active accounts among those mentioned who may read the subject, the author left
   * out: whoever may not read it is not told, so a mention reveals nothing to them.
   */
  private async mentionedReaders(
    author: User,
    subject: CommentSubject,
    emails: readonly string[],
  ): Promise<User[]> {
    const people = await activeUsersByEmail(this.comments.manager, emails);
    const readers: User[] = [];
    for (const person of people) {
      if (person.id !== author.id && (await this.subjects.mayRead(person, subject))) {
        readers.push(person);
      }
    }
    return readers;
  }

  private async mentionNotice(
    author: User,
    subject: CommentSubject,
    body: string,
  ): Promise<Notice> {
    return {
      kind: NotificationKind.MENTIONED,
      title: msg(MENTIONED_ON[subject.kind], { title: subject.title }),
      body: [
        msg('dialogue.mentionedBody', {
          author: await this.authorValue(author),
          body: quoted(body),
        }),
      ],
      link: { path: subjectPath(subject), label: msg('dialogue.seeComments') },
    };
  }

  /**
   * Who wrote, as a mention's notice names them: their name, if they gave one, and the
   * capacity they write in (a focal point of a country or an organization, the
   * secretariat); never their e-mail address (people.policy.ts).
   */
  private async authorValue(author: User): Promise<MessageValue> {
    let capacity: Message;
    if (author.role === Role.SECRETARIAT) {
      capacity = msg('dialogue.secretariat');
    } else if (author.role === Role.COUNTRY_FOCAL_POINT && author.countryCode) {
      const [country] = await this.reference.countriesByCodes([author.countryCode]);
      const side: MessageValue = country
        ? { byLocale: { EN: country.nameEn, ES: country.nameEs } }
        : author.countryCode;
      capacity = msg('dialogue.focalPointOf', { side });
    } else if (author.role === Role.MEMBER_FOCAL_POINT && author.organizationId) {
      const [organization] = await this.organizations.byIds([author.organizationId]);
      capacity = msg('dialogue.focalPointOf', { side: organization?.name ?? '' });
    } else {
      capacity = msg('dialogue.observer');
    }
    return author.name ? msg('dialogue.namedAuthor', { name: author.name, capacity }) : capacity;
  }
}
