import { AttentionKind } from '../attention/attention-kind';
import { parseThresholds, thresholdProblem } from '../attention/attention-rules';
import { plainToInstance, Transform } from 'class-transformer';
import { validateCronExpression } from 'cron';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidationError,
} from 'class-validator';

/** Used only outside production; production refuses to start with it. */
export const DEVELOPMENT_JWT_SECRET = 'development-only-jwt-secret-do-not-use-in-production';

export const NODE_ENVIRONMENTS = ['development', 'production', 'test'] as const;
export type NodeEnvironment = (typeof NODE_ENVIRONMENTS)[number];

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

/** "amber/red" days, e.g. "60/120" (the ATTENTION_* settings). */
const THRESHOLDS = /^\d{1,4}\/\d{1,4}$/;
const THRESHOLDS_MESSAGE = '$property must be "amber/red" in days, e.g. "60/120"';

/**
 * Every setting the service reads, with its default. The raw environment (plus `.env`)
 * is validated into this class once at start-up; nothing else reads `process.env`.
 */
export class Environment {
  @IsIn(NODE_ENVIRONMENTS)
  NODE_ENV: NodeEnvironment = 'development';

  // With stopAtFirstError the decorator nearest the property is checked first.
  @Transform(toInt)
  @Min(0)
  @Max(65535)
  @IsInt()
  PORT = 3000;

  /**
   * The address to listen on: "127.0.0.1" (this machine only), "::", a host name. Unset:
   * Node's default, every interface ("::", or "0.0.0.0" without IPv6).
   */
  @IsOptional()
  @Matches(/^([A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*)$/, {
    message: 'HOST must be an address such as 127.0.0.1 or ::, or a host name such as localhost',
  })
  HOST?: string;

  /**
   * "sqlite:PATH" (embedded, the default) or "postgres://user:password@host:5432/database",
   * optionally with "?schema=NAME" to keep the service's tables in a schema of their own.
   */
  @IsString()
  @Matches(/^(sqlite:.+|postgres(ql)?:\/\/\S+)$/, {
    message:
      'DATABASE_URL must look like "sqlite:PATH" or "postgres://user:password@host:5432/database"',
  })
  DATABASE_URL = 'sqlite:data/twinning.sqlite';

  /**
   * Redis for a deployment of several instances: live events (subscriptions) and the
   * rate-limit and login counters are shared through it. Unset: both stay in this process.
   */
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, {
    message: 'REDIS_URL must look like "redis://host:6379" (or "rediss://" for TLS)',
  })
  REDIS_URL?: string;

  /** Prefix of every Redis key and channel, so several deployments can share one Redis. */
  @IsString()
  @Matches(/^[A-Za-z0-9:_.-]+$/, {
    message: 'REDIS_KEY_PREFIX may hold only letters, digits and ":_.-"',
  })
  REDIS_KEY_PREFIX = 'mirps-twinning:';

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters long' })
  JWT_SECRET = DEVELOPMENT_JWT_SECRET;

  @IsString()
  @Matches(/^\d+\s*[smhd]?$/, {
    message: 'JWT_EXPIRES_IN must be a duration such as "8h", "30m" or a number of seconds',
  })
  JWT_EXPIRES_IN = '8h';

