import { registerEnumType } from '@nestjs/graphql';
import type { Request } from 'express';
import { Locale } from '../i18n/locale';

export { Locale };

registerEnumType(Locale, {
  name: 'Locale',
  description: 'A language of the service: Spanish or English',
});

/**
 * The language a person reads the service in: an explicit argument (`lang=`, a field's
 * `locale:`) wins; then the signed-in user's `locale`; then the request's Accept-Language
 * (the first of es/en it lists); otherwise Spanish, the MIRPS's first language.
 */
export function preferredLocale(
  req: (Pick<Request, 'headers'> & { user?: { locale?: Locale } }) | undefined,
  explicit?: Locale | null,
): Locale {
  if (explicit) return explicit;
  if (req?.user?.locale) return req.user.locale;
  const header = req?.headers['accept-language'] ?? '';
  const tags = header
    .split(',')
    .map((part) => part.trim().slice(0, 2).toLowerCase())
    .filter((tag) => tag === 'en' || tag === 'es');
  return tags[0] === 'en' ? Locale.EN : Locale.ES;
}
