import ExcelJS from 'exceljs';
import request from 'supertest';
import { ManualClock } from '../../src/common/clock/clock';
import {
  aConfirmedTwinning,
  anActivity,
  buildWorld,
  COMPLETE_ACTIVITY,
  createOrganization,
  createUser,
  postNeed,
  postOffer,
  RECORD_ACTIVITY,
  World,
} from '../support/builders';
import { startTestApp, TestApp } from '../support/test-app';

/** The UTF-8 byte-order mark every CSV export starts with. */
const BOM = '\uFEFF';
const NOW = new Date('2026-12-07T10:00:00.000Z');

interface Download {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Binary body (XLSX) or text as bytes: supertest hands both back as a Buffer. */
function bytes(res: NodeJS.ReadableStream, done: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('exports: lists and the annual report as spreadsheets', () => {
  let app: TestApp;
  let world: World;
  let serial = 0;

  beforeAll(async () => {
    app = await startTestApp({ clock: new ManualClock(NOW) });
    world = await buildWorld(app);
  });

  afterAll(() => app.close());

  /** A word no other row of the file has, for titles and a `search=`. */
  function uniqueWord(): string {
    serial += 1;
    return `zq${serial}export`;
  }

  async function download(path: string, token?: string, language = 'en'): Promise<Download> {
    const call = request(app.app.getHttpServer())
      .get(path)
      .set('accept-language', language)
      .buffer(true)
      .parse(bytes);
    const res = token ? await call.set('authorization', `Bearer ${token}`) : await call;
    return {
      status: res.status,
      headers: res.headers as Record<string, string>,
      body: res.body as Buffer,
    };
  }

  async function csv(path: string, token: string): Promise<string> {
    const file = await download(path, token);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    return file.body.toString('utf8');
  }

  async function workbook(path: string, token: string): Promise<ExcelJS.Workbook> {
    const file = await download(path, token);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as unknown as ArrayBuffer);
    return book;
  }

  /** Every row of a sheet as plain values (row 1 first), without trailing empty cells. */
  function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    return rows;
  }

  function errorOf(file: Download): { code: string; message: string; fields?: unknown } {
    return JSON.parse(file.body.toString('utf8')) as {
      code: string;
      message: string;
      fields?: unknown;
    };
  }

  it('writes the needs list as CSV: the import headers, a BOM, CRLF, the caller’s language, a dated name', async () => {
    const word = uniqueWord();
    await postNeed(app, world.honduras, {
      title: `Asylum training ${word}`,
      description: 'Capacitación, con "comillas"; y punto y coma',
      modalities: ['TRAINING', 'STUDY_VISIT'],
      languages: ['es', 'en'],
    });
    const file = await download(`/exports/needs.csv?search=${word}`, world.honduras);
    expect(file.headers['content-disposition']).toBe('attachment; filename="needs-2026-12-07.csv"');
    expect(file.body.toString('utf8')).toBe(
      BOM +
        'Country,Working group,Title,Description,Modalities,Languages,Beneficiaries,Earliest start,Latest end,NAP reference,Priority,Commitment,Status\r\n' +
        `Honduras,Strengthening asylum systems,Asylum training ${word},"Capacitación, con ""comillas""; y punto y coma","Training, Study visit","es, en",40,2026-03-01,2026-11-30,HN-NAP-2026-04,High,,Open\r\n`,
    );

    // lang=es: Spanish headers and values, `;` between fields (Excel in Spanish).
    const spanish = await download(`/exports/needs.csv?search=${word}&lang=es`, world.honduras);
    expect(spanish.headers['content-disposition']).toBe(
      'attachment; filename="necesidades-2026-12-07.csv"',
    );
    expect(spanish.body.toString('utf8')).toBe(
      BOM +
        'País;Grupo de trabajo;Título;Descripción;Modalidades;Idiomas;Beneficiarios;Inicio más temprano;Fin más tardío;Referencia PAN;Prioridad;Compromiso;Estado\r\n' +
        `Honduras;Fortalecimiento de los sistemas de asilo;Asylum training ${word};"Capacitación, con ""comillas""; y punto y coma";Capacitación, Visita de estudio;es, en;40;2026-03-01;2026-11-30;HN-NAP-2026-04;Alta;;Abierta\r\n`,
    );
  });

  it('writes the needs list as XLSX, read back cell by cell: dates as dates, numbers as numbers', async () => {
    const word = uniqueWord();
    await postNeed(app, world.honduras, { title: `First ${word}`, priority: 'LOW' });
    await postNeed(app, world.guatemala, {
      countryCode: 'GT',
      title: `Second ${word}`,
      beneficiaries: null,
      earliestStart: null,
      latestEnd: null,
      napReference: null,
    });
    const book = await workbook(`/exports/needs.xlsx?search=${word}&lang=es`, world.secretariat);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['necesidades']);
    const sheet = book.worksheets[0];
    expect(sheet.getColumn(8).numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('H2').numFmt).toBe('yyyy-mm-dd');
    const [header, ...rows] = rowsOf(sheet);
    expect(header).toEqual([
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
      'Compromiso',
      'Estado',
    ]);
    expect(rows.map((row) => row[2]).sort()).toEqual([`First ${word}`, `Second ${word}`]);
    const honduras = rowsOf(sheet).find((row) => row[2] === `First ${word}`)!;
    expect(honduras).toEqual([
      'Honduras',
      'Fortalecimiento de los sistemas de asilo',
      `First ${word}`,
      'Capacitación de oficiales de elegibilidad en adjudicación con enfoque de género para solicitudes de asilo.',
      'Capacitación',
      'es',
      40,
      new Date('2026-03-01T00:00:00.000Z'),
      new Date('2026-11-30T00:00:00.000Z'),
      'HN-NAP-2026-04',
      'Baja',
      undefined,
      'Abierta',
    ]);
    const guatemala = rowsOf(sheet).find((row) => row[2] === `Second ${word}`)!;
    expect(guatemala).toEqual([
      'Guatemala',
      'Fortalecimiento de los sistemas de asilo',
      `Second ${word}`,
      'Capacitación de oficiales de elegibilidad en adjudicación con enfoque de género para solicitudes de asilo.',
      'Capacitación',
      'es',
      undefined,
      undefined,
      undefined,
      undefined,
      'Alta',
      undefined,
      'Abierta',
    ]);
  });
});
