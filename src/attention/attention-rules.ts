import { AttentionKind, AttentionLevel } from './attention-kind';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When something starts to need attention (amber) and when it is late (red), in days. For
 * every kind but POSTING_EXPIRING the days count since the thing began to wait; for
 * POSTING_EXPIRING they are the days left before the posting expires (amber 30: a month
 * before; red 7: the last week).
 */
export interface Thresholds {
  amber: number;
  red: number;
}

/** "60/120" → { amber: 60, red: 120 }; the settings are checked at start (environment.ts). */
export function parseThresholds(text: string): Thresholds {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not "amber/red" days, e.g. "60/120"`);
  return { amber: Number(match[1]), red: Number(match[2]) };
}

/** Why a pair of thresholds is wrong for its kind, or undefined when it is right. */
export function thresholdProblem(kind: AttentionKind, thresholds: Thresholds): string | undefined {
  if (kind === AttentionKind.POSTING_EXPIRING) {
    return thresholds.red <= thresholds.amber
      ? undefined
      : 'the red days left must not be more than the amber ones, e.g. "30/7"';
  }
  return thresholds.amber <= thresholds.red
    ? undefined
    : 'the amber days must not be more than the red ones, e.g. "60/120"';
}

/** Whole days from `since` to `now` (0 on the first day; never negative). */
export function daysSince(since: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS));
}

/**
 * The level of something waiting since `since`: none before the amber threshold, AMBER
 * from it, RED from the red one.
 */
export function levelOfWait(since: Date, now: Date, thresholds: Thresholds): AttentionLevel | null {
  const days = daysSince(since, now);
  if (days >= thresholds.red) return AttentionLevel.RED;
  if (days >= thresholds.amber) return AttentionLevel.AMBER;
  return null;
}

/**
 * The level of a posting expiring at `expiresAt`: none while more than the amber days are
 * left, AMBER within them, RED within the red days (and once past, until it is EXPIRED).
 */
export function levelOfExpiry(
  expiresAt: Date,
  now: Date,
  thresholds: Thresholds,
): AttentionLevel | null {
  const left = (expiresAt.getTime() - now.getTime()) / DAY_MS;
  if (left <= thresholds.red) return AttentionLevel.RED;
  if (left <= thresholds.amber) return AttentionLevel.AMBER;
  return null;
}

/** The moment a posting expiring at `expiresAt` starts to need attention. */
export function expiryWarningFrom(expiresAt: Date, thresholds: Thresholds): Date {
  return new Date(expiresAt.getTime() - thresholds.amber * DAY_MS);
}

/** The latest instant that has waited `days` days by `now`: what to select older than. */
export function waitingSince(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/** Reddest first, then the longest waiting, then a stable order. */
export function byUrgency(
  a: { level: AttentionLevel; since: Date; key: string },
  b: { level: AttentionLevel; since: Date; key: string },
): number {
  if (a.level !== b.level) return a.level === AttentionLevel.RED ? -1 : 1;
  const bySince = a.since.getTime() - b.since.getTime();
  return bySince !== 0 ? bySince : a.key.localeCompare(b.key);
}
