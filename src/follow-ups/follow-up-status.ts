import { registerEnumType } from '@nestjs/graphql';

export enum FollowUpStatus {
  DUE = 'DUE',
  SUBMITTED = 'SUBMITTED',
  OVERDUE = 'OVERDUE',
}

registerEnumType(FollowUpStatus, {
  name: 'FollowUpStatus',
  description:
    'DUE until every party has answered (SUBMITTED); past its due date with an answer missing, OVERDUE',
});

/**
 * A follow-up's status at `now`, the one rule every read applies: SUBMITTED once every party
 * has answered (`submittedAt`, even after the due date), else OVERDUE once `now` is past
 * `dueAt`, else DUE.
 */
export function followUpStatus(
  followUp: { dueAt: Date; submittedAt: Date | null },
  now: Date,
): FollowUpStatus {
  if (followUp.submittedAt !== null) return FollowUpStatus.SUBMITTED;
  return now.getTime() > followUp.dueAt.getTime() ? FollowUpStatus.OVERDUE : FollowUpStatus.DUE;
}
