/** What the on-track rule reads of an indicator. */
export interface IndicatorProgress {
  baseline: number | null;
  target: number | null;
  /** When the target is due; none: only reaching the target counts. */
  targetDate: Date | null;
  /** The latest value recorded, by its date. */
  current: number | null;
  /** When the schedule starts: when the indicator was set. */
  startedAt: Date;
}

/**
 * Whether an indicator is on track at `now`:
 * - without a target or a recorded value there is nothing to judge: not on track;
 * - it is on track once the latest value has reached the target, moving from the baseline
 *   toward it (up when the target is at or above the baseline, or there is no baseline;
 *   down when it is below);
 * - before that, with a baseline and a target date, it is on track when it has covered at
 *   least the share of the way from baseline to target that the time elapsed since it was
 *   set is of the time allowed: halfway through the period, half the way. A target date
 *   that has passed asks for the whole way.
 */
export function isOnTrack(indicator: IndicatorProgress, now: Date): boolean {
  const { baseline, target, targetDate, current, startedAt } = indicator;
  if (target === null || current === null) return false;
  const rising = baseline === null || target >= baseline;
  if (rising ? current >= target : current <= target) return true;
  if (baseline === null || targetDate === null) return false;

  const progress = (current - baseline) / (target - baseline);
  const allowed = targetDate.getTime() - startedAt.getTime();
  const elapsed =
    allowed <= 0 ? 1 : Math.min(1, Math.max(0, (now.getTime() - startedAt.getTime()) / allowed));
  return progress >= elapsed;
}
