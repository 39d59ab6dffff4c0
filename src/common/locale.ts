import { registerEnumType } from '@nestjs/graphql';
import type { Request } from 'express';

/** The languages the service names things in. */
export enum Locale {
  EN = 'EN',
  ES = 'ES',
}

registerEnumType(Locale, {
  name: 'Locale',
  description: 'Language of names: English or Spanish',
});

/**
 * The locale to name things in: an explicit argument wins; otherwise the request's
 * Accept-Language (the first of en/es it lists); otherwise English.
 */
export function preferredLocale(
  req: Pick<Request, 'headers'> | undefined,
  explicit?: Locale | null,
): Locale {
  if (explicit) return explicit;
  const header = req?.headers['accept-language'] ?? '';
  const tags = header
    .split(',')
    .map((part) => part.trim().slice(0, 2).toLowerCase())
    .filter((tag) => tag === 'en' || tag === 'es');
  return tags[0] === 'es' ? Locale.ES : Locale.EN;
}
