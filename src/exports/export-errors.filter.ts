import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AuthenticatedRequest } from '../common/graphql-context';
import { knownGraphQLError } from '../common/errors/known-error';
import { Locale, preferredLocale } from '../common/locale';
import { translateError } from '../i18n/translate-errors';
import { translate } from '../i18n/translate';
import { ExportClosedError } from './sheet-writers';

const STATUS_BY_CODE: Record<string, number> = {
  BAD_USER_INPUT: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  TOO_MANY_REQUESTS: HttpStatus.TOO_MANY_REQUESTS,
};

/**
 * The refusals of the export routes as JSON the caller can act on, as GraphQL answers
 * them: `{ code, message, fields? }` in the caller's language (user's locale, `lang=`,
 * Accept-Language), with the HTTP status of the code. Anything unexpected is logged and
 * answered 500 without internals; a failure once the file has started is a cut connection
 * (the headers are gone), so a client never takes half a file for a whole one.
 */
@Catch()
export class ExportErrorsFilter implements ExceptionFilter {
  private readonly log = new Logger('Exports');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const response = http.getResponse<Response>();
    if (response.headersSent && clientWentAway(exception)) {
      this.log.warn({ requestId: request.id }, 'Export cut short: the client went away');
      response.destroy();
      return;
    }
    const known = knownGraphQLError(exception);
    if (!known || response.headersSent) {
      this.log.error({ err: exception, requestId: request.id }, 'Export failed');
      if (response.headersSent) {
        response.destroy();
        return;
      }
    }
    // The file's headers may be set already (nothing written yet): the answer is JSON.
    response.removeHeader('Content-Disposition');
    response.removeHeader('Content-Type');
    const locale = preferredLocale(request as Request, languageOf(request));
    if (!known) {
      response.status(HttpStatus.INTERNAL_SERVER_ERROR).json({
        code: 'INTERNAL_SERVER_ERROR',
        message: translate(locale, { key: 'common.internal' }),
      });
      return;
    }
    const answer = translateError(known.toJSON(), locale);
    const code = String(answer.extensions?.code);
    const { fields, reason } = (answer.extensions ?? {}) as Record<string, unknown>;
    if (code === 'UNAUTHENTICATED') response.setHeader('WWW-Authenticate', 'Bearer');
    response.status(STATUS_BY_CODE[code] ?? HttpStatus.BAD_REQUEST).json({
      code,
      message: answer.message,
      ...(fields ? { fields } : {}),
      ...(reason ? { reason } : {}),
    });
  }
}

/** The writer stopped because the connection closed (XLSX: our error; CSV: the pipeline's). */
function clientWentAway(exception: unknown): boolean {
  return (
    exception instanceof ExportClosedError ||
    (exception as { code?: unknown } | null)?.code === 'ERR_STREAM_PREMATURE_CLOSE'
  );
}

/** `lang=es|en` of the request, if it names one of them. */
export function languageOf(request: Pick<Request, 'query'>): Locale | undefined {
  const lang = request.query?.lang;
  if (typeof lang !== 'string') return undefined;
  return Object.values(Locale).find((locale) => String(locale) === lang.toUpperCase());
}
