import { Locale } from '../common/locale';
import { msg, MessageKey } from '../i18n/catalogs';
import { translate } from '../i18n/translate';
import { countryName, workingGroupName } from '../reference/reference.service';
import type { ReferenceService } from '../reference/reference.service';

/** The labels translated so far, by locale then key: the catalogs do not change while running. */
const LABELS: Record<Locale, Map<MessageKey, string>> = {
  [Locale.EN]: new Map(),
  [Locale.ES]: new Map(),
};

/**
 * A text of the exports' catalog in `locale` (no parameters), translated once and then
 * remembered: an export asks for a status or modality label on every row, and i18next's
 * lookup was a fifth of the time of a 10,000-row XLSX.
 */
export function label(locale: Locale, key: MessageKey): string {
  const known = LABELS[locale];
  let text = known.get(key);
  if (text === undefined) {
    text = translate(locale, msg(key));
    known.set(key, text);
  }
  return text;
}

/** Several values in one cell, as the imports read them back: "a, b, c". */
export function joined(values: readonly string[]): string {
  return values.join(', ');
}

/**
 * The names of countries and working groups in the reader's language, from the reference
 * data (held in memory by ReferenceService); a code the data lacks stays a code.
 */
export class ReferenceNames {
  private constructor(
    private readonly countries: Map<string, string>,
    private readonly groups: Map<string, string>,
  ) {}

  static async of(reference: ReferenceService, locale: Locale): Promise<ReferenceNames> {
    const [countries, groups] = await Promise.all([
      reference.listCountries(false, locale),
      reference.listWorkingGroups(),
    ]);
    return new ReferenceNames(
      new Map(countries.map((country) => [country.code, countryName(country, locale)])),
      new Map(groups.map((group) => [group.code, workingGroupName(group, locale)])),
    );
  }

  country(code: string): string {
    return this.countries.get(code) ?? code;
  }

  workingGroup(code: string): string {
    return this.groups.get(code) ?? code;
  }
}
