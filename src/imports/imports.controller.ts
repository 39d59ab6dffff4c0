import {
  Controller,
  HttpCode,
  HttpException,
  HttpStatus,
  Param,
  ParseEnumPipe,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import type { Request } from 'express';
import { AccountsService } from '../accounts/accounts.service';
import { Public } from '../common/auth/access.decorators';
import { DomainError, InvalidInputError } from '../common/errors/domain-errors';
import { preferredLocale } from '../common/locale';
import { CONSOLE_HEADER } from '../console/session-cookie';
import { msg } from '../i18n/catalogs';
import { Locale } from '../i18n/locale';
import { translate } from '../i18n/translate';
import { ImportKind } from './import-enums';
import { ImportsService } from './imports.service';

const STATUS_OF_CODE: Record<string, HttpStatus> = {
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  BAD_USER_INPUT: HttpStatus.BAD_REQUEST,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  TOO_MANY_REQUESTS: HttpStatus.TOO_MANY_REQUESTS,
};

/** Content types a page may send to another site without a preflight (a form, text). */
const SIMPLE_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * The rule GraphQL's CSRF prevention applies, for uploads: a request a page of another site
 * could send unasked (no content type, or a "simple" one) must carry a header that forces a
 * preflight (the console's, or Apollo's), or it is refused before anything runs.
 */
function assertNotSimpleRequest(request: Request): void {
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const simple = type === '' || SIMPLE_TYPES.includes(type);
  if (
    simple &&
    request.headers[CONSOLE_HEADER] !== '1' &&
    request.headers['apollo-require-preflight'] === undefined
  ) {
    throw InvalidInputError.of('file', msg('imports.simpleRequest'));
  }
}

/** A domain error as an HTTP answer: the contract's code, the message in the caller's language. */
function httpErrorOf(error: unknown, locale: Locale): unknown {
  if (!(error instanceof DomainError)) return error;
  const message = error.i18n ? translate(locale, error.i18n) : error.message;
  const fields =
    error instanceof InvalidInputError
      ? error.fields.map((problem) => ({
          field: problem.field,
          message: problem.i18n ? translate(locale, problem.i18n) : problem.message,
        }))
      : undefined;
  return new HttpException(
    { code: error.code, message, ...(fields ? { fields } : {}) },
    STATUS_OF_CODE[error.code] ?? HttpStatus.INTERNAL_SERVER_ERROR,
  );
}

/**
 * `POST /imports/needs` and `POST /imports/offers` (`?dryRun=true`): the body is the file,
 * CSV or XLSX; answers `202 {"id": ...}`, the job to follow with `importJob(id)` or
 * `importProgress(id)`. With the bearer token, or the console's session cookie.
 */
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly imports: ImportsService,
  ) {}

  // The bearer token is checked here: the access guard answers GraphQL's way.
  @Public()
  @Post(':kind')
  @HttpCode(HttpStatus.ACCEPTED)
  async submit(
    @Req() request: Request,
    @Param('kind', new ParseEnumPipe(ImportKind)) kind: ImportKind,
    @Query('dryRun') dryRun: unknown,
  ): Promise<{ id: string }> {
    let locale = preferredLocale(request);
    try {
      assertNotSimpleRequest(request);
      const user = await this.accounts.userOfAuthorization(request.headers.authorization);
      locale = preferredLocale({ headers: request.headers, user });
      const content = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const job = await this.imports.submit(user, kind, content, dryRun === 'true', locale);
      return { id: job.id };
    } catch (error) {
      throw httpErrorOf(error, locale);
    }
  }
}
