import { randomBytes } from 'node:crypto';
import { DEVELOPMENT_JWT_SECRET, secretEntropyBits, validateEnvironment } from './environment';

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
      PASSWORD_HASH_COST: 15,
      LOGIN_ATTEMPTS_PER_ADDRESS: 30,
      LOGIN_WINDOW_SECONDS: 900,
      AUTH_FAILURES_PER_ADDRESS: 100,
      TRUST_PROXY_HOPS: 0,
      REDIS_KEY_PREFIX: 'mirps-twinning:',
      MAIL_FROM: 'MIRPS <no-reply@localhost>',
      MAIL_POLL_MS: 5000,
      MAIL_RETRY_MS: 30000,
      MAIL_MAX_ATTEMPTS: 30,
      MAIL_SEND_TIMEOUT_MS: 60000,
      PASSWORD_RESETS_PER_ADDRESS: 10,
      PASSWORD_RESETS_PER_EMAIL: 3,
      NEW_MATCHES_CRON: '0 12 * * *',
      ATTENTION_NEED_UNMATCHED_DAYS: '60/120',
      ATTENTION_PROPOSAL_UNANSWERED_DAYS: '7/14',
      ATTENTION_TWINNING_WITHOUT_ACTIVITY_DAYS: '30/90',
      ATTENTION_FOLLOW_UP_OVERDUE_DAYS: '0/30',
      ATTENTION_POSTING_EXPIRING_DAYS: '30/7',
      POSTING_VALIDITY_DAYS: 365,
      POSTING_EXPIRY_WARNING_DAYS: 30,
      PROPOSAL_EXPIRY_DAYS: 30,
      FOLLOW_UP_AFTER_DAYS: 180,
      IMPORT_MAX_BYTES: 20 * 1024 * 1024,
      IMPORT_POLL_MS: 1000,
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
    [
      { SMTP_URL: 'mail.example.org:25' },
      'Invalid configuration: SMTP_URL must look like "smtp://user:password@host:587" (or "smtps://" for TLS)',
    ],
    [
      { MAIL_FROM: 'no-reply' },
      'Invalid configuration: MAIL_FROM must be an address such as "MIRPS <no-reply@example.org>"',
    ],
    [
      { NEW_MATCHES_CRON: 'daily' },
      'Invalid configuration: NEW_MATCHES_CRON must be a cron expression such as "0 12 * * *"',
    ],
    [
      { NEW_MATCHES_CRON: '99 99 * * *' },
      'Invalid configuration: NEW_MATCHES_CRON must be a cron expression such as "0 12 * * *"',
    ],
    [
      { ATTENTION_NEED_UNMATCHED_DAYS: '60' },
      'Invalid configuration: ATTENTION_NEED_UNMATCHED_DAYS must be "amber/red" in days, e.g. "60/120"',
    ],
    [
      { ATTENTION_PROPOSAL_UNANSWERED_DAYS: '14/7' },
      'Invalid configuration: ATTENTION_PROPOSAL_UNANSWERED_DAYS: the amber days must not be more than the red ones, e.g. "60/120"',
    ],
    [
      { ATTENTION_POSTING_EXPIRING_DAYS: '7/30' },
      'Invalid configuration: ATTENTION_POSTING_EXPIRING_DAYS: the red days left must not be more than the amber ones, e.g. "30/7"',
    ],
    [{ PORT: '70000' }, 'Invalid configuration: PORT must not be greater than 65535'],
    [
      { POSTING_VALIDITY_DAYS: '0' },
      'Invalid configuration: POSTING_VALIDITY_DAYS must not be less than 1',
    ],
    [
      { POSTING_VALIDITY_DAYS: '30' },
      'Invalid configuration: POSTING_EXPIRY_WARNING_DAYS must be less than POSTING_VALIDITY_DAYS',
    ],
    [
      { PROPOSAL_EXPIRY_DAYS: 'a month' },
      'Invalid configuration: PROPOSAL_EXPIRY_DAYS must be an integer number',
    ],
    [
      { FOLLOW_UP_AFTER_DAYS: '0' },
      'Invalid configuration: FOLLOW_UP_AFTER_DAYS must not be less than 1',
    ],
    [
      { FOLLOW_UP_AFTER_DAYS: 'half a year' },
      'Invalid configuration: FOLLOW_UP_AFTER_DAYS must be an integer number',
    ],
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
        'SECRETARIAT_EMAIL is required in production; SECRETARIAT_PASSWORD is required in production; ' +
        'SMTP_URL is required in production (e-mails would be lost)',
    );
    const env = validateEnvironment({
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('base64'),
      SECRETARIAT_EMAIL: 'secretariat@mirps.org',
      SECRETARIAT_PASSWORD: 'a-long-enough-password',
      SMTP_URL: 'smtp://mail.mirps.org:587',
    });
    expect(env.NODE_ENV).toBe('production');
  });

  it('hashes passwords at cost 15 unless told, takes 10 to 20, and in production no less than 15', () => {
    expect(validateEnvironment({}).PASSWORD_HASH_COST).toBe(15);
    expect(validateEnvironment({ PASSWORD_HASH_COST: '10' }).PASSWORD_HASH_COST).toBe(10);
    expect(() => validateEnvironment({ PASSWORD_HASH_COST: '9' })).toThrow(
      'Invalid configuration: PASSWORD_HASH_COST must not be less than 10',
    );
    expect(() => validateEnvironment({ PASSWORD_HASH_COST: '21' })).toThrow(
      'Invalid configuration: PASSWORD_HASH_COST must not be greater than 20',
    );
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('base64'),
      SECRETARIAT_EMAIL: 'secretariat@mirps.org',
      SECRETARIAT_PASSWORD: 'a-long-enough-password',
      SMTP_URL: 'smtp://mail.mirps.org:587',
    };
    expect(() => validateEnvironment({ ...production, PASSWORD_HASH_COST: '14' })).toThrow(
      'Invalid configuration: PASSWORD_HASH_COST must be at least 15 in production',
    );
    expect(
      validateEnvironment({ ...production, PASSWORD_HASH_COST: '16' }).PASSWORD_HASH_COST,
    ).toBe(16);
  });

  it('in production, refuses a JWT secret long enough but predictable, naming its estimate', () => {
    const production = {
      NODE_ENV: 'production',
      SECRETARIAT_EMAIL: 'secretariat@mirps.org',
      SECRETARIAT_PASSWORD: 'a-long-enough-password',
      SMTP_URL: 'smtp://mail.mirps.org:587',
    };
    expect(() => validateEnvironment({ ...production, JWT_SECRET: 'a'.repeat(32) })).toThrow(
      'Invalid configuration: JWT_SECRET is too predictable for production (about 0 bits of 128): ' +
        'use a random value, e.g. the output of "openssl rand -base64 32"',
    );
    for (const weak of ['changeme-changeme-changeme-chang', '0101010101010101010101010101010101']) {
      expect(() => validateEnvironment({ ...production, JWT_SECRET: weak })).toThrow(
        /JWT_SECRET is too predictable for production/,
      );
    }
    // The same secret is fine outside production: development and tests use simple ones.
    expect(validateEnvironment({ JWT_SECRET: 'a'.repeat(32) }).JWT_SECRET).toBe('a'.repeat(32));
  });
});

describe('secretEntropyBits', () => {
  it('scores a repeated character 0 and random secrets about their size', () => {
    expect(secretEntropyBits('a'.repeat(64))).toBe(0);
    expect(secretEntropyBits('ab'.repeat(32))).toBe(64);
    // 32 random bytes, as openssl rand -base64 32 or -hex 32 give them.
    for (let i = 0; i < 20; i += 1) {
      expect(secretEntropyBits(randomBytes(32).toString('base64'))).toBeGreaterThan(180);
      expect(secretEntropyBits(randomBytes(32).toString('hex'))).toBeGreaterThan(200);
    }
  });
});
