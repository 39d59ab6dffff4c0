import type { GraphQLFormattedError } from 'graphql';

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
 */
function fieldsOfCoercionError(message: string): { field: string; message: string }[] {
  const match = /^Variable "\$(\w+)" got invalid value .*?(?: at "([\w.[\]]+)")?; (.*)$/s.exec(
    message,
  );
  if (!match) return [];
  const [, variable, path, reason] = match;
  return [{ field: path ?? variable, message: reason }];
}

/**
 * The last step before an error leaves the service: every error carries a known
 * `extensions.code`, never a stack trace, and anything unrecognized is masked.
 */
export function formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const extensions = formatted.extensions ?? {};
  const code = typeof extensions.code === 'string' ? extensions.code : undefined;

  if (code === 'BAD_USER_INPUT' && !Array.isArray(extensions.fields)) {
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code, fields: fieldsOfCoercionError(formatted.message) },
    };
  }
  if (code && (REQUEST_ERROR_CODES.has(code) || SERVICE_ERROR_CODES.has(code))) {
    const { stacktrace: _stacktrace, exception: _exception, ...safe } = extensions;
    return { ...formatted, extensions: safe };
  }
  // Our filter already masked and logged what it saw; anything else is masked here.
  const requestId = code === 'INTERNAL_SERVER_ERROR' ? extensions.requestId : undefined;
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
  };
}
