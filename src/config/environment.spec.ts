import { DEVELOPMENT_JWT_SECRET, validateEnvironment } from './environment';

describe('validateEnvironment', () => {
  it('fills every default for an empty environment', () => {
    expect({ ...validateEnvironment({}) }).toEqual({
      NODE_ENV: 'development',
      PORT: 3000,
      DATABASE_URL: 'sqlite:data/twinning.sqlite',
      JWT_SECRET: DEVELOPMENT_JWT_SECRET,
      JWT_EXPIRES_IN: '8h',
      LOG_LEVEL: 'info',
      GRAPHQL_MAX_DEPTH: 10,
      GRAPHQL_MAX_ALIASES: 30,
      GRAPHQL_MAX_DIRECTIVES: 20,
      GRAPHQL_MAX_TOKENS: 2000,
      GRAPHQL_MAX_COST: 25000,
      RATE_LIMIT_PER_MINUTE: 600,
      LOGIN_FAILURES_PER_ACCOUNT: 5,
      LOGIN_ATTEMPTS_PER_ADDRESS: 30,
      LOGIN_WINDOW_SECONDS: 900,
      TRUST_PROXY_HOPS: 0,
      REDIS_KEY_PREFIX: 'mirps-twinning:',
    });
  });

  it('reads numbers from strings and treats empty values as unset', () => {
    const env = validateEnvironment({ PORT: '8080', DATABASE_URL: '', LOG_LEVEL: 'debug' });
    expect([env.PORT, env.DATABASE_URL, env.LOG_LEVEL]).toEqual([
      8080,
      'sqlite:data/twinning.sqlite',
      'debug',
    ]);
  });

  it.each([
    [{ PORT: 'eighty' }, 'Invalid configuration: PORT must be an integer number'],
    [{ PORT: '70000' }, 'Invalid configuration: PORT must not be greater than 65535'],
    [
      { DATABASE_URL: 'mysql://localhost/db' },
      'Invalid configuration: DATABASE_URL must look like "sqlite:PATH" or "postgres://user:password@host:5432/database"',
    ],
    [
      { REDIS_URL: 'localhost:6379' },
      'Invalid configuration: REDIS_URL must look like "redis://host:6379" (or "rediss://" for TLS)',
    ],
    [
      { JWT_SECRET: 'short' },
      'Invalid configuration: JWT_SECRET must be at least 32 characters long',
    ],
    [
      { NODE_ENV: 'staging' },
      'Invalid configuration: NODE_ENV must be one of the following values: development, production, test',
    ],
    [
      { SECRETARIAT_EMAIL: 'not an e-mail' },
      'Invalid configuration: SECRETARIAT_EMAIL must be an e-mail address',
    ],
  ])('refuses %j with one line naming the variable', (raw, message) => {
    expect(() => validateEnvironment(raw)).toThrow(message);
  });

  it('in production, requires a JWT secret of its own and the secretariat account', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production' })).toThrow(
      'Invalid configuration: JWT_SECRET must be set to a secret of your own in production; ' +
        'SECRETARIAT_EMAIL is required in production; SECRETARIAT_PASSWORD is required in production',
    );
    const env = validateEnvironment({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(48),
      SECRETARIAT_EMAIL: 'secretariat@mirps.org',
      SECRETARIAT_PASSWORD: 'a-long-enough-password',
    });
    expect(env.NODE_ENV).toBe('production');
  });
});
