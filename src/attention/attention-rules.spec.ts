import { AttentionKind, AttentionLevel } from './attention-kind';
import {
  byUrgency,
  daysSince,
  expiryWarningFrom,
  levelOfExpiry,
  levelOfWait,
  parseThresholds,
  thresholdProblem,
} from './attention-rules';

const at = (iso: string) => new Date(iso);
const DAY = 24 * 60 * 60 * 1000;

describe('attention rules', () => {
  it('reads "amber/red" days and refuses anything else', () => {
    expect(parseThresholds('60/120')).toEqual({ amber: 60, red: 120 });
    expect(parseThresholds(' 0/30 ')).toEqual({ amber: 0, red: 30 });
    expect(() => parseThresholds('60-120')).toThrow('"60-120" is not "amber/red" days');
  });

  it('wants amber before red: fewer days waited, or more days left before an expiry', () => {
    expect(thresholdProblem(AttentionKind.NEED_UNMATCHED, { amber: 60, red: 120 })).toBeUndefined();
    expect(thresholdProblem(AttentionKind.NEED_UNMATCHED, { amber: 30, red: 30 })).toBeUndefined();
    expect(thresholdProblem(AttentionKind.PROPOSAL_UNANSWERED, { amber: 14, red: 7 })).toBe(
      'the amber days must not be more than the red ones, e.g. "60/120"',
    );
    expect(thresholdProblem(AttentionKind.POSTING_EXPIRING, { amber: 30, red: 7 })).toBeUndefined();
    expect(thresholdProblem(AttentionKind.POSTING_EXPIRING, { amber: 7, red: 30 })).toBe(
      'the red days left must not be more than the amber ones, e.g. "30/7"',
    );
  });

  it('counts whole days waited, never fewer than none', () => {
    const since = at('2026-01-01T10:00:00Z');
    expect(daysSince(since, at('2026-01-01T23:59:59Z'))).toBe(0);
    expect(daysSince(since, at('2026-01-02T10:00:00Z'))).toBe(1);
    expect(daysSince(since, at('2026-03-02T09:59:59Z'))).toBe(59);
    expect(daysSince(since, at('2025-12-31T00:00:00Z'))).toBe(0);
  });

  it('colours a wait amber from the first threshold and red from the second', () => {
    const since = at('2026-01-01T00:00:00Z');
    const thresholds = { amber: 7, red: 14 };
    const after = (days: number) => new Date(since.getTime() + days * DAY);
    expect(levelOfWait(since, after(6.99), thresholds)).toBeNull();
    expect(levelOfWait(since, after(7), thresholds)).toBe(AttentionLevel.AMBER);
    expect(levelOfWait(since, after(13.99), thresholds)).toBe(AttentionLevel.AMBER);
    expect(levelOfWait(since, after(14), thresholds)).toBe(AttentionLevel.RED);
    expect(levelOfWait(since, after(0), { amber: 0, red: 30 })).toBe(AttentionLevel.AMBER);
  });

  it('colours an expiry by the days left: amber within a month, red in the last week and after', () => {
    const expiresAt = at('2026-06-30T00:00:00Z');
    const thresholds = { amber: 30, red: 7 };
    const before = (days: number) => new Date(expiresAt.getTime() - days * DAY);
    expect(levelOfExpiry(expiresAt, before(30.01), thresholds)).toBeNull();
    expect(levelOfExpiry(expiresAt, before(30), thresholds)).toBe(AttentionLevel.AMBER);
    expect(levelOfExpiry(expiresAt, before(7.01), thresholds)).toBe(AttentionLevel.AMBER);
    expect(levelOfExpiry(expiresAt, before(7), thresholds)).toBe(AttentionLevel.RED);
    expect(levelOfExpiry(expiresAt, before(-1), thresholds)).toBe(AttentionLevel.RED);
    expect(expiryWarningFrom(expiresAt, thresholds).toISOString()).toBe('2026-05-31T00:00:00.000Z');
  });

  it('puts red first, then the longest waiting, then a stable order', () => {
    const items = [
      { level: AttentionLevel.AMBER, since: at('2026-01-01T00:00:00Z'), key: 'a' },
      { level: AttentionLevel.RED, since: at('2026-02-01T00:00:00Z'), key: 'b' },
      { level: AttentionLevel.RED, since: at('2026-01-15T00:00:00Z'), key: 'd' },
      { level: AttentionLevel.RED, since: at('2026-01-15T00:00:00Z'), key: 'c' },
    ];
    expect(items.sort(byUrgency).map((item) => item.key)).toEqual(['c', 'd', 'b', 'a']);
  });
});
