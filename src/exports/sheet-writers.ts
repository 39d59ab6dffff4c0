import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Locale } from '../common/locale';
import type { CellValue, ColumnKind } from './export-source';

/** A column as written: its header already in the reader's language. */
export interface SheetColumn {
  header: string;
  kind: ColumnKind;
  width: number;
}

/** Excel's number formats, by column kind (dates in ISO order: unambiguous in both languages). */
export const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = {
  text: undefined,
  integer: '#,##0',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
};

/**
 * The CSV separator: `;` for Spanish (Excel in a Spanish locale uses the comma for decimals
 * and opens a `;`-separated file into columns), `,` for English. The imports read both.
 */
export function csvDelimiter(locale: Locale): string {
  return locale === Locale.ES ? ';' : ',';
}

/** A cell as CSV text: a date column its UTC day (`2026-03-01`), a moment in full ISO 8601. */
export function csvText(value: CellValue, kind: ColumnKind): string {
  if (value === null) return '';
  if (value instanceof Date) {
    return kind === 'date' ? value.toISOString().slice(0, 10) : value.toISOString();
  }
  return String(value);
}

/**
 * Streams a table as CSV (UTF-8 with a byte-order mark, so Excel reads accents right;
 * fields quoted where they need it) into `out`, which it ends.
 */
export async function writeCsv(
  out: Writable,
  columns: readonly SheetColumn[],
  rows: AsyncIterable<CellValue[]>,
  locale: Locale,
): Promise<void> {
  async function* lines(): AsyncGenerator<string[]> {
    yield columns.map((column) => column.header);
    for await (const row of rows) yield row.map((value, i) => csvText(value, columns[i].kind));
  }
  await pipeline(
    Readable.from(lines()),
    stringify({ bom: true, delimiter: csvDelimiter(locale), record_delimiter: 'windows' }),
    out,
  );
}

/**
 * Streams a table as one XLSX sheet into `out` (exceljs's streaming writer: each row is
 * written out as it comes), which it ends: a bold header row that stays in view and is
 * repeated on every printed page, column widths and number formats, landscape, fit to width.
 */
export async function writeXlsx(
  out: Writable,
  sheetName: string,
  columns: readonly SheetColumn[],
  rows: AsyncIterable<CellValue[]>,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: {
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    },
  });
  sheet.columns = columns.map((column) => ({
    width: column.width,
    style: NUMBER_FORMATS[column.kind] ? { numFmt: NUMBER_FORMATS[column.kind] } : {},
  }));
  const header = sheet.addRow(columns.map((column) => column.header));
  header.font = { bold: true };
  header.commit();
  for await (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
}
