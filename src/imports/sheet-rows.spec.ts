import ExcelJS from 'exceljs';
import { SheetRow, sheetRows } from './sheet-rows';

async function all(rows: AsyncGenerator<SheetRow>): Promise<SheetRow[]> {
  const read: SheetRow[] = [];
  for await (const row of rows) read.push(row);
  return read;
}

describe('sheet rows', () => {
  // The parsers get the file 64 KiB at a time: what crosses a cut must arrive whole.
  it('reads a CSV larger than a chunk: quoted lines and accented letters across the cuts, each record one row', async () => {
    const lines = ['Título;Descripción'];
    const expected: SheetRow[] = [];
    for (let index = 0; index < 3000; index += 1) {
      const title = `Necesidad ñandú ${index}`;
      const description = `Recepción; admisión\ny registro ${index}`;
      lines.push(`${title};"${description}"`);
      expected.push({ row: 2 + index, cells: [title, description] });
    }
    const content = Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`);
    expect(content.length).toBeGreaterThan(2 * 64 * 1024);

    const rows = await all(sheetRows(content, 'csv'));
    expect(rows[0]).toEqual({ row: 1, cells: ['Título', 'Descripción'] });
    expect(rows.slice(1)).toEqual(expected);
  });

  it('reads an XLSX larger than a chunk, row by row, blank rows skipped', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Necesidades');
    sheet.addRow(['País', 'Título']);
    for (let index = 0; index < 5000; index += 1) {
      sheet.addRow(['HN', `Necesidad de capacidad número ${index} con un título largo ${index}`]);
      if (index === 2500) sheet.addRow([]);
    }
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(content.length).toBeGreaterThan(64 * 1024);

    const rows = await all(sheetRows(content, 'xlsx'));
    expect(rows).toHaveLength(5001);
    expect(rows[1]).toEqual({
      row: 2,
      cells: ['HN', 'Necesidad de capacidad número 0 con un título largo 0'],
    });
    expect(rows[5000]).toEqual({
      row: 5002,
      cells: ['HN', 'Necesidad de capacidad número 4999 con un título largo 4999'],
    });
  });
});