  @IsOptional()
  @IsEmail({ require_tld: false }, { message: 'SECRETARIAT_EMAIL must be an e-mail address' })
  SECRETARIAT_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'SECRETARIAT_PASSWORD must be at least 12 characters long' })
  SECRETARIAT_PASSWORD?: string;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /**
   * The address clients reach the service at, for links it hands out (calendar feeds);
   * defaults to http://localhost:PORT.
   */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, {
    message: 'PUBLIC_URL must be an http(s) URL such as https://twinning.example.org',
  })
  PUBLIC_URL?: string;

  /**
   * Overrides of the matching weights, e.g. "TEXT=0.4,CAPACITY=0": factor=weight pairs
   * (TOPIC, MODALITY, LANGUAGE, TIMING, ELIGIBILITY, TEXT, CAPACITY); normalised to sum 1.
   */
  @IsOptional()
  @Matches(
    /^\s*(TOPIC|MODALITY|LANGUAGE|TIMING|ELIGIBILITY|TEXT|CAPACITY)\s*=\s*\d+(\.\d+)?\s*(,\s*(TOPIC|MODALITY|LANGUAGE|TIMING|ELIGIBILITY|TEXT|CAPACITY)\s*=\s*\d+(\.\d+)?\s*)*$/,
    {
      message:
        'MATCHING_WEIGHTS must be FACTOR=weight pairs separated by commas, e.g. "TEXT=0.4,CAPACITY=0"',
    },
  )
  MATCHING_WEIGHTS?: string;

  /** Pairs scoring below this (0 to 1) are neither suggested nor planned. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))
      ? Number(value)
      : value,
  )
  @Min(0)
  @Max(1)
  @IsNumber({}, { message: 'MATCHING_MINIMUM_SCORE must be a number between 0 and 1' })
  MATCHING_MINIMUM_SCORE?: number;

  /**
   * Query abuse limits, checked before anything executes (GraphQL Armor). Sized so that
   * every screen's query fits with room to spare; see SECURITY.md for the measured values.
   */
  @Transform(toInt)
  @Min(1)
  @IsInt()
  GRAPHQL_MAX_DEPTH = 10;

  @Transform(toInt)
  @Min(0)
  @IsInt()
  GRAPHQL_MAX_ALIASES = 30;

  @Transform(toInt)
  @Min(0)
  @IsInt()
  GRAPHQL_MAX_DIRECTIVES = 20;

  @Transform(toInt)
  @Min(1)
  @IsInt()
  GRAPHQL_MAX_TOKENS = 2000;

  @Transform(toInt)
  @Min(1)
  @IsInt()
  GRAPHQL_MAX_COST = 25000;

  /** Requests a minute per signed-in user (else per client address). */
  @Transform(toInt)
  @Min(1)
  @IsInt()
  RATE_LIMIT_PER_MINUTE = 600;

  /** Failed logins per account (e-mail) within LOGIN_WINDOW_SECONDS before it is refused. */
  @Transform(toInt)
  @Min(1)
  @IsInt()
  LOGIN_FAILURES_PER_ACCOUNT = 5;

  /**
   * The cost of password hashing: scrypt's N is 2 to this power (15: about 100 ms a hash on
   * one core). Production refuses less than 15; the tests run at 10, since they create and
   * sign in thousands of accounts and what they test is not the hash's strength.
   */
  @Transform(toInt)
  @Min(10)
  @Max(20)
  @IsInt()
  PASSWORD_HASH_COST = 15;

  /** Login attempts (failed or not) per client address within LOGIN_WINDOW_SECONDS. */
  @Transform(toInt)
  @Min(1)
  @IsInt()
  LOGIN_ATTEMPTS_PER_ADDRESS = 30;

  /**
   * Requests refused for want of a valid token (none, a bad, expired or revoked one) per
   * client address within LOGIN_WINDOW_SECONDS; past it, the address's requests without a
   * valid token are answered TOO_MANY_REQUESTS for a window.
   */
  @Transform(toInt)
  @Min(1)
  @IsInt()
  AUTH_FAILURES_PER_ADDRESS = 100;

  /** How long a failed login (or a login attempt, for the address cap) counts. */
  @Transform(toInt)
  @Min(1)
  @IsInt()
  LOGIN_WINDOW_SECONDS = 900;

  /**
   * Browser origins allowed to call the API (CORS), comma separated, e.g.
   * "https://mirps.example.org,https://admin.mirps.example.org". Unset: none in production,
   * any http://localhost or http://127.0.0.1 origin otherwise.
   */
  @IsOptional()
  @Matches(/^\s*https?:\/\/[^\s,/]+\s*(,\s*https?:\/\/[^\s,/]+\s*)*$/, {
    message: 'CORS_ORIGINS must be origins such as "https://mirps.example.org" separated by commas',
  })
  CORS_ORIGINS?: string;

  /**
   * How many reverse proxies stand in front of the service: their X-Forwarded-For entries
   * are trusted to give the client's address (for the per-address limits). 0: none.
   */
  @Transform(toInt)
  @Min(0)
  @IsInt()
  TRUST_PROXY_HOPS = 0;

  /**
   * The bearer token `GET /metrics` asks for (Prometheus's `authorization` setting). Unset:
   * the metrics are open outside production, and not served at all in production.
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'METRICS_TOKEN must be at least 32 characters long' })
  METRICS_TOKEN?: string;

  /**
   * Audit entries older than this many days move from the log to its archive (both
   * append-only; `auditLog(filter: { archived: true })` reads the archive). Unset: none move.
   */
  @IsOptional()
  @Transform(toInt)
  @Min(1)
  @IsInt()
  AUDIT_RETENTION_DAYS?: number;

  /**
   * The mail server: "smtp://[user:password@]host:port", or "smtps://" for TLS from the
   * first byte (port 465). Unset: e-mails are written to the log (development and test);
   * production refuses to start without it.
   */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, {
    message: 'SMTP_URL must look like "smtp://user:password@host:587" (or "smtps://" for TLS)',
  })
  SMTP_URL?: string;

  /** The sender of every e-mail: an address, or "Name <address>". */
  @IsString()
  @Matches(/^([^<>\r\n]+<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/, {
    message: 'MAIL_FROM must be an address such as "MIRPS <no-reply@example.org>"',
  })
  MAIL_FROM = 'MIRPS <no-reply@localhost>';

  /** How often (milliseconds) the mail worker looks at the outbox when nothing wakes it. */
  @Transform(toInt)
  @Min(10)
  @IsInt()
  MAIL_POLL_MS = 5000;

  /**
   * The wait before the first retry of an e-mail the mail server did not take (then
   * doubled at each attempt, up to an hour); it is given up after MAIL_MAX_ATTEMPTS.
   */
  @Transform(toInt)
  @Min(10)
  @IsInt()
  MAIL_RETRY_MS = 30_000;

  @Transform(toInt)
  @Min(1)
  @IsInt()
  MAIL_MAX_ATTEMPTS = 30;

  /**
   * How long (milliseconds) a worker holds an e-mail it is sending; a worker killed
   * mid-send releases it when this has passed, and the e-mail is sent again then.
   */
  @Transform(toInt)
  @Min(100)
  @IsInt()
  MAIL_SEND_TIMEOUT_MS = 60_000;

  /** Password-reset requests per client address within an hour. */
  @Transform(toInt)
  @Min(1)
  @IsInt()
  PASSWORD_RESETS_PER_ADDRESS = 10;

  /** Password-reset e-mails per account within an hour (more requests are answered, silently). */
  @Transform(toInt)
  @Min(1)
  @IsInt()
  PASSWORD_RESETS_PER_EMAIL = 3;

  /**
   * When the daily digest of new suggestions (NEW_MATCHES) is written: a cron expression in
   * UTC. Default: every day at 12:00 UTC (the morning in Central America).
   */
  @IsString()
  @Matches(/^\S+(\s+\S+){4,5}$/, {
    message: 'NEW_MATCHES_CRON must be a cron expression such as "0 12 * * *"',
  })
  NEW_MATCHES_CRON = '0 12 * * *';

  // ---- The attention list (issue 14) ---------------------------------------------------
  // Each "amber/red" in days: amber from the first number, red from the second. For
  // POSTING_EXPIRING they are the days left before expiry (amber a month before, red the
  // last week); for the others the days something has waited.

  /** An open need that nobody has proposed for, since it was posted or its last twinning ended. */
  @Matches(THRESHOLDS, { message: THRESHOLDS_MESSAGE })
  ATTENTION_NEED_UNMATCHED_DAYS = '60/120';

  /** A proposal with a party still to answer, since it was made. */
  @Matches(THRESHOLDS, { message: THRESHOLDS_MESSAGE })
  ATTENTION_PROPOSAL_UNANSWERED_DAYS = '7/14';

  /** A confirmed twinning with no activity recorded, since its confirmation. */
  @Matches(THRESHOLDS, { message: THRESHOLDS_MESSAGE })
  ATTENTION_TWINNING_WITHOUT_ACTIVITY_DAYS = '30/90';

  /** A follow-up past due with an answer missing, since it fell due. */
  @Matches(THRESHOLDS, { message: THRESHOLDS_MESSAGE })
  ATTENTION_FOLLOW_UP_OVERDUE_DAYS = '0/30';

  /** A need or offer about to expire: days left. */
  @Matches(THRESHOLDS, { message: THRESHOLDS_MESSAGE })
  ATTENTION_POSTING_EXPIRING_DAYS = '30/7';

  // ---- Expiry of postings and proposals (issue 14) ---------------------------------------

  /** How long a need or an offer stays valid after it is posted or renewed, in days. */
  @Transform(toInt)
  @Min(1)
  @Max(3650)
  @IsInt()
  POSTING_VALIDITY_DAYS = 365;

  /**
   * How many days before a posting expires its owners are told (POSTING_EXPIRING); less
   * than POSTING_VALIDITY_DAYS.
   */
  @Transform(toInt)
  @Min(1)
  @IsInt()
  POSTING_EXPIRY_WARNING_DAYS = 30;

  /** How many days a proposal waits for a party that has not answered before it expires. */
  @Transform(toInt)
  @Min(1)
  @Max(365)
  @IsInt()
  PROPOSAL_EXPIRY_DAYS = 30;

  // ---- Imports of needs and offers (issue 16) -------------------------------------------

  /** The largest file an import takes, in bytes (default 20 MiB: about 100,000 rows). */
  @Transform(toInt)
  @Min(1024)
  @IsInt()
  IMPORT_MAX_BYTES = 20 * 1024 * 1024;

  /** How often (milliseconds) a worker looks for import jobs, without Redis. */
  @Transform(toInt)
  @Min(10)
  @IsInt()
  IMPORT_POLL_MS = 1000;

  // ---- Follow-ups (issue 14) -----------------------------------------------------------

  /**
   * How many days after a twinning is completed its follow-up falls due (the parties are
   * told then, FOLLOW_UP_DUE; past it with an answer missing it is OVERDUE).
   */
  @Transform(toInt)
  @Min(1)
  @Max(3650)
  @IsInt()
  FOLLOW_UP_AFTER_DAYS = 180;

  // ---- The web console (issue 13) ------------------------------------------------------

  /**
   * The built web console served at `/` (its index.html, with hashed files under assets/):
   * a folder, absolute or relative to the working folder. Unset: web/dist of the project.
   */
  @IsOptional()
  @IsString()
  CONSOLE_DIR?: string;

  // ---------------------------------------------------------------------------------------

  /** Where the code-first schema is written on start; empty means "keep it in memory". */
  @IsOptional()
  @IsString()
  SCHEMA_FILE?: string;
}

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) =>
      message.startsWith(error.property) ? message : `${error.property}: ${message}`,
    ),
  );
}

