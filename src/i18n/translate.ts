import i18next, { TFunction } from 'i18next';
import { Locale } from './locale';
import { CATALOGS } from './catalogs';
import type { Message, MessageValue } from './message';

/** i18next's language of each locale. */
const LANGUAGE: Record<Locale, 'en' | 'es'> = { [Locale.EN]: 'en', [Locale.ES]: 'es' };

function resources(language: 'en' | 'es'): Record<string, Record<string, string>> {
  return Object.fromEntries(
    Object.entries(CATALOGS).map(([namespace, table]) => [namespace, table[language]]),
  );
}

const instance = i18next.createInstance();
void instance.init({
  initAsync: false,
  lng: 'es',
  fallbackLng: false,
  resources: {
    en: { translation: resources('en') },
    es: { translation: resources('es') },
  },
  // The texts are plain: HTML is escaped where HTML is written (e-mails).
  interpolation: { escapeValue: false },
  nsSeparator: false,
  returnNull: false,
});

const translators: Record<Locale, TFunction> = {
  [Locale.EN]: instance.getFixedT('en'),
  [Locale.ES]: instance.getFixedT('es'),
};
const lists: Record<Locale, Intl.ListFormat> = {
  [Locale.EN]: new Intl.ListFormat('en', { type: 'conjunction' }),
  [Locale.ES]: new Intl.ListFormat('es', { type: 'conjunction' }),
};
const languageNames: Record<Locale, Intl.DisplayNames> = {
  [Locale.EN]: new Intl.DisplayNames('en', { type: 'language', fallback: 'code' }),
  [Locale.ES]: new Intl.DisplayNames('es', { type: 'language', fallback: 'code' }),
};
const alternatives: Record<Locale, Intl.ListFormat> = {
  [Locale.EN]: new Intl.ListFormat('en', { type: 'disjunction' }),
  [Locale.ES]: new Intl.ListFormat('es', { type: 'disjunction' }),
};

function valueIn(locale: Locale, value: MessageValue): string | number | Date {
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) {
    return value;
  }
  if (Array.isArray(value)) {
    const items = value as readonly (string | Message)[];
    return lists[locale].format(
      items.map((item) => (typeof item === 'string' ? item : translate(locale, item))),
    );
  }
  if ('anyOf' in value) return alternatives[locale].format(value.anyOf);
  if ('byLocale' in value) return value.byLocale[locale];
  if ('languages' in value) {
    return lists[locale].format(
      value.languages.map((code) => languageNames[locale].of(code) ?? code),
    );
  }
  if ('reference' in value) return value.code;
  return translate(locale, value as Message);
}

function valuesIn(
  locale: Locale,
  params: Message['params'],
): Record<string, string | number | Date> {
  const values: Record<string, string | number | Date> = {};
  for (const [name, value] of Object.entries(params ?? {})) values[name] = valueIn(locale, value);
  return values;
}

/** `message` in `locale`; a list value reads as a list of that language ("HN, GT y SV"). */
export function translate(locale: Locale, message: Message): string {
  return translators[locale](message.key, valuesIn(locale, message.params));
}

/** `message` in English: what the logs (and Error.message) hold. */
export function english(message: Message): string {
  return translate(Locale.EN, message);
}

/** Whether the catalogs have `key` (in English; i18n.spec.ts checks Spanish has the same). */
export function isMessageKey(key: string): boolean {
  return instance.exists(key, { lng: 'en' });
}

export { LANGUAGE };
