/**
 * The spreadsheets `npm run bench` imports: `rows` needs of Honduras, each with its own NAP
 * reference, written to a file as a country's focal point would send it (CSV, or XLSX
 * through exceljs's streaming writer, so that writing it holds no workbook in memory).
 */
import ExcelJS from 'exceljs';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const HEADER = [
  'País',
  'Grupo de trabajo',
  'Título',
  'Descripción',
  'Modalidades',
  'Idiomas',
  'Beneficiarios',
  'Inicio más temprano',
  'Fin más tardío',
  'Referencia PAN',
  'Prioridad',
];
const MODALITIES = ['Capacitación', 'Taller', 'Asistencia técnica', 'Visita de estudio'];
const PRIORITIES = ['Alta', 'Media', 'Baja'];

function rowOf(index: number): (string | number)[] {
  const month = (index % 9) + 1;
  return [
    'HN',
    'ASYLUM_SYSTEMS',
    `Necesidad de capacidad número ${index + 1}`,
    `Formar a ${10 + (index % 90)} oficiales de elegibilidad en la región ${index % 17}`,
    MODALITIES[index % MODALITIES.length],
    index % 2 === 0 ? 'es' : 'es, en',
    10 + (index % 500),
    `2027-0${month}-01`,
    `2028-0${month}-28`,
    `HN-B.${index + 1}`,
    PRIORITIES[index % PRIORITIES.length],
  ];
}

async function writeCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${HEADER.join(',')}\n`);
  for (let index = 0; index < rows; index += 1) {
    const line = rowOf(index)
      .map((cell) => (typeof cell === 'string' && cell.includes(',') ? `"${cell}"` : cell))
      .join(',');
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function writeXlsx(path: string, rows: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('Necesidades');
  sheet.addRow(HEADER).commit();
  for (let index = 0; index < rows; index += 1) sheet.addRow(rowOf(index)).commit();
  sheet.commit();
  await workbook.commit();
}

export function writeNeedsFile(path: string, rows: number, format: 'csv' | 'xlsx'): Promise<void> {
  return format === 'csv' ? writeCsv(path, rows) : writeXlsx(path, rows);
}