/** What production asks of JWT_SECRET, in estimated bits (see secretEntropyBits). */
export const MINIMUM_SECRET_BITS = 128;

/**
 * An upper estimate of the randomness of a secret, in bits: its length times the Shannon
 * entropy of its characters' frequencies. A random secret scores about its true size
 * (`openssl rand -base64 32`: about 215); one character repeated scores 0, and a short
 * alphabet or a few characters repeated score low. It cannot tell a long English phrase
 * from a random string: it catches careless secrets, not chosen ones.
 */
export function secretEntropyBits(secret: string): number {
  const characters = [...secret];
  const counts = new Map<string, number>();
  for (const character of characters) counts.set(character, (counts.get(character) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) bits -= count * Math.log2(count / characters.length);
  return bits;
}

/** Cross-setting rules that a single decorator cannot express. */
function productionRules(env: Environment): string[] {
  if (env.NODE_ENV !== 'production') return [];
  const problems: string[] = [];
  const secretBits = secretEntropyBits(env.JWT_SECRET);
  if (env.JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
    problems.push('JWT_SECRET must be set to a secret of your own in production');
  } else if (secretBits < MINIMUM_SECRET_BITS) {
    problems.push(
      `JWT_SECRET is too predictable for production (about ${Math.floor(secretBits)} ` +
        `bits of ${MINIMUM_SECRET_BITS}): use a random value, e.g. the output of "openssl rand -base64 32"`,
    );
  }
  if (env.PASSWORD_HASH_COST < 15) {
    problems.push('PASSWORD_HASH_COST must be at least 15 in production');
  }
  if (!env.SECRETARIAT_EMAIL) problems.push('SECRETARIAT_EMAIL is required in production');
  if (!env.SECRETARIAT_PASSWORD) problems.push('SECRETARIAT_PASSWORD is required in production');
  if (!env.SMTP_URL) problems.push('SMTP_URL is required in production (e-mails would be lost)');
  return problems;
}

/** Each ATTENTION_* pair in the order its kind reads it (see thresholdProblem). */
function attentionRules(env: Environment, known: string[]): string[] {
  const settings = {
    ATTENTION_NEED_UNMATCHED_DAYS: AttentionKind.NEED_UNMATCHED,
    ATTENTION_PROPOSAL_UNANSWERED_DAYS: AttentionKind.PROPOSAL_UNANSWERED,
    ATTENTION_TWINNING_WITHOUT_ACTIVITY_DAYS: AttentionKind.TWINNING_WITHOUT_ACTIVITY,
    ATTENTION_FOLLOW_UP_OVERDUE_DAYS: AttentionKind.FOLLOW_UP_OVERDUE,
    ATTENTION_POSTING_EXPIRING_DAYS: AttentionKind.POSTING_EXPIRING,
  } as const;
  return Object.entries(settings).flatMap(([setting, kind]) => {
    if (known.some((problem) => problem.startsWith(setting))) return [];
    const problem = thresholdProblem(kind, parseThresholds(env[setting as keyof typeof settings]));
    return problem ? [`${setting}: ${problem}`] : [];
  });
}

export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/**
 * Validates the raw environment. Empty strings count as unset, so `PORT=` in a `.env`
 * file falls back to the default instead of failing.
 */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const defined = Object.fromEntries(
    Object.entries(raw).filter(([, value]) => value !== undefined && value !== ''),
  );
  const env = plainToInstance(Environment, defined, { exposeDefaultValues: true });
  const problems = [
    ...describe(validateSync(env, { stopAtFirstError: true })),
    ...productionRules(env),
  ];
  if (
    !problems.some((problem) => problem.startsWith('NEW_MATCHES_CRON')) &&
    !validateCronExpression(env.NEW_MATCHES_CRON).valid
  ) {
    problems.push('NEW_MATCHES_CRON must be a cron expression such as "0 12 * * *"');
  }
  problems.push(...attentionRules(env, problems));
  if (
    !problems.some((problem) => problem.startsWith('POSTING_')) &&
    env.POSTING_EXPIRY_WARNING_DAYS >= env.POSTING_VALIDITY_DAYS
  ) {
    problems.push('POSTING_EXPIRY_WARNING_DAYS must be less than POSTING_VALIDITY_DAYS');
  }
  if (problems.length > 0) {
    throw new ConfigurationError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return env;
}
