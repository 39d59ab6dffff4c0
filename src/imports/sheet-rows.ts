import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';

/** What a cell holds once read: text, a number, a date (a date cell), or nothing. */
export type CellValue = string | number | Date | null;

/** One non-blank row of a sheet: `row` is its number as the user sees it (1 = the first line). */
export interface SheetRow {
  row: number;
  cells: CellValue[];
}

export type SheetFormat = 'csv' | 'xlsx';

/** An XLSX file is a ZIP archive: it starts with "PK\x03\x04". */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The format of a file, by its first bytes (a content type can lie; the bytes cannot). */
export function formatOf(content: Buffer): SheetFormat {
  return content.subarray(0, 4).equals(ZIP_MAGIC) ? 'xlsx' : 'csv';
}

/**
 * The delimiter of a CSV file, from its first lines: a Spanish-locale spreadsheet writes
 * ";" (the comma is its decimal mark), others ",". Delimiters inside quotes do not count.
 */
export function csvDelimiterOf(content: Buffer): ',' | ';' {
  const head = content.subarray(0, 64 * 1024).toString('utf8');
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  let lines = 0;
  for (const character of head) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && character === ',') commas += 1;
    else if (!quoted && character === ';') semicolons += 1;
    else if (!quoted && character === '\n' && (lines += 1) >= 50) break;
  }
  return semicolons > commas ? ';' : ',';
}

/** How much of the file a parser is handed at a time. */
const CHUNK_BYTES = 64 * 1024;

/**
 * The file as a stream of small chunks. A parser handed the whole file as one chunk parses
 * it all at once, ahead of its reader, and holds every row it made until they are read;
 * handed small chunks, it waits for its reader between two of them.
 */
function chunksOf(content: Buffer): Readable {
  return Readable.from(
    (function* () {
      for (let start = 0; start < content.length; start += CHUNK_BYTES) {
        yield content.subarray(start, start + CHUNK_BYTES);
      }
    })(),
    { objectMode: false },
  );
}

function isBlank(cells: readonly CellValue[]): boolean {
  return cells.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''));
}

/** The rows of a CSV file (UTF-8, a BOM is fine, "," or ";", quoted fields), blank ones skipped. */
async function* csvRows(content: Buffer): AsyncGenerator<SheetRow> {
  const parser = chunksOf(content).pipe(
    parse({
      bom: true,
      delimiter: csvDelimiterOf(content),
      relax_column_count: true,
      skip_empty_lines: false,
      info: true,
    }),
  );
  for await (const record of parser as AsyncIterable<{
    record: string[];
    info: { records: number };
  }>) {
    const cells = record.record.map((cell) => (cell.trim() === '' ? null : cell));
    // The record's number is its row as a spreadsheet shows the file (a blank line is a row;
    // a quoted cell over several lines is one), not the line it ends on.
    if (!isBlank(cells)) yield { row: record.info.records, cells };
  }
}

/** What a cell of exceljs holds, reduced to a CellValue (rich text, formulas, links...). */
export function cellValueOf(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) {
    return value;
  }
  if (typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return cellValueOf(value.result);
  if ('text' in value) return cellValueOf(value.text);
  return null;
}

/**
 * The rows of the first worksheet of an XLSX file, streamed (the workbook is never held
 * whole), blank ones skipped. Merged cells hold their value in their first cell only.
 */
async function* xlsxRows(content: Buffer): AsyncGenerator<SheetRow> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(chunksOf(content), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  for await (const worksheet of workbook) {
    for await (const row of worksheet) {
      const values = row.values as ExcelJS.CellValue[];
      // exceljs numbers columns from 1: values[0] is always empty.
      const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, index) =>
        cellValueOf(values[index + 1]),
      );
      if (!isBlank(cells)) yield { row: row.number, cells };
    }
    return; // the first worksheet only
  }
}

export function sheetRows(content: Buffer, format: SheetFormat): AsyncGenerator<SheetRow> {
  return format === 'xlsx' ? xlsxRows(content) : csvRows(content);
}
