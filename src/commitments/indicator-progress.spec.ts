import { IndicatorProgress, isOnTrack } from './indicator-progress';

const START = new Date('2026-01-01T00:00:00.000Z');
const DUE = new Date('2027-01-01T00:00:00.000Z');
/** Halfway from START to DUE (365 days: day 182.5). */
const HALFWAY = new Date((START.getTime() + DUE.getTime()) / 2);

function indicator(overrides: Partial<IndicatorProgress>): IndicatorProgress {
  return {
    baseline: 0,
    target: 100,
    targetDate: DUE,
    current: null,
    startedAt: START,
    ...overrides,
  };
}

describe('isOnTrack: the latest value against the target and the time allowed', () => {
  it('judges nothing without a target or a recorded value', () => {
    expect(isOnTrack(indicator({ target: null, current: 100 }), HALFWAY)).toBe(false);
    expect(isOnTrack(indicator({ current: null }), HALFWAY)).toBe(false);
  });

  it.each([
    ['reached, rising', { baseline: 10, target: 50, current: 50 }, true],
    ['passed, rising', { baseline: 10, target: 50, current: 70 }, true],
    ['reached, falling (a backlog to cut)', { baseline: 900, target: 300, current: 300 }, true],
    ['passed, falling', { baseline: 900, target: 300, current: 120 }, true],
    ['no baseline: at or above the target', { baseline: null, target: 40, current: 40 }, true],
    ['no baseline: below the target', { baseline: null, target: 40, current: 39 }, false],
  ])('a target reached is on track whatever the date: %s', (_case, values, expected) => {
    const late = new Date('2030-01-01T00:00:00.000Z');
    expect(isOnTrack(indicator(values), late)).toBe(expected);
  });

  it('before the target: on track when the share of the way covered keeps up with the time', () => {
    expect(isOnTrack(indicator({ current: 50 }), HALFWAY)).toBe(true);
    expect(isOnTrack(indicator({ current: 49.9 }), HALFWAY)).toBe(false);
    // A quarter of the way a quarter of the way in.
    const quarter = new Date(START.getTime() + (DUE.getTime() - START.getTime()) / 4);
    expect(isOnTrack(indicator({ current: 25 }), quarter)).toBe(true);
    expect(isOnTrack(indicator({ current: 24 }), quarter)).toBe(false);
  });

  it('falling targets count the way down', () => {
    const backlog = { baseline: 1000, target: 200 };
    expect(isOnTrack(indicator({ ...backlog, current: 600 }), HALFWAY)).toBe(true);
    expect(isOnTrack(indicator({ ...backlog, current: 601 }), HALFWAY)).toBe(false);
  });

  it('going the wrong way is never on track, however early', () => {
    expect(isOnTrack(indicator({ current: -1 }), START)).toBe(false);
    expect(isOnTrack(indicator({ current: 0 }), START)).toBe(true);
  });

  it('past the target date the whole way is asked; before the start, none of it', () => {
    const after = new Date('2027-06-01T00:00:00.000Z');
    expect(isOnTrack(indicator({ current: 99 }), after)).toBe(false);
    expect(isOnTrack(indicator({ current: 0 }), new Date('2025-06-01T00:00:00.000Z'))).toBe(true);
  });

  it('without a baseline or a target date only reaching the target counts', () => {
    expect(isOnTrack(indicator({ targetDate: null, current: 99 }), START)).toBe(false);
    expect(isOnTrack(indicator({ baseline: null, current: 99 }), START)).toBe(false);
  });

  it('a target date at or before the start asks for the whole way at once', () => {
    expect(isOnTrack(indicator({ targetDate: START, current: 99 }), START)).toBe(false);
  });
});
