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
import { restAnswerOf } from '../common/errors/rest-answer';
import { DomainError, InvalidInputError } from '../common/errors/domain-errors';
import { preferredLocale } from '../common/locale';
import { CONSOLE_HEADER } from '../console/session-cookie';
import { msg } from '../i18n/catalogs';
import { Locale } from '../i18n/locale';
import { ImportKind } from './import-enums';
import { ImportsService } from './imports.service';

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
  const answer = error instanceof DomainError ? restAnswerOf(error, locale) : undefined;
  return answer ? new HttpException(answer.body, answer.status) : error;
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
