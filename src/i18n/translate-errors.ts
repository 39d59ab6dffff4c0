// The ES module declarations, as @nestjs/apollo (an ES module) sees them.
import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import type { GraphQLFormattedError } from 'graphql';
import type { FieldProblem } from '../common/errors/domain-errors';
import type { GraphQLContext } from '../common/graphql-context';
import { Locale, preferredLocale } from '../common/locale';
import type { Message } from './message';
import { translate } from './translate';

/** What formatError leaves in an error's extensions for this step (and no further). */
interface Extensions {
  code?: unknown;
  i18n?: Message;
  fields?: FieldProblem[];
  [name: string]: unknown;
}

/** The rate limiter's own refusal (@nestjs/throttler): a text of its configuration. */
const THROTTLED = 'Too many requests: wait a moment, then try again';

/**
 * An error as the caller reads it: its message and each field's message in `locale`, from
 * the Message the service gave (texts not in the catalogs stay as they are), and nothing
 * of the Message itself. `extensions.code` and `reason` never change.
 */
export function translateError(
  error: GraphQLFormattedError,
  locale: Locale,
): GraphQLFormattedError {
  const { i18n, fields, ...extensions } = (error.extensions ?? {}) as Extensions;
  const problems = fields?.map(({ field, message, i18n: text }) => ({
    field,
    message: text ? translate(locale, text) : message,
  }));
  let message = error.message;
  if (extensions.code === 'INTERNAL_SERVER_ERROR') {
    message = translate(locale, { key: 'common.internal' });
  } else if (i18n) {
    message = translate(locale, i18n);
  } else if (extensions.code === 'BAD_USER_INPUT' && problems && problems.length > 0) {
    const list = problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
    message = translate(locale, { key: 'common.invalidInput', params: { problems: list } });
  } else if (extensions.code === 'TOO_MANY_REQUESTS' && message === THROTTLED) {
    message = translate(locale, { key: 'common.tooManyRequests' });
  }
  return {
    ...error,
    message,
    ...(error.extensions
      ? { extensions: problems ? { ...extensions, fields: problems } : extensions }
      : {}),
  };
}

/**
 * The last step of every answer over HTTP: its errors in the caller's language (the
 * signed-in user's locale, else Accept-Language, else Spanish). WebSocket answers go
 * through translateError in SubscriptionServer.
 */
export function translateErrorsPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        willSendResponse: ({ response, contextValue }) => {
          if (response.body.kind === 'single' && response.body.singleResult.errors) {
            const locale = preferredLocale(
              contextValue.req as Parameters<typeof preferredLocale>[0],
            );
            response.body.singleResult.errors = response.body.singleResult.errors.map((error) =>
              translateError(error, locale),
            );
          }
          return Promise.resolve();
        },
      }),
  };
}
