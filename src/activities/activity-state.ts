import { ConflictError } from '../common/errors/domain-errors';
import { msg } from '../i18n/catalogs';
import type { Message } from '../i18n/message';
import { ActivityStatus } from './activity-enums';

/** What can happen to an activity; who may do it is the policy's business (activity.policy.ts). */
export enum ActivityAction {
  /** It took place: its participants and outcome are recorded. */
  COMPLETE = 'COMPLETE',
  /** It will not take place (called off, or its twinning ended first). */
  CANCEL = 'CANCEL',
}

/** A new activity starts here. */
export const INITIAL_ACTIVITY_STATUS = ActivityStatus.PLANNED;

/**
 * The activity lifecycle, in one place: an activity changes only while PLANNED; DONE and
 * CANCELLED are final.
 */
export const ACTIVITY_TRANSITIONS: Readonly<
  Record<ActivityStatus, Readonly<Partial<Record<ActivityAction, ActivityStatus>>>>
> = {
  [ActivityStatus.PLANNED]: {
    [ActivityAction.COMPLETE]: ActivityStatus.DONE,
    [ActivityAction.CANCEL]: ActivityStatus.CANCELLED,
  },
  [ActivityStatus.DONE]: {},
  [ActivityStatus.CANCELLED]: {},
};

/** What a refusal calls each action ("only a PLANNED activity can be cancelled"). */
const ACTION_WORDS: Record<ActivityAction, Message> = {
  [ActivityAction.COMPLETE]: msg('activities.verbCompleted'),
  [ActivityAction.CANCEL]: msg('activities.verbCancelled'),
};

/** The actions a status allows, in the table's order. */
export function allowedActivityActions(status: ActivityStatus): ActivityAction[] {
  return Object.keys(ACTIVITY_TRANSITIONS[status]) as ActivityAction[];
}

/** The statuses that allow `action`: which activities a bulk change may pick. */
export function activityStatusesAllowing(action: ActivityAction): ActivityStatus[] {
  return (Object.values(ActivityStatus) as ActivityStatus[]).filter(
    (status) => ACTIVITY_TRANSITIONS[status][action] !== undefined,
  );
}

/** Where `action` leads from `status`; a CONFLICT naming the current status if nowhere. */
export function nextActivityStatus(status: ActivityStatus, action: ActivityAction): ActivityStatus {
  const next = ACTIVITY_TRANSITIONS[status][action];
  if (next === undefined) {
    throw new ConflictError(
      msg('activities.notPlanned', { status, verb: ACTION_WORDS[action] }),
      'INVALID_TRANSITION',
    );
  }
  return next;
}
