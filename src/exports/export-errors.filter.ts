import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AuthenticatedRequest } from '../common/graphql-context';
import { restAnswerOf } from '../common/errors/rest-answer';
import { Locale, preferredLocale } from '../common/locale';
import { translate } from '../i18n/translate';
import { ExportClosedError } from './sheet-writers';

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
    const locale = preferredLocale(request as Request, languageOf(request));
    const answer = restAnswerOf(exception, locale);
    if (!answer || response.headersSent) {
      this.log.error({ err: exception, requestId: request.id }, 'Export failed');
      if (response.headersSent) {
        response.destroy();
        return;
      }
    }
    // The file's headers may be set already (nothing written yet): the answer is JSON.
    response.removeHeader('Content-Disposition');
    response.removeHeader('Content-Type');
    if (!answer) {
      response.status(HttpStatus.INTERNAL_SERVER_ERROR).json({
        code: 'INTERNAL_SERVER_ERROR',
        message: translate(locale, { key: 'common.internal' }),
      });
      return;
    }
    if (answer.body.code === 'UNAUTHENTICATED') response.setHeader('WWW-Authenticate', 'Bearer');
    response.status(answer.status).json(answer.body);
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
