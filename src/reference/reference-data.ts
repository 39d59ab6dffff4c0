import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';
import spanish from 'i18n-iso-countries/langs/es.json';

countries.registerLocale(english);
countries.registerLocale(spanish);

/** The seven MIRPS states. */
export const MIRPS_STATES = ['BZ', 'CR', 'SV', 'GT', 'HN', 'MX', 'PA'] as const;

export interface CountrySeed {
  code: string;
  nameEn: string;
  nameEs: string;
  isMirpsState: boolean;
}

/** Every ISO 3166-1 alpha-2 country, named in English and Spanish (from i18n-iso-countries). */
export function countrySeeds(): CountrySeed[] {
  return Object.keys(countries.getAlpha2Codes())
    .sort()
    .map((code) => ({
      code,
      nameEn: countries.getName(code, 'en') ?? code,
      nameEs: countries.getName(code, 'es') ?? code,
      isMirpsState: (MIRPS_STATES as readonly string[]).includes(code),
    }));
}

export interface WorkingGroupSeed {
  code: string;
  nameEn: string;
  nameEs: string;
  descriptionEn: string | null;
  descriptionEs: string | null;
}

/**
 * The MIRPS regional working groups and the Support Platform's focus areas
 * (shared/design/DOMAIN.md). Codes are stable: needs and offers refer to them.
 */
export const WORKING_GROUP_SEEDS: WorkingGroupSeed[] = [
  {
    code: 'ASYLUM_SYSTEMS',
    nameEn: 'Strengthening asylum systems',
    nameEs: 'Fortalecimiento de los sistemas de asilo',
    descriptionEn: 'Reception, admission, case management, eligibility',
    descriptionEs: 'Recepción, admisión, gestión de casos, elegibilidad',
  },
  {
    code: 'JOBS_LIVELIHOODS',
    nameEn: 'Jobs and livelihoods',
    nameEs: 'Empleo y medios de vida',
    descriptionEn: 'Labour-market access, vocational training',
    descriptionEs: 'Acceso al mercado laboral, formación profesional',
  },
  {
    code: 'LOCAL_GOVERNANCE',
    nameEn: 'Local governance',
    nameEs: 'Gobernanza local',
    descriptionEn: null,
    descriptionEs: null,
  },
  {
    code: 'INTERNAL_DISPLACEMENT',
    nameEn: 'Internal displacement',
    nameEs: 'Desplazamiento interno',
    descriptionEn: null,
    descriptionEs: null,
  },
  {
    code: 'SOCIAL_PROTECTION',
    nameEn: 'Social protection',
    nameEs: 'Protección social',
    descriptionEn: null,
    descriptionEs: null,
  },
  {
    code: 'EDUCATION',
    nameEn: 'Education',
    nameEs: 'Educación',
    descriptionEn: null,
    descriptionEs: null,
  },
  { code: 'HEALTH', nameEn: 'Health', nameEs: 'Salud', descriptionEn: null, descriptionEs: null },
  {
    code: 'PRIVATE_SECTOR',
    nameEn: 'Private sector partnerships',
    nameEs: 'Alianzas con el sector privado',
    descriptionEn: null,
    descriptionEs: null,
  },
  {
    code: 'STATISTICAL_INCLUSION',
    nameEn: 'Data and statistical inclusion',
    nameEs: 'Datos e inclusión estadística',
    descriptionEn: null,
    descriptionEs: null,
  },
];
