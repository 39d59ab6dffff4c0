import { GraphQLError, GraphQLScalarType, Kind, ValueNode } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { MessageKey, msg } from '../../i18n/catalogs';
import type { Message } from '../../i18n/message';

/**
 * The years a date of this domain can fall in: the MIRPS began in 2017 and plans look a
 * few years ahead. Anything outside is a typing mistake, and a year outside 0000–9999
 * cannot even be stored as text by every engine (SQLite keeps "-000001" as "00-1").
 */
export const EARLIEST_DATE = new Date(Date.UTC(1990, 0, 1));
export const LATEST_DATE = new Date(Date.UTC(2101, 0, 1)); // exclusive: up to 2100-12-31

export const DATE_TIME_FORMAT_RULE =
  'must be an RFC 3339 date-time with an explicit offset, e.g. 2026-06-01T09:00:00Z or ' +
  '2026-06-01T09:00:00-06:00, on a real calendar day';
export const DATE_TIME_RANGE_RULE = 'must fall between 1990-01-01 and 2100-12-31';

/** Whether a stored or computed date is one every reader can read back. */
export function isDomainDate(date: Date): boolean {
  const time = date.getTime();
  return !Number.isNaN(time) && time >= EARLIEST_DATE.getTime() && time < LATEST_DATE.getTime();
}

/** The rules' Messages, by their English text: what formatError reads a coercion error by. */
const RULE_MESSAGES = new Map<string, MessageKey>([
  [DATE_TIME_FORMAT_RULE, 'common.dateFormat'],
  [`${DATE_TIME_FORMAT_RULE} (a string)`, 'common.dateFormatString'],
  [DATE_TIME_RANGE_RULE, 'common.dateRange'],
]);

/**
 * The Message of a DateTime rule from its English text. graphql-js keeps only the text of
 * a scalar's refusal in the error it reports for a variable, so the text is the key here.
 */
export function dateRuleMessage(text: string): Message | undefined {
  const key = RULE_MESSAGES.get(text);
  return key ? msg(key) : undefined;
}

function broken(rule: string): GraphQLError {
  return new GraphQLError(rule);
}

function parse(value: unknown): Date {
  if (typeof value !== 'string') {
    throw broken(`${DATE_TIME_FORMAT_RULE} (a string)`);
  }
  let date: Date;
  try {
    // graphql-scalars checks the RFC 3339 profile: offset required, real days (no 30
    // February), no numbers taken as timestamps, no extended years.
    date = DateTimeResolver.parseValue(value);
  } catch {
    throw broken(DATE_TIME_FORMAT_RULE);
  }
  if (!isDomainDate(date)) throw broken(DATE_TIME_RANGE_RULE);
  return date;
}

/**
 * `DateTime`: what the API reads and writes as a point in time. Strict on input (see the
 * rules above; the failing rule is the field's message in `extensions.fields`), and
 * always written as UTC ISO 8601 with milliseconds.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description:
    'A point in time: an RFC 3339 date-time with an explicit offset ("Z" or "±hh:mm"), ' +
    'e.g. 2026-06-01T09:00:00-06:00, on a real calendar day between 1990-01-01 and ' +
    '2100-12-31. Written by the service in UTC, e.g. 2026-06-01T15:00:00.000Z.',
  serialize(value: unknown): string {
    const date = value instanceof Date ? value : new Date(value as string);
    if (Number.isNaN(date.getTime()))
      throw new GraphQLError('DateTime cannot write an invalid date');
    return date.toISOString();
  },
  parseValue: parse,
  parseLiteral(ast: ValueNode): Date {
    if (ast.kind !== Kind.STRING) {
      throw broken(`${DATE_TIME_FORMAT_RULE} (a string)`);
    }
    return parse(ast.value);
  },
});
