import { validateEnvironment } from '../config/environment';
import { MetricsAccess } from './metrics-access';

const TOKEN = 'a-metrics-token-of-thirty-two-characters';

describe('MetricsAccess', () => {
  it('outside production without a token: open to anyone', () => {
    for (const environment of ['development', 'test'] as const) {
      const access = new MetricsAccess(environment, undefined);
      expect(access.off).toBe(false);
      expect(access.answer(undefined)).toBe('metrics');
      expect(access.answer('Bearer anything')).toBe('metrics');
    }
  });

  it('in production without a token: off, as if there were no such path', () => {
    const access = new MetricsAccess('production', undefined);
    expect(access.off).toBe(true);
    expect(access.answer(undefined)).toBe('not-found');
    expect(access.answer(`Bearer ${TOKEN}`)).toBe('not-found');
  });

  it('with a token, anywhere: only for "Authorization: Bearer <token>"', () => {
    for (const environment of ['development', 'test', 'production'] as const) {
      const access = new MetricsAccess(environment, TOKEN);
      expect(access.off).toBe(false);
      expect(access.answer(`Bearer ${TOKEN}`)).toBe('metrics');
      expect(access.answer(`bearer ${TOKEN}`)).toBe('metrics');
      expect(access.answer(undefined)).toBe('unauthorized');
      expect(access.answer('')).toBe('unauthorized');
      expect(access.answer(TOKEN)).toBe('unauthorized');
      expect(access.answer(`Basic ${TOKEN}`)).toBe('unauthorized');
      expect(access.answer(`Bearer ${TOKEN.slice(0, -1)}`)).toBe('unauthorized');
      expect(access.answer(`Bearer ${TOKEN}x`)).toBe('unauthorized');
      expect(access.answer(`Bearer ${TOKEN} extra`)).toBe('unauthorized');
    }
  });

  it('METRICS_TOKEN is at least 32 characters', () => {
    expect(() => validateEnvironment({ METRICS_TOKEN: 'short' })).toThrow(
      'Invalid configuration: METRICS_TOKEN must be at least 32 characters long',
    );
    expect(validateEnvironment({ METRICS_TOKEN: TOKEN }).METRICS_TOKEN).toBe(TOKEN);
    expect(validateEnvironment({}).METRICS_TOKEN).toBeUndefined();
  });
});
