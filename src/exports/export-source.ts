import type { User } from '../accounts/user.entity';
import type { ConnectionShape, PageArgs } from '../common/pagination/connection';
import type { Locale } from '../common/locale';
import type { MessageKey } from '../i18n/catalogs';

/**
 * One cell: text, a number (whole, or money to the cent), a moment (a date column shows
 * only its day), or empty.
 */
export type CellValue = string | number | Date | null;

/**
 * How a column's cells are written: the XLSX number format, the CSV text (`money`: two
 * decimals, `#,##0.00` in XLSX, `1234.50` in CSV whatever the language).
 */
export type ColumnKind = 'text' | 'integer' | 'money' | 'date' | 'datetime';

export interface ExportColumn {
  header: MessageKey;
  kind: ColumnKind;
  /** In characters, for XLSX. */
  width: number;
}

/**
 * One list that `GET /exports/<name>.csv|xlsx` writes. The filter is the list's own filter
 * class (its class-validator rules check the query string, as they check the GraphQL
 * argument); the rows come from the list's own service, so the export shows exactly what
 * the list shows the same reader, in the same order. To add an export, write a class like
 * NeedsExport and add it to EXPORT_SOURCE_CLASSES in exports.module.ts.
 */
export interface ExportSource<F extends object = object> {
  /** The path's name: `/exports/<name>.csv`. */
  readonly name: string;
  /** The file's name before its date, in the reader's language. */
  readonly fileName: MessageKey;
  readonly filter: new () => F;
  /** The filter's fields that are moments (`from=2026-01-01`): parsed before validation. */
  readonly dateFields?: readonly string[];
  readonly columns: readonly ExportColumn[];
  rows(reader: User, filter: F, locale: Locale): AsyncIterable<CellValue[]>;
}

/** The export sources, injected as one list. */
export const EXPORT_SOURCES = Symbol('EXPORT_SOURCES');

/** How many rows an export reads at once. */
export const EXPORT_BATCH = 2500;

/**
 * Every page of a list, in the list's order, a batch at a time: `page` is the list's own
 * paged read (e.g. `(after) => needs.list(reader, filter, { first, after })`).
 */
export async function* everyPage<T>(
  page: (args: PageArgs) => Promise<ConnectionShape<T>>,
): AsyncGenerator<T[]> {
  let after: string | undefined;
  for (;;) {
    const connection = await page({ first: EXPORT_BATCH, after });
    const nodes = connection.edges.map((edge) => edge.node);
    if (nodes.length > 0) yield nodes;
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) return;
    after = connection.pageInfo.endCursor;
  }
}
