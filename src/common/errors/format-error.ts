import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { dateRuleMessage } from '../scalars/date-time.scalar';
import type { FieldProblem } from './domain-errors';
import { knownGraphQLError } from './known-error';

/** Codes Apollo and graphql-js give to errors in the request itself; passed through. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Codes our own error filter sets. */
const SERVICE_ERROR_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
]);

/**
 * Variable coercion errors ("Variable "$input" got invalid value 3 at "input.title"; ...")
 * come from graphql-js as BAD_USER_INPUT without field names: name the field here.
 * `reason` is graphql-js's own message for the failing value, when the original error
 * is at hand: the echoed value may itself contain "; ", so the message is cut there.
 */
function fieldsOfCoercionError(message: string, reason?: string): FieldProblem[] {
  const cut = reason && message.endsWith(`; ${reason}`) ? message.length - reason.length - 2 : -1;
  const invalid =
    cut >= 0
      ? /^Variable "\$(\w+)" got invalid value .*?(?: at "([\w.[\]]+)")?$/s.exec(
          message.slice(0, cut),
        )
      : /^Variable "\$(\w+)" got invalid value .*?(?: at "([\w.[\]]+)")?; (.*)$/s.exec(message);
  if (invalid) {
    const [, variable, path] = invalid;
    const problem = cut >= 0 ? reason! : invalid[3];
    const at = path ?? variable;
    // A missing or unknown input field is reported at its parent object: name the field.
    const inner =
      /^Field "(\w+)" (?:of required type .* was not provided|is not defined by type)/.exec(
        problem,
      );
    const field = inner ? `${at}.${inner[1]}` : at;
    // The Message of a rule of the service's own (DateTime's), to answer in the caller's language.
    const i18n = dateRuleMessage(problem);
    return [i18n ? { field, message: problem, i18n } : { field, message: problem }];
  }
  // The variable itself is null or absent.
  const absent =
    /^Variable "\$(\w+)" of (?:non-null|required) type "[^"]+" (must not be null|was not provided)\.$/.exec(
      message,
    );
  if (absent) return [{ field: absent[1], message: `${absent[1]} ${absent[2]}` }];
  return [];
}

/** graphql-js keeps the failing value's own error as `originalError` of a coercion error. */
function innerOf(error: unknown): GraphQLError | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const inner = error.originalError;
  return inner instanceof GraphQLError ? inner : undefined;
}

/**
 * The last step before an error leaves the service: every error carries a known
 * `extensions.code`, never a stack trace, and anything unrecognized is masked.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error?: unknown,
): GraphQLFormattedError {
  // A field resolver's own exception (fields run without Nest's filter): answered as the
  // filter answers a root field's.
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  const known = original && !(original instanceof GraphQLError) && knownGraphQLError(original);
  if (known) formatted = { ...formatted, message: known.message, extensions: known.extensions };

  const extensions = formatted.extensions ?? {};
  const code = typeof extensions.code === 'string' ? extensions.code : undefined;

  if (code === 'BAD_USER_INPUT' && !Array.isArray(extensions.fields)) {
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        code,
        fields: fieldsOfCoercionError(formatted.message, innerOf(error)?.message),
      },
    };
  }
  if (code && (REQUEST_ERROR_CODES.has(code) || SERVICE_ERROR_CODES.has(code))) {
    const { stacktrace: _stacktrace, exception: _exception, ...safe } = extensions;
    return { ...formatted, extensions: safe };
  }
  // Our filter and UnexpectedFaultsPlugin already logged what they masked, with its request
  // id; anything else is masked here.
  const requestId = code === 'INTERNAL_SERVER_ERROR' ? extensions.requestId : undefined;
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
  };
}
