import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { User } from '../accounts/user.entity';
import { CurrentUser, Roles, SignedIn } from '../common/auth/access.decorators';
import { Role } from '../common/auth/role';
import { InvalidInputError } from '../common/errors/domain-errors';
import { preferredLocale } from '../common/locale';
import { msg } from '../i18n/catalogs';
import { ExportErrorsFilter, languageOf } from './export-errors.filter';
import { ExportsService, PreparedExport } from './exports.service';

/** Who may read the annual report: the secretariat and observers (API.md). */
export const ANNUAL_REPORT_READERS = [Role.SECRETARIAT, Role.OBSERVER];

/**
 * `GET /exports/<list>.<csv|xlsx>?<the list's filters>&lang=es|en` and
 * `GET /exports/annual-report.xlsx?from=&to=`: with a bearer token or the console's session
 * cookie (the access guard, as for every operation). Files are written as they are read.
 */
@Controller('exports')
@UseFilters(ExportErrorsFilter)
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Roles(ANNUAL_REPORT_READERS)
  @Get('annual-report.xlsx')
  async annualReport(
    @CurrentUser() user: User,
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const { lang, ...period } = query;
    const locale = this.localeOf(request, user, lang);
    await send(response, await this.exports.prepareAnnualReport(user, period, locale));
  }

  @SignedIn()
  @Get(':file')
  async list(
    @CurrentUser() user: User,
    @Param('file') file: string,
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const { lang, ...filter } = query;
    const locale = this.localeOf(request, user, lang);
    await send(response, await this.exports.prepareList(user, file, filter, locale));
  }

  /** `lang=` if given (es or en, else BAD_USER_INPUT), else the user's locale. */
  private localeOf(request: Request, user: User, lang: unknown) {
    const explicit = languageOf(request);
    if (lang !== undefined && !explicit) {
      throw InvalidInputError.of('lang', msg('exports.badLang'));
    }
    return preferredLocale({ headers: request.headers, user }, explicit);
  }
}

/** The file, as an attachment with its dated name, streamed as it is written. */
async function send(response: Response, file: PreparedExport): Promise<void> {
  response.status(200);
  response.setHeader('Content-Type', file.contentType);
  response.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
  response.setHeader('Cache-Control', 'private, no-store');
  await file.write(response);
}
