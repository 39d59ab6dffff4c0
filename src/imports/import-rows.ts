import type { Text } from '../common/errors/domain-errors';
import { msg } from '../i18n/catalogs';
import type { NeedColumn, OfferColumn } from './import-columns';
import type { ImportLookups } from './import-lookups';
import { dateOf, integerOf, listOf, textOf } from './import-values';
import type { CellValue } from './sheet-rows';

/** A problem of one row before the input is checked: the column and what is wrong. */
export interface CellProblem<F extends string> {
  column: F;
  message: Text;
}

/** A row read into the fields of an input (createNeed's or createOffer's), to be checked. */
export interface RowInput<F extends string> {
  input: Record<string, unknown>;
  problems: CellProblem<F>[];
}

/** The column of each field of CreateNeedInput, to name it in a problem. */
export const NEED_FIELD_COLUMNS: Record<string, NeedColumn> = {
  countryCode: 'country',
  workingGroupCode: 'workingGroup',
  title: 'title',
  description: 'description',
  modalities: 'modalities',
  languages: 'languages',
  beneficiaries: 'beneficiaries',
  earliestStart: 'earliestStart',
  latestEnd: 'latestEnd',
  napReference: 'napReference',
  priority: 'priority',
  commitmentId: 'commitment',
};

/** The column of each field of CreateOfferInput. */
export const OFFER_FIELD_COLUMNS: Record<string, OfferColumn> = {
  organizationId: 'organization',
  workingGroupCodes: 'workingGroups',
  title: 'title',
  description: 'description',
  modalities: 'modalities',
  languages: 'languages',
  capacity: 'capacity',
  availableFrom: 'availableFrom',
  availableTo: 'availableTo',
  eligibleCountryCodes: 'eligibleCountries',
};

/** Leaves out what a row does not give, so the input's defaults and rules apply. */
function given(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/**
 * A code the sheet names by code or name: its code, or (unknown) the text upper-cased
 * when it looks like a code, for the reference checks to name; else a problem.
 */
function codeOf<F extends string>(
  text: string | undefined,
  find: (text: string) => string | undefined,
  looksLikeCode: RegExp,
  problems: CellProblem<F>[],
  column: F,
  unknown: Text,
): string | undefined {
  if (text === undefined) return undefined;
  const found = find(text);
  if (found !== undefined) return found;
  if (looksLikeCode.test(text)) return text.toUpperCase();
  problems.push({ column, message: unknown });
  return undefined;
}

const COUNTRY_LIKE = /^[A-Za-z]{2}$/;
const GROUP_LIKE = /^[A-Za-z0-9_]{2,40}$/;

export function needRowInput(
  cells: Map<NeedColumn, CellValue>,
  lookups: ImportLookups,
): RowInput<NeedColumn> {
  const problems: CellProblem<NeedColumn>[] = [];
  const countryText = textOf(cells.get('country'));
  const countryCode = codeOf(
    countryText,
    (text) => lookups.country(text),
    COUNTRY_LIKE,
    problems,
    'country',
    msg('imports.unknownCountry', { name: countryText ?? '' }),
  );
  const groupText = textOf(cells.get('workingGroup'));
  const workingGroupCode = codeOf(
    groupText,
    (text) => lookups.workingGroup(text),
    GROUP_LIKE,
    problems,
    'workingGroup',
    msg('imports.unknownWorkingGroup', { name: groupText ?? '' }),
  );
  const commitmentText = textOf(cells.get('commitment'));
  let commitmentId: string | undefined;
  if (commitmentText !== undefined && countryCode !== undefined) {
    commitmentId = lookups.commitment(countryCode, commitmentText);
    if (commitmentId === undefined) {
      problems.push({
        column: 'commitment',
        message: msg('imports.unknownCommitment', { code: commitmentText, countryCode }),
      });
    }
  }
  const priority = textOf(cells.get('priority'));
  return {
    problems,
    input: given({
      countryCode: countryText === undefined ? '' : countryCode,
      workingGroupCode: groupText === undefined ? '' : workingGroupCode,
      title: textOf(cells.get('title')) ?? '',
      description: textOf(cells.get('description')) ?? '',
      modalities: listOf(cells.get('modalities'))?.map((name) => lookups.modality(name)) ?? [],
      languages: listOf(cells.get('languages'))?.map((name) => lookups.language(name)) ?? [],
      beneficiaries: integerOf(cells.get('beneficiaries')),
      earliestStart: dateOf(cells.get('earliestStart')),
      latestEnd: dateOf(cells.get('latestEnd')),
      napReference: textOf(cells.get('napReference')),
      priority: priority === undefined ? undefined : lookups.priority(priority),
      commitmentId,
    }),
  };
}

export function offerRowInput(
  cells: Map<OfferColumn, CellValue>,
  lookups: ImportLookups,
): RowInput<OfferColumn> {
  const problems: CellProblem<OfferColumn>[] = [];
  const organizationText = textOf(cells.get('organization'));
  let organizationId: string | undefined;
  if (organizationText !== undefined) {
    organizationId = lookups.organization(organizationText);
    if (organizationId === undefined) {
      problems.push({
        column: 'organization',
        message: msg('imports.unknownOrganization', { name: organizationText }),
      });
    }
  }
  const groups = (listOf(cells.get('workingGroups')) ?? []).flatMap((name) => {
    const code = codeOf(
      name,
      (text) => lookups.workingGroup(text),
      GROUP_LIKE,
      problems,
      'workingGroups',
      msg('imports.unknownWorkingGroup', { name }),
    );
    return code === undefined ? [] : [code];
  });
  const countries = listOf(cells.get('eligibleCountries'))?.flatMap((name) => {
    const code = codeOf(
      name,
      (text) => lookups.country(text),
      COUNTRY_LIKE,
      problems,
      'eligibleCountries',
      msg('imports.unknownCountry', { name }),
    );
    return code === undefined ? [] : [code];
  });
  return {
    problems,
    input: given({
      organizationId: organizationText === undefined ? '' : organizationId,
      workingGroupCodes: groups,
      title: textOf(cells.get('title')) ?? '',
      description: textOf(cells.get('description')) ?? '',
      modalities: listOf(cells.get('modalities'))?.map((name) => lookups.modality(name)) ?? [],
      languages: listOf(cells.get('languages'))?.map((name) => lookups.language(name)) ?? [],
      capacity: integerOf(cells.get('capacity')),
      availableFrom: dateOf(cells.get('availableFrom')),
      availableTo: dateOf(cells.get('availableTo')),
      eligibleCountryCodes: countries,
    }),
  };
}
