import { foldForSearch } from '../common/text';
import { ImportKind } from './import-enums';
import type { CellValue, SheetRow } from './sheet-rows';

/** A column of an import: the input field it fills, and its headers in Spanish and English. */
export interface ImportColumn<F extends string = string> {
  field: F;
  es: string;
  en: string;
}

export const NEED_COLUMNS = [
  { field: 'country', es: 'País', en: 'Country' },
  { field: 'workingGroup', es: 'Grupo de trabajo', en: 'Working group' },
  { field: 'title', es: 'Título', en: 'Title' },
  { field: 'description', es: 'Descripción', en: 'Description' },
  { field: 'modalities', es: 'Modalidades', en: 'Modalities' },
  { field: 'languages', es: 'Idiomas', en: 'Languages' },
  { field: 'beneficiaries', es: 'Beneficiarios', en: 'Beneficiaries' },
  { field: 'earliestStart', es: 'Inicio más temprano', en: 'Earliest start' },
  { field: 'latestEnd', es: 'Fin más tardío', en: 'Latest end' },
  { field: 'napReference', es: 'Referencia PAN', en: 'NAP reference' },
  { field: 'priority', es: 'Prioridad', en: 'Priority' },
  { field: 'commitment', es: 'Compromiso', en: 'Commitment' },
] as const satisfies readonly ImportColumn[];

export const OFFER_COLUMNS = [
  { field: 'organization', es: 'Organización', en: 'Organization' },
  { field: 'workingGroups', es: 'Grupos de trabajo', en: 'Working groups' },
  { field: 'title', es: 'Título', en: 'Title' },
  { field: 'description', es: 'Descripción', en: 'Description' },
  { field: 'modalities', es: 'Modalidades', en: 'Modalities' },
  { field: 'languages', es: 'Idiomas', en: 'Languages' },
  { field: 'capacity', es: 'Capacidad', en: 'Capacity' },
  { field: 'availableFrom', es: 'Disponible desde', en: 'Available from' },
  { field: 'availableTo', es: 'Disponible hasta', en: 'Available to' },
  { field: 'eligibleCountries', es: 'Países elegibles', en: 'Eligible countries' },
] as const satisfies readonly ImportColumn[];

export type NeedColumn = (typeof NEED_COLUMNS)[number]['field'];
export type OfferColumn = (typeof OFFER_COLUMNS)[number]['field'];

export function columnsOf(kind: ImportKind): readonly ImportColumn[] {
  return kind === ImportKind.NEEDS ? NEED_COLUMNS : OFFER_COLUMNS;
}

/** A header or a name as compared: accents, case, spacing and punctuation ignored. */
export function foldName(text: string): string {
  return foldForSearch(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Where each column sits in a sheet, and the header as the file writes it. */
export interface HeaderRow<F extends string = string> {
  row: number;
  /** Cell index of each column the header row names. */
  positions: Map<F, number>;
  /** Each column's header as the file writes it (what a problem names). */
  labels: Map<F, string>;
}

/** The fewest known headers a row must name to be the header row (not a title above it). */
const HEADERS_NEEDED = 2;

/**
 * The header row, if `row` is one: a row naming at least two known columns, in Spanish or
 * English, in any order, accents and case ignored. Title rows above it (merged cells with
 * the plan's name) name none and are passed over. Unknown headers are left alone.
 */
export function headerRowOf<F extends string>(
  row: SheetRow,
  columns: readonly ImportColumn<F>[],
): HeaderRow<F> | undefined {
  const byName = new Map<string, F>();
  for (const column of columns) {
    byName.set(foldName(column.es), column.field);
    byName.set(foldName(column.en), column.field);
  }
  const positions = new Map<F, number>();
  const labels = new Map<F, string>();
  row.cells.forEach((cell: CellValue, index) => {
    if (typeof cell !== 'string') return;
    const field = byName.get(foldName(cell));
    if (field !== undefined && !positions.has(field)) {
      positions.set(field, index);
      labels.set(field, cell.trim());
    }
  });
  return positions.size >= HEADERS_NEEDED ? { row: row.row, positions, labels } : undefined;
}

/** The cells of a data row, by column. */
export function cellsByColumn<F extends string>(
  header: HeaderRow<F>,
  row: SheetRow,
): Map<F, CellValue> {
  const cells = new Map<F, CellValue>();
  for (const [field, index] of header.positions) cells.set(field, row.cells[index] ?? null);
  return cells;
}
