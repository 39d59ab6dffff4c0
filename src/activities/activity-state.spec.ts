import { ConflictError } from '../common/errors/domain-errors';
import { ActivityStatus } from './activity-enums';
import {
  ACTIVITY_TRANSITIONS,
  ActivityAction,
  activityStatusesAllowing,
  allowedActivityActions,
  INITIAL_ACTIVITY_STATUS,
  nextActivityStatus,
} from './activity-state';

const { PLANNED, DONE, CANCELLED } = ActivityStatus;
const { COMPLETE, CANCEL } = ActivityAction;

describe('the activity transition table', () => {
  it('starts every activity PLANNED and has a row for every status', () => {
    expect(INITIAL_ACTIVITY_STATUS).toBe(PLANNED);
    expect(Object.keys(ACTIVITY_TRANSITIONS).sort()).toEqual(Object.values(ActivityStatus).sort());
  });

  it('changes a PLANNED activity only, to DONE or CANCELLED', () => {
    expect(nextActivityStatus(PLANNED, COMPLETE)).toBe(DONE);
    expect(nextActivityStatus(PLANNED, CANCEL)).toBe(CANCELLED);
    expect(allowedActivityActions(DONE)).toEqual([]);
    expect(allowedActivityActions(CANCELLED)).toEqual([]);
    expect(activityStatusesAllowing(CANCEL)).toEqual([PLANNED]);
  });

  it('refuses a final status with a CONFLICT naming it', () => {
    expect(() => nextActivityStatus(DONE, CANCEL)).toThrow(ConflictError);
    expect(() => nextActivityStatus(DONE, CANCEL)).toThrow(
      'The activity is DONE: only a PLANNED activity can be cancelled',
    );
    expect(() => nextActivityStatus(CANCELLED, COMPLETE)).toThrow(
      'The activity is CANCELLED: only a PLANNED activity can be completed',
    );
  });
});
