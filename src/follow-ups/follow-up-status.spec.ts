import { followUpStatus, FollowUpStatus } from './follow-up-status';

describe('followUpStatus', () => {
  const dueAt = new Date('2027-09-01T12:00:00.000Z');
  const at = (offsetMs: number) => new Date(dueAt.getTime() + offsetMs);

  it('is DUE up to and at the due date while an answer is missing', () => {
    expect(followUpStatus({ dueAt, submittedAt: null }, at(-86_400_000))).toBe(FollowUpStatus.DUE);
    expect(followUpStatus({ dueAt, submittedAt: null }, at(0))).toBe(FollowUpStatus.DUE);
  });

  it('is OVERDUE past the due date while an answer is missing', () => {
    expect(followUpStatus({ dueAt, submittedAt: null }, at(1))).toBe(FollowUpStatus.OVERDUE);
  });

  it('is SUBMITTED once every party answered, early or late, whenever it is read', () => {
    for (const submittedAt of [at(-1000), at(5000)]) {
      for (const now of [at(-2000), at(0), at(10_000)]) {
        expect(followUpStatus({ dueAt, submittedAt }, now)).toBe(FollowUpStatus.SUBMITTED);
      }
    }
  });
});
