import {
  BadRequestException,
  Controller,
  Get,
  Header,
  Query,
  Req,
  UnauthorizedException,
} from '@nestjs/common';
import type { Request } from 'express';
import { AccountsService } from '../../accounts/accounts.service';
import { Public } from '../../common/auth/access.decorators';
import { Locale, preferredLocale } from '../../common/locale';
import { COUNTRY_CODE, WORKING_GROUP_CODE } from '../../common/validation/text-rules';
import { msg } from '../../i18n/catalogs';
import { translate } from '../../i18n/translate';
import { CalendarService } from './calendar.service';

/** An optional single query parameter that must look like `pattern`. */
function codeParameter(
  value: unknown,
  name: string,
  pattern: RegExp,
  locale: Locale,
): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw new BadRequestException(
      translate(
        locale,
        msg('activities.calendarCode', {
          name,
          example: name === 'country' ? 'HN' : 'ASYLUM_SYSTEMS',
        }),
      ),
    );
  }
  return value;
}

/** `lang=es|en` (any case), or nothing; refused in the language the request asks for. */
function languageParameter(value: unknown, request: Request): Locale | undefined {
  if (value === undefined || value === '') return undefined;
  const wanted = typeof value === 'string' ? value.toUpperCase() : '';
  const locale = Object.values(Locale).find((candidate) => String(candidate) === wanted);
  if (!locale) {
    throw new BadRequestException(
      translate(preferredLocale(request), msg('activities.calendarLang')),
    );
  }
  return locale;
}

/**
 * `GET /calendar.ics?token=...&country=HN&workingGroup=CODE&lang=es`: the shared calendar of
 * activities. Calendar clients cannot send an Authorization header, so the feed is
 * public to the guard and checks the user's calendar token itself.
 */
@Controller()
export class CalendarController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly calendar: CalendarService,
  ) {}

  @Public()
  @Get('calendar.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Content-Disposition', 'inline; filename="mirps-activities.ics"')
  @Header('Cache-Control', 'private, no-cache')
  async activities(
    @Req() request: Request,
    @Query('token') token: unknown,
    @Query('country') country: unknown,
    @Query('workingGroup') workingGroup: unknown,
    @Query('lang') lang: unknown,
  ): Promise<string> {
    const explicit = languageParameter(lang, request);
    const user =
      typeof token === 'string' && token.length > 0 && token.length <= 64
        ? await this.accounts.findByCalendarToken(token)
        : null;
    if (!user) {
      throw new UnauthorizedException(
        translate(preferredLocale(request, explicit), msg('activities.calendarToken')),
      );
    }
    // Calendar apps send no Accept-Language: the feed owner's locale decides, unless `lang=`.
    const locale = preferredLocale({ headers: request.headers, user }, explicit);
    return this.calendar.feed(
      user,
      {
        countryCode: codeParameter(country, 'country', COUNTRY_CODE, locale),
        workingGroupCode: codeParameter(workingGroup, 'workingGroup', WORKING_GROUP_CODE, locale),
      },
      locale,
    );
  }
}
