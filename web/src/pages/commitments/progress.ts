/**
 * Where an indicator stands, in words a person reads; whether it is on track is the
 * service's answer (`Indicator.onTrack`, the rule the coverage report counts):
 * - REACHED: the latest value has reached the target (moving from the baseline toward it);
 * - ON_TRACK / BEHIND: on track or not before reaching it, with a baseline and a target date;
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
  onTrack: boolean;
}

export function trackOf(indicator: IndicatorLike): Track {
  const { baseline = null, target = null, targetDate = null, current = null } = indicator;
  if (target === null) return 'NO_TARGET';
  if (current === null) return 'NO_VALUE';
  const rising = baseline === null || target >= baseline;
  if (rising ? current >= target : current <= target) return 'REACHED';
  if (indicator.onTrack) return 'ON_TRACK';
  return baseline === null || targetDate === null ? 'NOT_REACHED' : 'BEHIND';
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
