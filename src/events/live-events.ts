/**
 * What the service announces to live subscribers once a change is committed, by event
 * name. A payload carries ids and what routes it (working group codes), never the
 * records themselves: each subscription loads the current row and checks that its
 * subscriber may see it, so a payload can cross Redis as JSON and a permission is
 * always judged on current data.
 */
export interface LiveEvents {
  /** A need was posted in a working group, or moved into one. */
  needPosted: { needId: string; workingGroupCode: string };
  /** An offer was posted, or started serving more working groups: those it newly serves. */
  offerPosted: { offerId: string; workingGroupCodes: string[] };
  /**
   * Anything a twinning's subscribers see changed: proposed, answered by a party, each
   * status transition, an activity recorded, completed or cancelled.
   */
  twinningChanged: { twinningId: string };
  /** A comment was added to the thread of a need, an offer or a twinning. */
  commentAdded: { commentId: string; subjectId: string };
  /** An import job moved on: a batch done, or its status changed. */
  importProgress: { jobId: string };
}

export type LiveEventName = keyof LiveEvents;
