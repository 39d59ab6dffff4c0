/**
 * Where an indicator stands, by the service's on-track rule (src/commitments/indicator-progress.ts,
 * README "National Action Plan commitments"), in words a person reads:
 * - REACHED: the latest value has reached the target (moving from the baseline toward it);
 * - ON_TRACK / BEHIND: with a baseline and a target date, whether the share of the way
 *   covered is at least the share of the time elapsed;
 * - NOT_REACHED: without a baseline or a target date, only reaching the target counts;
 * - NO_VALUE, NO_TARGET: nothing to judge yet.
 * REACHED and ON_TRACK are what the service counts as on track.
 */
export type Track = 'REACHED' | 'ON_TRACK' | 'BEHIND' | 'NOT_REACHED' | 'NO_VALUE' | 'NO_TARGET';

export interface IndicatorLike {
  baseline?: number | null;
  target?: number | null;
  targetDate?: string | null;
  current?: number | null;
  values: readonly { recordedAt: string }[];
}

/**
 * The API does not expose when an indicator was set (where the service starts its schedule),
 * so the schedule here starts when its first value was recorded: never earlier than the
 * service's start, so a commitment "behind" here is behind there too.
 */
export function trackOf(indicator: IndicatorLike, now = new Date()): Track {
  const { baseline = null, target = null, targetDate = null, current = null } = indicator;
  if (target === null) return 'NO_TARGET';
  if (current === null) return 'NO_VALUE';
  const rising = baseline === null || target >= baseline;
  if (rising ? current >= target : current <= target) return 'REACHED';
  if (baseline === null || targetDate === null) return 'NOT_REACHED';
  const started = Math.min(...indicator.values.map((value) => Date.parse(value.recordedAt)));
  const progress = (current - baseline) / (target - baseline);
  const allowed = Date.parse(targetDate) - started;
  const elapsed = allowed <= 0 ? 1 : Math.min(1, Math.max(0, (now.getTime() - started) / allowed));
  return progress >= elapsed ? 'ON_TRACK' : 'BEHIND';
}

export const isOnTrack = (track: Track) => track === 'REACHED' || track === 'ON_TRACK';

/** Colour by meaning: green on track, amber behind, grey nothing to judge. */
export const TRACK_TONE: Record<Track, 'green' | 'amber' | 'grey'> = {
  REACHED: 'green',
  ON_TRACK: 'green',
  BEHIND: 'amber',
  NOT_REACHED: 'amber',
  NO_VALUE: 'grey',
  NO_TARGET: 'grey',
};

/** A decimal number as typed, with a comma or a point: null when empty, undefined when not one. */
export function decimalOf(text: string): number | null | undefined {
  const trimmed = text.trim().replace(/\s/g, '');
  if (trimmed === '') return null;
  const normal = trimmed.replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : undefined;
}

/**
 * Today in the reader's calendar, as a date input's value: a value dated that day is stored
 * at 00:00 UTC, never in the future for the MIRPS states (west of Greenwich).
 */
export function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
