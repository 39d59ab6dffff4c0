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
  money: '#,##0.00',
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

/**
 * A cell as CSV text: a date column its UTC day (`2026-03-01`), a moment in full ISO 8601,
 * money a plain number to the cent with a `.` (`1234.50`: no grouping, in both languages).
 */
export function csvText(value: CellValue, kind: ColumnKind): string {
  if (value === null) return '';
  if (value instanceof Date) {
    return kind === 'date' ? value.toISOString().slice(0, 10) : value.toISOString();
  }
  if (kind === 'money' && typeof value === 'number') return value.toFixed(2);
  if (typeof value === 'string' && FORMULA_START.test(value)) return `'${value}`;
  return String(value);
}

/**
 * Text a spreadsheet would run as a formula when it opens a CSV (`=HYPERLINK(...)` in an
 * offer's title): written with a leading apostrophe, which shows it as text (OWASP's CSV
 * injection advice). XLSX cells are typed strings and need none.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

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

/** The client went away (closed the connection) before the whole file was written. */
export class ExportClosedError extends Error {
  constructor() {
    super('The export was closed before it was complete');
    this.name = 'ExportClosedError';
  }
}

/**
 * Resolves once `out` can take more (at once unless its buffer is over its high-water mark,
 * else on 'drain'); rejects if `out` is closed or fails first (a client that went away), so
 * a writer never waits for ever nor reads further rows for nobody.
 */
export function roomIn(out: Writable): Promise<void> {
  if (out.destroyed || out.writableFinished) return Promise.reject(new ExportClosedError());
  if (!out.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      out.off('error', settle);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(new ExportClosedError());
    out.on('drain', onDrain);
    out.on('close', onClose);
    out.on('error', settle);
  });
}

/**
 * Runs `write` (which writes into `out`) but rejects as soon as `out` is closed before
 * it finished or fails: exceljs waits for its zip to be read to the end, which never
 * happens once the client is gone.
 */
export async function untilClosed<T>(out: Writable, write: () => Promise<T>): Promise<T> {
  let stop = () => {};
  const closed = new Promise<never>((_, reject) => {
    const onClose = () => {
      if (!out.writableFinished) reject(new ExportClosedError());
    };
    out.on('close', onClose);
    out.on('error', reject);
    stop = () => {
      out.off('close', onClose);
      out.off('error', reject);
    };
  });
  try {
    return await Promise.race([write(), closed]);
  } finally {
    stop();
  }
}

/** How many XLSX rows are written between two turns of the event loop. */
const ROWS_PER_TURN = 100;

/**
 * Streams a table as one XLSX sheet into `out` (exceljs's streaming writer: each row is
 * written out as it comes), which it ends: a bold header row that stays in view and is
 * repeated on every printed page, column widths and number formats, landscape, fit to width.
 *
 * Backpressure: the zip is piped into `out`, so it stops when `out` is full, but exceljs
 * keeps whatever rows it is given in memory; so every ROWS_PER_TURN rows the writer lets
 * the event loop run (the zip's compression, other requests) and then reads on only while
 * `out` has room: a slow client holds a few buffers and a batch of rows, not the file. A
 * client that goes away ends the writing (ExportClosedError) and the reading of rows.
 *
 * Speed: every cell of a column shares the column's one style object. exceljs looks a
 * style up by object first (a WeakMap) and only otherwise by rendering it to XML, which
 * it did for each of the 130,000 cells of 10,000 needs when each cell had a copy.
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
  const styles: Partial<ExcelJS.Style>[] = columns.map((column) =>
    NUMBER_FORMATS[column.kind] ? { numFmt: NUMBER_FORMATS[column.kind] } : {},
  );
  sheet.columns = columns.map((column, i) => ({ width: column.width, style: styles[i] }));
  const header = sheet.addRow(columns.map((column) => column.header));
  header.font = { bold: true };
  header.commit();
  await untilClosed(out, async () => {
    let written = 0;
    for await (const values of rows) {
      const row = sheet.addRow(values);
      for (let i = 0; i < styles.length; i += 1) row.getCell(i + 1).style = styles[i];
      row.commit();
      written += 1;
      if (written % ROWS_PER_TURN === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        await roomIn(out);
      }
    }
    sheet.commit();
    await workbook.commit();
  });
}
