import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { Locale } from '../common/locale';
import type { CellValue } from './export-source';
import { csvText, NUMBER_FORMATS, roomIn, SheetColumn, writeCsv, writeXlsx } from './sheet-writers';

/** Rows to write: enough that a stalled client must hold up the reading (~600 are read). */
const ROWS = 20_000;

const COLUMNS: SheetColumn[] = [
  { header: 'Title', kind: 'text', width: 30 },
  { header: 'Beneficiaries', kind: 'integer', width: 12 },
  { header: 'Earliest start', kind: 'date', width: 12 },
];

/** `count` rows of hard-to-compress text, made only when read; `pulled` says how many were. */
function lazyRows(count: number) {
  const state = { pulled: 0 };
  async function* rows(): AsyncGenerator<CellValue[]> {
    for (let i = 0; i < count; i += 1) {
      await Promise.resolve(); // as a database driver's answer would, later
      state.pulled += 1;
      yield [randomBytes(48).toString('base64'), i, new Date(Date.UTC(2026, i % 12, 1))];
    }
  }
  return { rows: rows(), state };
}

/** A client that reads nothing until `release()`: it keeps every write's callback. */
function stalledClient() {
  const chunks: Buffer[] = [];
  const held: (() => void)[] = [];
  let released = false;
  const out = new Writable({
    highWaterMark: 16 * 1024,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      if (released) callback();
      else held.push(callback);
    },
  });
  return {
    out,
    body: () => Buffer.concat(chunks),
    release() {
      released = true;
      held.splice(0).forEach((callback) => callback());
    },
  };
}

/** Waits until `state.pulled` stops moving (two looks 100 ms apart give the same count). */
async function settled(state: { pulled: number }): Promise<number> {
  let before = -1;
  while (before !== state.pulled) {
    before = state.pulled;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return state.pulled;
}

describe('writeXlsx', () => {
  it('reads rows only while the client takes them, then writes them all', async () => {
    const client = stalledClient();
    const { rows, state } = lazyRows(ROWS);
    const writing = writeXlsx(client.out, 'Needs', COLUMNS, rows);
    const pulledWhileStalled = await settled(state);
    // A stalled client holds up the reading after a few buffers' worth of rows (about 600;
    // more when the machine is busy and the zip's compression lags behind).
    expect(pulledWhileStalled).toBeLessThan(ROWS / 4);
    client.release();
    await writing;
    expect(state.pulled).toBe(ROWS);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(client.body() as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Needs')!;
    expect(sheet.rowCount).toBe(ROWS + 1);
    expect(sheet.getRow(1).values).toEqual([undefined, 'Title', 'Beneficiaries', 'Earliest start']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const last = sheet.getRow(ROWS + 1);
    expect(last.getCell(2).value).toBe(ROWS - 1);
    expect(last.getCell(2).numFmt).toBe('#,##0');
    expect(last.getCell(3).value).toEqual(new Date('2026-08-01T00:00:00.000Z'));
    expect(last.getCell(3).numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getColumn(1).width).toBe(30);
  });

  it('stops reading rows when the client goes away', async () => {
    const client = stalledClient();
    const { rows, state } = lazyRows(ROWS);
    const writing = writeXlsx(client.out, 'Needs', COLUMNS, rows);
    await settled(state);
    client.out.destroy();
    await expect(writing).rejects.toThrow('The export was closed before it was complete');
    const pulled = state.pulled;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(state.pulled).toBe(pulled);
    expect(pulled).toBeLessThan(ROWS / 4);
  });
});

describe('writeCsv', () => {
  it('reads rows only while the client takes them (the pipeline), then writes them all', async () => {
    const client = stalledClient();
    const { rows, state } = lazyRows(ROWS);
    const writing = writeCsv(client.out, COLUMNS, rows, Locale.ES);
    expect(await settled(state)).toBeLessThan(2_000);
    client.release();
    await writing;
    expect(state.pulled).toBe(ROWS);
    const lines = client.body().toString('utf8').split('\r\n');
    expect(lines[0]).toBe('\ufeffTitle;Beneficiaries;Earliest start');
    expect(lines[ROWS]).toMatch(/^[A-Za-z0-9+/]{64};19999;2026-08-01$/);
  });
});

describe('csvText', () => {
  it('writes text a spreadsheet would run as a formula with a leading apostrophe', () => {
    for (const formula of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      expect(csvText(formula, 'text')).toBe(`'${formula}`);
    }
    expect(csvText('Formación = capacitación', 'text')).toBe('Formación = capacitación');
    expect(csvText(-5, 'integer')).toBe('-5');
  });
});

describe('roomIn', () => {
  it('answers at once while the stream has room, else on drain', async () => {
    const client = stalledClient();
    await roomIn(client.out);
    client.out.write(Buffer.alloc(20 * 1024));
    let ready = false;
    const waiting = roomIn(client.out).then(() => {
      ready = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ready).toBe(false);
    client.release();
    await waiting;
    expect(ready).toBe(true);
  });

  it('refuses a stream that is closed', async () => {
    const client = stalledClient();
    client.out.destroy();
    await expect(roomIn(client.out)).rejects.toThrow('closed');
  });
});

describe('csvText', () => {
  it('writes money to the cent with a point, without grouping, whatever the language', () => {
    expect(csvText(1234.5, 'money')).toBe('1234.50');
    expect(csvText(13_150_000, 'money')).toBe('13150000.00');
    expect(csvText(0.1 + 0.2, 'money')).toBe('0.30');
    expect(csvText(null, 'money')).toBe('');
    expect(csvText(1234.5, 'integer')).toBe('1234.5');
    expect(NUMBER_FORMATS.money).toBe('#,##0.00');
  });
});
