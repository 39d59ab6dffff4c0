import ISO6391 from 'iso-639-1';
import { msg, MessageKey } from '../i18n/catalogs';
import { Locale } from '../i18n/locale';
import { translate } from '../i18n/translate';
import { Priority } from '../needs/need-enums';
import { Modality } from '../reference/modality';
import { foldName } from './import-columns';

/** What names in a sheet stand for: codes and names (either language) to codes and ids. */
export interface ImportReferenceData {
  countries: readonly { code: string; nameEs: string; nameEn: string }[];
  workingGroups: readonly { code: string; nameEs: string; nameEn: string }[];
  organizations: readonly { id: string; name: string }[];
  commitments: readonly { id: string; countryCode: string; code: string }[];
}

function tableOf(entries: readonly (readonly [string[], string])[]): Map<string, string> {
  const table = new Map<string, string>();
  for (const [names, value] of entries) {
    for (const name of names) table.set(foldName(name), value);
  }
  return table;
}

const LOCALES = [Locale.ES, Locale.EN];

const MODALITIES = tableOf(
  Object.values(Modality).map((modality) => [
    [
      modality,
      modality.replace(/_/g, ' '),
      ...LOCALES.map((locale) =>
        translate(locale, msg(`matching.modality${modality}` as MessageKey)),
      ),
    ],
    modality,
  ]),
);

const PRIORITIES = tableOf([
  [[Priority.HIGH, 'alta', 'high'], Priority.HIGH],
  [[Priority.MEDIUM, 'media', 'medium'], Priority.MEDIUM],
  [[Priority.LOW, 'baja', 'low'], Priority.LOW],
]);

const LANGUAGES = (() => {
  const names = LOCALES.map(
    (locale) => new Intl.DisplayNames([locale === Locale.ES ? 'es' : 'en'], { type: 'language' }),
  );
  return tableOf(
    ISO6391.getAllCodes().map((code) => [
      [
        code,
        ISO6391.getName(code),
        ISO6391.getNativeName(code),
        ...names.map((n) => n.of(code) ?? code),
      ],
      code,
    ]),
  );
})();

/**
 * Reads the names a sheet writes. A name it cannot place is answered as undefined (a
 * country, working group, organization or commitment: the import names the problem), or
 * as written (a modality, language or priority: the input's own rules refuse it).
 */
export class ImportLookups {
  private readonly countries: Map<string, string>;
  private readonly workingGroups: Map<string, string>;
  private readonly organizations: Map<string, string>;
  private readonly commitments: Map<string, string>;

  constructor(data: ImportReferenceData) {
    this.countries = tableOf(
      data.countries.map((country) => [
        [country.code, country.nameEs, country.nameEn],
        country.code,
      ]),
    );
    this.workingGroups = tableOf(
      data.workingGroups.map((group) => [[group.code, group.nameEs, group.nameEn], group.code]),
    );
    this.organizations = tableOf(
      data.organizations.map((organization) => [
        [organization.id, organization.name],
        organization.id,
      ]),
    );
    this.commitments = new Map(
      data.commitments.map((commitment) => [
        `${commitment.countryCode}\u0000${foldName(commitment.code)}`,
        commitment.id,
      ]),
    );
  }

  country(text: string): string | undefined {
    return this.countries.get(foldName(text));
  }

  workingGroup(text: string): string | undefined {
    return this.workingGroups.get(foldName(text));
  }

  organization(text: string): string | undefined {
    return this.organizations.get(foldName(text));
  }

  commitment(countryCode: string, code: string): string | undefined {
    return this.commitments.get(`${countryCode}\u0000${foldName(code)}`);
  }

  modality(text: string): string {
    return MODALITIES.get(foldName(text)) ?? text;
  }

  language(text: string): string {
    return LANGUAGES.get(foldName(text)) ?? text;
  }

  priority(text: string): string {
    return PRIORITIES.get(foldName(text)) ?? text;
  }
}
