import type { User } from '../accounts/user.entity';
import { Role } from '../common/auth/role';
import { ConflictError, ForbiddenError } from '../common/errors/domain-errors';
import { msg } from '../i18n/catalogs';

/** How long after writing a comment its author may still edit it. */
export const COMMENT_EDIT_HOURS = 24;
const EDIT_WINDOW_MS = COMMENT_EDIT_HOURS * 60 * 60 * 1000;

/**
 * Who reads a thread is whoever reads its subject: need.policy.ts's rule, applied by
 * DialogueService through NeedsService and TwinningsService (an offer is read by every
 * signed-in user). Who writes in it: the same people, but observers, whose role is to
 * read only (API.md, roles).
 */
export function assertMayComment(user: User): void {
  if (user.role === Role.OBSERVER) throw new ForbiddenError(msg('dialogue.observersReadOnly'));
}

/** Whether a comment written at `createdAt` may still be edited at `now`. */
export function editWindowOpen(createdAt: Date, now: Date): boolean {
  return now.getTime() - createdAt.getTime() <= EDIT_WINDOW_MS;
}

/** Whether `user` may edit the comment at `now` (assertMayEdit's rule, for the console). */
export function mayEdit(
  user: Pick<User, 'id'>,
  comment: { authorId: string; createdAt: Date },
  now: Date,
): boolean {
  return comment.authorId === user.id && editWindowOpen(comment.createdAt, now);
}

/**
 * A comment is edited by its author (FORBIDDEN for anyone else, the secretariat
 * included: the words are the author's), within COMMENT_EDIT_HOURS of writing it
 * (CONFLICT, EDIT_WINDOW_CLOSED, after).
 */
export function assertMayEdit(
  user: User,
  comment: { authorId: string; createdAt: Date },
  now: Date,
): void {
  if (comment.authorId !== user.id) throw new ForbiddenError(msg('dialogue.onlyAuthorEdits'));
  if (!editWindowOpen(comment.createdAt, now)) {
    throw new ConflictError(
      msg('dialogue.editWindowClosed', { hours: COMMENT_EDIT_HOURS }),
      'EDIT_WINDOW_CLOSED',
    );
  }
}
