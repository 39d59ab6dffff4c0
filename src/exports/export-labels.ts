import { Locale } from '../common/locale';
import { msg, MessageKey } from '../i18n/catalogs';
import { translate } from '../i18n/translate';
import { countryName, workingGroupName } from '../reference/reference.service';
import type { ReferenceService } from '../reference/reference.service';

/** A text of the exports' catalog in `locale`. */
export function label(locale: Locale, key: MessageKey): string {
  return translate(locale, msg(key));
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
