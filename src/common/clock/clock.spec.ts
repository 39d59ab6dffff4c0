import { Clock, ManualClock } from './clock';

describe('Clock', () => {
  it('reads the real time', () => {
    const before = Date.now();
    const now = new Clock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('stands still as a ManualClock until set or moved, and hands out copies', () => {
    const clock = new ManualClock(new Date('2026-03-01T12:00:00Z'));
    const read = clock.now();
    read.setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe('2026-03-01T12:00:00.000Z');
    clock.advanceDays(30.5);
    expect(clock.now().toISOString()).toBe('2026-04-01T00:00:00.000Z');
    clock.set(new Date('2027-01-01T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
});
