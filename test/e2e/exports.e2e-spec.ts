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
  let clock: ManualClock;
  let serial = 0;

  beforeAll(async () => {
    clock = new ManualClock(NOW);
    app = await startTestApp({ clock });
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
      .parse(bytes as unknown as Parameters<request.Test['parse']>[0]);
    const res = token ? await call.set('authorization', `Bearer ${token}`) : await call;
    return {
      status: res.status,
      headers: res.headers,
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

  it('leaves out restricted needs for whoever may not read them, and applies the filters', async () => {
    const word = uniqueWord();
    await postNeed(app, world.honduras, { title: `Open ${word}` });
    await postNeed(app, world.honduras, {
      title: `Restricted ${word}`,
      visibility: 'RESTRICTED',
      workingGroupCode: 'ASYLUM_SYSTEMS',
    });
    const titles = async (token: string, filter = '') =>
      (await csv(`/exports/needs.csv?search=${word}${filter}`, token))
        .split('\r\n')
        .slice(1, -1)
        .map((line) => line.split(',')[2])
        .sort();
    expect(await titles(world.honduras)).toEqual([`Open ${word}`, `Restricted ${word}`]);
    expect(await titles(world.secretariat)).toEqual([`Open ${word}`, `Restricted ${word}`]);
    expect(await titles(world.otherMember)).toEqual([`Open ${word}`]);
    expect(await titles(world.guatemala)).toEqual([`Open ${word}`]);
    expect(await titles(world.observer)).toEqual([`Open ${word}`]);
    expect(await titles(world.secretariat, '&countryCode=GT')).toEqual([]);
    expect(await titles(world.secretariat, '&status=IN_TWINNING')).toEqual([]);
    expect(await titles(world.secretariat, '&status=OPEN&countryCode=HN')).toEqual([
      `Open ${word}`,
      `Restricted ${word}`,
    ]);
  });

  it('refuses a bad filter (400, in the caller’s language), an unknown export, and callers without a token', async () => {
    const badStatus = await download('/exports/needs.csv?status=NOPE', world.honduras, 'es');
    expect(badStatus.status).toBe(400);
    expect(badStatus.headers['content-type']).toMatch(/^application\/json/);
    expect(errorOf(badStatus)).toEqual({
      code: 'BAD_USER_INPUT',
      // The Honduras focal point's locale is EN: it wins over Accept-Language.
      message:
        'Invalid input: status: status must be one of the following values: OPEN, IN_TWINNING, FULFILLED, WITHDRAWN, EXPIRED',
      fields: [
        {
          field: 'status',
          message:
            'status must be one of the following values: OPEN, IN_TWINNING, FULFILLED, WITHDRAWN, EXPIRED',
        },
      ],
    });
    const spanish = await download('/exports/needs.xlsx?lang=es&colour=blue', world.honduras);
    expect(spanish.status).toBe(400);
    expect(errorOf(spanish)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Datos no válidos: colour: colour no es un campo de estos datos',
      fields: [{ field: 'colour', message: 'colour no es un campo de estos datos' }],
    });
    const badDate = await download('/exports/activities.csv?from=yesterday', world.honduras);
    expect(badDate.status).toBe(400);
    expect(errorOf(badDate).fields).toEqual([
      { field: 'from', message: 'from must be a Date instance' },
    ]);
    const badLang = await download('/exports/needs.csv?lang=fr', world.honduras);
    expect(badLang.status).toBe(400);
    expect(errorOf(badLang).fields).toEqual([{ field: 'lang', message: 'lang must be es or en' }]);

    const unknown = await download('/exports/events.csv', world.secretariat);
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown)).toEqual({
      code: 'NOT_FOUND',
      message:
        'There is no export events.csv. Choose one of: needs.csv, needs.xlsx, offers.csv, offers.xlsx, twinnings.csv, twinnings.xlsx, activities.csv, activities.xlsx, coverage.csv, coverage.xlsx, pledges.csv, and pledges.xlsx',
    });
    const badPledgeStatus = await download('/exports/pledges.xlsx?status=PAID', world.secretariat);
    expect(badPledgeStatus.status).toBe(400);
    expect(errorOf(badPledgeStatus).fields).toEqual([
      {
        field: 'status',
        message:
          'status must be one of the following values: PLEDGED, COMMITTED, DISBURSED, CANCELLED',
      },
    ]);

    const anonymous = await download('/exports/needs.csv', undefined, 'es');
    expect(anonymous.status).toBe(401);
    expect(errorOf(anonymous).code).toBe('UNAUTHENTICATED');
    const forged = await download('/exports/needs.xlsx', 'not-a-token');
    expect(forged.status).toBe(401);

    // The annual report: the secretariat and observers only.
    for (const token of [world.member, world.honduras]) {
      const refused = await download('/exports/annual-report.xlsx', token);
      expect(refused.status).toBe(403);
      expect(errorOf(refused).code).toBe('FORBIDDEN');
    }
    expect((await download('/exports/annual-report.xlsx', undefined)).status).toBe(401);
    const badPeriod = await download(
      '/exports/annual-report.xlsx?from=2027-01-01&to=2026-01-01',
      world.observer,
    );
    expect(badPeriod.status).toBe(400);
    expect(errorOf(badPeriod).code).toBe('BAD_USER_INPUT');
    // Refused once the file's headers were set: an answer in JSON, not a download.
    expect(badPeriod.headers['content-type']).toMatch(/^application\/json/);
    expect(badPeriod.headers['content-disposition']).toBeUndefined();
  });

  it('takes the console’s session cookie as the bearer token', async () => {
    const file = await request(app.app.getHttpServer())
      .get('/exports/coverage.csv?workingGroupCode=ASYLUM_SYSTEMS')
      .set('cookie', `mirps_session=${world.observer}`);
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toBe(
      'attachment; filename="coverage-2026-12-07.csv"',
    );
  });

  it('writes offers, twinnings, activities and coverage with the lists’ filters', async () => {
    const organizationId = await createOrganization(app, world.secretariat, `Org ${uniqueWord()}`);
    await createUser(app, world.secretariat, {
      email: `member${serial}@exports.test`,
      role: 'MEMBER_FOCAL_POINT',
      organizationId,
    });
    const member = await app.login(`member${serial}@exports.test`);
    const ours: World = { ...world, member, organizationId };
    const word = uniqueWord();
    const twinningId = await aConfirmedTwinning(app, ours, {
      countries: ['HN', 'GT'],
      offer: { title: `Offer ${word}`, eligibleCountryCodes: ['HN', 'GT'] },
      need: { title: `Need ${word}` },
    });
    await postOffer(app, member, organizationId, {
      title: `Unused ${word}`,
      eligibleCountryCodes: [],
      availableFrom: null,
      availableTo: null,
    });
    const recorded = await app.ok<{ recordActivity: { id: string } }>(
      RECORD_ACTIVITY,
      {
        input: anActivity(twinningId, {
          title: `Workshop ${word}`,
          participantCountryCodes: ['CA', 'MX'],
        }),
      },
      { as: member },
    );
    await app.ok(
      COMPLETE_ACTIVITY,
      {
        id: recorded.recordActivity.id,
        input: { women: 12, men: 9, other: 1, outcome: 'Protocol drafted' },
      },
      { as: member },
    );
    await app.ok(
      RECORD_ACTIVITY,
      {
        input: anActivity(twinningId, {
          title: `Later ${word}`,
          startsAt: '2027-02-01T15:30:00.000Z',
          endsAt: null,
          virtual: true,
          location: null,
          participantCountryCodes: [],
        }),
      },
      { as: member },
    );

    const organizationName = `Org zq${serial - 1}export`;
    const description =
      '"The Immigration and Refugee Board trains adjudicators on gender-based claims, in English or Spanish."';
    // Both offers were posted at the same instant (the clock stands still): lines sorted.
    const offers = (
      await csv(`/exports/offers.csv?organizationId=${organizationId}`, world.honduras)
    ).split('\r\n');
    expect(offers[0]).toBe(
      BOM +
        'Organization,Working groups,Title,Description,Modalities,Languages,Capacity,Available from,Available to,Eligible countries,Remaining capacity,Status',
    );
    expect(offers.slice(1).sort()).toEqual([
      '',
      `${organizationName},Strengthening asylum systems,Offer ${word},${description},"Training, Peer exchange","en, es",5,2026-01-01,2026-12-31,"Guatemala, Honduras",3,Open`,
      `${organizationName},Strengthening asylum systems,Unused ${word},${description},"Training, Peer exchange","en, es",5,,,,5,Open`,
    ]);
    const onlyOpen = await csv(
      `/exports/offers.csv?organizationId=${organizationId}&status=FULL`,
      world.honduras,
    );
    expect(onlyOpen.split('\r\n')).toHaveLength(2);

    expect(
      await csv(`/exports/twinnings.csv?organizationId=${organizationId}&lang=es`, world.guatemala),
    ).toBe(
      BOM +
        'Oferta;Organización;Países;Necesidades;Estado;Propuesto;Confirmado;Concluido\r\n' +
        `Offer ${word};${organizationName};Guatemala, Honduras;"Need ${word}; Need ${word}";Confirmado;2026-12-07;2026-12-07;\r\n`,
    );

    const activities = await workbook(`/exports/activities.xlsx?countryCode=MX`, world.secretariat);
    const rows = rowsOf(activities.worksheets[0]).filter((row) => String(row[0]).endsWith(word));
    expect(rowsOf(activities.worksheets[0])[0]).toEqual([
      'Title',
      'Kind',
      'Twinning',
      'Starts',
      'Ends',
      'Location',
      'Virtual',
      'Participant countries',
      'Status',
      'Women',
      'Men',
      'Other',
      'Total',
      'Outcome',
    ]);
    expect(rows).toEqual([
      [
        `Workshop ${word}`,
        'Training',
        `Offer ${word}`,
        new Date('2026-11-02T14:00:00.000Z'),
        new Date('2026-11-04T22:00:00.000Z'),
        'Tegucigalpa',
        'No',
        'Canada, Mexico',
        'Done',
        12,
        9,
        1,
        22,
        'Protocol drafted',
      ],
    ]);
    const later = await csv(
      `/exports/activities.csv?from=2027-01-01&countryCode=HN&lang=es`,
      world.honduras,
    );
    expect(later.split('\r\n').filter((line) => line.includes(word))).toEqual([
      `Later ${word};Capacitación;Offer ${word};2027-02-01T15:30:00.000Z;;;Sí;;Programada;;;;;`,
    ]);

    const coverage = await workbook(
      '/exports/coverage.xlsx?workingGroupCode=ASYLUM_SYSTEMS',
      world.observer,
    );
    const cells = await app.ok<{
      coverageReport: {
        country: { name: string };
        needs: number;
        open: number;
        inTwinning: number;
        fulfilled: number;
        commitments: number;
        indicatorsOnTrack: number;
      }[];
    }>(
      `{ coverageReport(workingGroupCode: "ASYLUM_SYSTEMS") { country { name } needs open inTwinning fulfilled commitments indicatorsOnTrack } }`,
      {},
      { as: world.observer },
    );
    expect(rowsOf(coverage.worksheets[0])).toEqual([
      [
        'Country',
        'Working group',
        'Needs',
        'Open',
        'In twinning',
        'Fulfilled',
        'Commitments',
        'Indicators on track',
      ],
      ...cells.coverageReport.map((cell) => [
        cell.country.name,
        'Strengthening asylum systems',
        cell.needs,
        cell.open,
        cell.inTwinning,
        cell.fulfilled,
        cell.commitments,
        cell.indicatorsOnTrack,
      ]),
    ]);
  });

  it('writes the annual report for the secretariat and observers: summary, coverage, twinnings and activities, for print', async () => {
    const word = uniqueWord();
    const twinningId = await aConfirmedTwinning(app, world, {
      offer: { title: `Report offer ${word}` },
      need: { title: `Report need ${word}` },
    });
    const recorded = await app.ok<{ recordActivity: { id: string } }>(
      RECORD_ACTIVITY,
      { input: anActivity(twinningId, { title: `Report workshop ${word}` }) },
      { as: world.member },
    );
    await app.ok(
      COMPLETE_ACTIVITY,
      { id: recorded.recordActivity.id, input: { women: 7, men: 5, other: 2, outcome: 'Done' } },
      { as: world.member },
    );
    const period = 'from=2026-01-01T00:00:00.000Z&to=2027-01-01T00:00:00.000Z';
    const file = await download(`/exports/annual-report.xlsx?${period}&lang=es`, world.observer);
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toBe(
      'attachment; filename="informe-anual-2026-12-07.xlsx"',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as unknown as ArrayBuffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
      'Resumen',
      'Cobertura',
      'Hermanamientos',
      'Actividades',
      'Contribuciones por miembro',
    ]);
    for (const sheet of book.worksheets) {
      expect(sheet.pageSetup).toMatchObject({
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '4:4',
      });
      expect(sheet.getCell('A2').value).toBe('Del 2026-01-01 al 2027-01-01 (sin incluirlo)');
    }

    const { platformSummary: summary } = await app.ok<{
      platformSummary: {
        needsPosted: number;
        twinningsConfirmed: number;
        twinningsCompleted: number;
        activitiesDone: number;
        participants: { women: number; men: number; other: number; total: number };
      };
    }>(
      `{ platformSummary(from: "2026-01-01T00:00:00.000Z", to: "2027-01-01T00:00:00.000Z") {
          needsPosted twinningsConfirmed twinningsCompleted activitiesDone
          participants { women men other total } } }`,
      {},
      { as: world.observer },
    );
    const figures = new Map(
      rowsOf(book.getWorksheet('Resumen')!)
        .slice(4)
        .map((row) => [row[0], row[1]]),
    );
    expect(book.getWorksheet('Resumen')!.getCell('A1').value).toBe(
      'Plataforma de Apoyo del MIRPS: informe anual',
    );
    expect(rowsOf(book.getWorksheet('Resumen')!)[3]).toEqual(['Cifra', 'Valor']);
    expect(figures.get('Necesidades publicadas')).toBe(summary.needsPosted);
    expect(figures.get('Hermanamientos confirmados')).toBe(summary.twinningsConfirmed);
    expect(figures.get('Hermanamientos concluidos')).toBe(summary.twinningsCompleted);
    expect(figures.get('Actividades realizadas')).toBe(summary.activitiesDone);
    expect(figures.get('Actividades realizadas: Capacitación')).toBe(summary.activitiesDone);
    expect(figures.get('Participantes: mujeres')).toBe(summary.participants.women);
    expect(figures.get('Participantes: total')).toBe(summary.participants.total);
    expect(figures.get('Miembros participantes')).toEqual(
      expect.stringContaining('Immigration and Refugee Board of Canada'),
    );

    const twinnings = rowsOf(book.getWorksheet('Hermanamientos')!);
    expect(twinnings[3]).toEqual([
      'Oferta',
      'Organización',
      'Países',
      'Estado',
      'Confirmado',
      'Concluido',
      'Actividades realizadas',
      'Mujeres',
      'Hombres',
      'Otras personas',
      'Total',
    ]);
    expect(twinnings.filter((row) => row[0] === `Report offer ${word}`)).toEqual([
      [
        `Report offer ${word}`,
        'Immigration and Refugee Board of Canada',
        'Honduras',
        'Confirmado',
        NOW,
        undefined,
        1,
        7,
        5,
        2,
        14,
      ],
    ]);
    const activities = rowsOf(book.getWorksheet('Actividades')!);
    expect(activities.filter((row) => row[1] === `Report workshop ${word}`)).toEqual([
      [
        `Report offer ${word}`,
        `Report workshop ${word}`,
        'Capacitación',
        new Date('2026-11-02T14:00:00.000Z'),
        'Realizada',
        'Canadá',
        7,
        5,
        2,
        14,
      ],
    ]);
    const secretariat = await download(`/exports/annual-report.xlsx?${period}`, world.secretariat);
    expect(secretariat.status).toBe(200);
  });
  describe('pledges (the clock moves a second per pledge: the list is newest first)', () => {
    const SET_RATE = `mutation ($currency: String!, $rate: Float!, $asOf: DateTime!) {
      setExchangeRate(currency: $currency, usdPerUnit: $rate, asOf: $asOf)
    }`;
    const CREATE_PLEDGE = `mutation ($input: CreatePledgeInput!) { createPledge(input: $input) { id } }`;
    const SET_PLEDGE_STATUS = `mutation ($id: ID!, $status: PledgeStatus!) {
      setPledgeStatus(id: $id, status: $status) { id }
    }`;

    /** Records a pledge (then moves it through `statuses`) and moves the clock a second on. */
    async function pledge(
      token: string,
      input: Record<string, unknown>,
      statuses: string[] = [],
    ): Promise<string> {
      const { createPledge } = await app.ok<{ createPledge: { id: string } }>(
        CREATE_PLEDGE,
        { input },
        { as: token },
      );
      for (const status of statuses) {
        await app.ok(SET_PLEDGE_STATUS, { id: createPledge.id, status }, { as: token });
      }
      clock.set(new Date(clock.now().getTime() + 1000));
      return createPledge.id;
    }

    afterAll(() => clock.set(NOW));

    it('writes the pledges list as CSV in both languages: money to the cent, USD empty without a rate, only what the reader may see', async () => {
      const word = uniqueWord();
      const organizationId = await createOrganization(app, world.secretariat, `Donor ${word}`);
      await createUser(app, world.secretariat, {
        email: `pledger${serial}@exports.test`,
        role: 'MEMBER_FOCAL_POINT',
        organizationId,
      });
      const donor = await app.login(`pledger${serial}@exports.test`);
      await app.ok(
        SET_RATE,
        { currency: 'EUR', rate: 1.08, asOf: '2026-12-01T00:00:00.000Z' },
        { as: world.secretariat },
      );
      const openNeed = await postNeed(app, world.honduras, { title: `Open need ${word}` });
      clock.set(new Date(clock.now().getTime() + 1000));
      const restrictedNeed = await postNeed(app, world.honduras, {
        title: `Restricted need ${word}`,
        visibility: 'RESTRICTED',
      });
      clock.set(new Date(clock.now().getTime() + 1000));
      await pledge(
        world.secretariat,
        {
          organizationId,
          amount: 2_500_000.5,
          currency: 'EUR',
          countryCode: 'HN',
          workingGroupCode: 'ASYLUM_SYSTEMS',
          needIds: [restrictedNeed, openNeed],
          pledgedAt: '2026-09-21T15:00:00.000Z',
          note: 'Announced at the "Solidarity Event"; in two parts',
        },
        ['COMMITTED', 'DISBURSED'],
      );
      await pledge(
        donor,
        {
          organizationId,
          amount: 13_150_000,
          currency: 'CAD',
          pledgedAt: '2026-10-01T00:00:00.000Z',
        },
        ['COMMITTED'],
      );
      // Another member's: the donor's focal point never sees it.
      await pledge(world.secretariat, {
        organizationId: world.otherOrganizationId,
        amount: 1000,
        currency: 'USD',
        countryCode: 'HN',
        note: `Other ${word}`,
      });

      const file = await download(
        `/exports/pledges.csv?organizationId=${organizationId}`,
        world.secretariat,
      );
      expect(file.status).toBe(200);
      expect(file.headers['content-disposition']).toBe(
        'attachment; filename="pledges-2026-12-07.csv"',
      );
      const header =
        'Member,Amount,Currency,In USD,Status,Country,Working group,Needs,Pledged on,Note\r\n';
      const cad = `Donor ${word},13150000.00,CAD,,Committed,,,,2026-10-01,\r\n`;
      expect(file.body.toString('utf8')).toBe(
        BOM +
          header +
          cad +
          `Donor ${word},2500000.50,EUR,2700000.54,Disbursed,Honduras,Strengthening asylum systems,Open need ${word}; Restricted need ${word},2026-09-21,"Announced at the ""Solidarity Event""; in two parts"\r\n`,
      );

      // The donor's own focal point, without a filter: its organization's pledges only, and
      // not the restricted need's title (need.policy.ts).
      expect(await csv('/exports/pledges.csv', donor)).toBe(
        BOM +
          header +
          cad +
          `Donor ${word},2500000.50,EUR,2700000.54,Disbursed,Honduras,Strengthening asylum systems,Open need ${word},2026-09-21,"Announced at the ""Solidarity Event""; in two parts"\r\n`,
      );
      const other = await csv('/exports/pledges.csv', world.otherMember);
      expect(other).toContain(`Other ${word}`);
      expect(other).not.toContain(`Donor ${word}`);

      // Spanish: `;` between fields, labels in Spanish, the same plain numbers.
      const spanish = await download(
        `/exports/pledges.csv?organizationId=${organizationId}&countryCode=HN&status=DISBURSED&lang=es`,
        world.honduras,
      );
      expect(spanish.headers['content-disposition']).toBe(
        'attachment; filename="contribuciones-anunciadas-2026-12-07.csv"',
      );
      expect(spanish.body.toString('utf8')).toBe(
        BOM +
          'Miembro;Monto;Moneda;En USD;Estado;País;Grupo de trabajo;Necesidades;Anunciada el;Nota\r\n' +
          `Donor ${word};2500000.50;EUR;2700000.54;Desembolsada;Honduras;Fortalecimiento de los sistemas de asilo;"Open need ${word}; Restricted need ${word}";2026-09-21;"Announced at the ""Solidarity Event""; in two parts"\r\n`,
      );

      // XLSX, read back cell by cell: money as numbers shown to the cent; an observer reads
      // every pledge but not the restricted need's title.
      const book = await workbook(
        `/exports/pledges.xlsx?organizationId=${organizationId}&lang=es`,
        world.observer,
      );
      expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['contribuciones-anunciadas']);
      const sheet = book.worksheets[0];
      expect(sheet.getCell('B2').numFmt).toBe('#,##0.00');
      expect(sheet.getCell('D3').numFmt).toBe('#,##0.00');
      expect(sheet.getCell('I3').numFmt).toBe('yyyy-mm-dd');
      expect(rowsOf(sheet)).toEqual([
        [
          'Miembro',
          'Monto',
          'Moneda',
          'En USD',
          'Estado',
          'País',
          'Grupo de trabajo',
          'Necesidades',
          'Anunciada el',
          'Nota',
        ],
        [
          `Donor ${word}`,
          13_150_000,
          'CAD',
          undefined,
          'Comprometida',
          undefined,
          undefined,
          undefined,
          new Date('2026-10-01T00:00:00.000Z'),
        ],
        [
          `Donor ${word}`,
          2_500_000.5,
          'EUR',
          2_700_000.54,
          'Desembolsada',
          'Honduras',
          'Fortalecimiento de los sistemas de asilo',
          `Open need ${word}`,
          new Date('2026-09-21T15:00:00.000Z'),
          'Announced at the "Solidarity Event"; in two parts',
        ],
      ]);
    });

    it('puts the pledge figures in the annual report’s summary and a pledges-by-member sheet equal to platformSummary', async () => {
      await pledge(
        world.member,
        {
          organizationId: world.organizationId,
          amount: 250_000.25,
          currency: 'USD',
          pledgedAt: '2026-06-01T00:00:00.000Z',
        },
        ['COMMITTED', 'DISBURSED'],
      );
      await pledge(world.member, {
        organizationId: world.organizationId,
        amount: 90_000,
        currency: 'JPY',
        pledgedAt: '2026-06-02T00:00:00.000Z',
      });
      // Cancelled, and of another year: in neither.
      await pledge(
        world.member,
        { organizationId: world.organizationId, amount: 5, currency: 'USD' },
        ['CANCELLED'],
      );
      await pledge(world.member, {
        organizationId: world.organizationId,
        amount: 7,
        currency: 'USD',
        pledgedAt: '2025-12-31T23:59:59.000Z',
      });

      const period = 'from=2026-01-01T00:00:00.000Z&to=2027-01-01T00:00:00.000Z';
      const book = await workbook(`/exports/annual-report.xlsx?${period}&lang=en`, world.observer);
      expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
        'Summary',
        'Coverage',
        'Twinnings',
        'Activities',
        'Pledges by member',
      ]);
      const { platformSummary: summary } = await app.ok<{
        platformSummary: {
          pledges: number;
          pledgedUsd: number;
          disbursedUsd: number;
          pledgesWithoutRate: number;
          pledgesByMember: {
            organization: { name: string };
            pledges: number;
            pledgedUsd: number;
            disbursedUsd: number;
          }[];
        };
      }>(
        `{ platformSummary(from: "2026-01-01T00:00:00.000Z", to: "2027-01-01T00:00:00.000Z") {
            pledges pledgedUsd disbursedUsd pledgesWithoutRate
            pledgesByMember { organization { name } pledges pledgedUsd disbursedUsd } } }`,
        {},
        { as: world.observer },
      );
      expect(summary.pledgesByMember).toContainEqual({
        organization: { name: 'Immigration and Refugee Board of Canada' },
        pledges: 2,
        pledgedUsd: 250_000.25,
        disbursedUsd: 250_000.25,
      });
      expect(summary.pledgesWithoutRate).toBeGreaterThanOrEqual(1);

      const summarySheet = book.getWorksheet('Summary')!;
      const figures = rowsOf(summarySheet).slice(4);
      const at = (name: string) => figures.findIndex((row) => row[0] === name);
      expect(figures.slice(at('Pledges (not cancelled)'))).toEqual([
        ['Pledges (not cancelled)', summary.pledges],
        ['Pledged (USD)', summary.pledgedUsd],
        ['Disbursed (USD)', summary.disbursedUsd],
        ['Pledges in a currency without a rate (not in the USD sums)', summary.pledgesWithoutRate],
      ]);
      const row = (name: string) => summarySheet.getRow(at(name) + 5);
      expect(row('Pledges (not cancelled)').getCell(2).numFmt).toBe('#,##0');
      expect(row('Pledged (USD)').getCell(2).numFmt).toBe('#,##0.00');
      expect(row('Disbursed (USD)').getCell(2).numFmt).toBe('#,##0.00');

      const pledges = book.getWorksheet('Pledges by member')!;
      expect(pledges.pageSetup).toMatchObject({
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '4:4',
      });
      expect(pledges.getCell('A1').value).toBe(
        "Pledges by member: those not cancelled, in USD at the secretariat's rates in force today",
      );
      expect(pledges.getCell('A2').value).toBe('From 2026-01-01 to 2027-01-01 (exclusive)');
      expect(pledges.getColumn(2).numFmt).toBe('#,##0.00');
      expect(pledges.getCell('C5').numFmt).toBe('#,##0.00');
      expect(rowsOf(pledges).slice(3)).toEqual([
        ['Member', 'Pledged (USD)', 'Disbursed (USD)', 'Pledges (not cancelled)'],
        ...summary.pledgesByMember.map((member) => [
          member.organization.name,
          member.pledgedUsd,
          member.disbursedUsd,
          member.pledges,
        ]),
      ]);

      // In Spanish: the sheet's name fits Excel's 31 characters, its title says it in full.
      const spanish = await workbook(
        `/exports/annual-report.xlsx?${period}&lang=es`,
        world.secretariat,
      );
      const hoja = spanish.getWorksheet('Contribuciones por miembro')!;
      expect(hoja.getCell('A1').value).toBe(
        'Contribuciones anunciadas por miembro: las no canceladas, en USD a las tasas de la Secretaría Técnica vigentes hoy',
      );
      expect(rowsOf(hoja)[3]).toEqual([
        'Miembro',
        'Anunciado (USD)',
        'Desembolsado (USD)',
        'Contribuciones anunciadas (no canceladas)',
      ]);
    });
  });

  /**
   * Twinnings and activities of RESTRICTED needs in the exports (API.md: a twinning that
   * includes one is read by its parties and the secretariat): on a day of their own, two
   * twinnings of the IRB on restricted needs of Honduras (one confirmed with an activity
   * done, one completed) and one of a new member on an open need of Guatemala, a minute
   * apart. Observers, Guatemala and a member that is no party get the open one only; the
   * secretariat and Honduras (the needs' own country, a party) get all three.
   */
  describe('restricted needs in the twinnings, activities and annual report exports', () => {
    const DAY = new Date('2026-12-21T10:00:00.000Z');
    const PERIOD = 'from=2026-12-21T00:00:00.000Z&to=2026-12-22T00:00:00.000Z';
    let word: string;
    let partner: string;

    beforeAll(async () => {
      clock.set(DAY);
      word = uniqueWord();
      partner = `Partner ${word}`;
      const organizationId = await createOrganization(app, world.secretariat, partner);
      await createUser(app, world.secretariat, {
        email: `partner${serial}@exports.test`,
        role: 'MEMBER_FOCAL_POINT',
        organizationId,
      });
      const member = await app.login(`partner${serial}@exports.test`);
      const minute = (n: number) => clock.set(new Date(DAY.getTime() + n * 60_000));

      const restricted = await restrictedTwinning('Restricted');
      const workshop = await app.ok<{ recordActivity: { id: string } }>(
        RECORD_ACTIVITY,
        {
          input: anActivity(restricted, {
            title: `Restricted workshop ${word}`,
            startsAt: '2026-12-21T14:00:00.000Z',
            endsAt: '2026-12-21T18:00:00.000Z',
            participantCountryCodes: ['CR'],
          }),
        },
        { as: world.member },
      );
      await app.ok(
        COMPLETE_ACTIVITY,
        {
          id: workshop.recordActivity.id,
          input: { women: 4, men: 3, other: 0, outcome: 'Closed protocol' },
        },
        { as: world.member },
      );
      minute(1);
      const completed = await restrictedTwinning('Completed');
      await app.ok(
        'mutation ($id: ID!) { completeTwinning(id: $id) { id } }',
        { id: completed },
        { as: world.secretariat },
      );
      minute(2);
      const open = await aConfirmedTwinning(
        app,
        { ...world, member, organizationId },
        {
          countries: ['GT'],
          offer: { title: `Open offer ${word}` },
          need: { title: `Open need ${word}` },
        },
      );
      const session = await app.ok<{ recordActivity: { id: string } }>(
        RECORD_ACTIVITY,
        {
          input: anActivity(open, {
            title: `Open workshop ${word}`,
            startsAt: '2026-12-21T16:00:00.000Z',
            endsAt: null,
            location: 'Guatemala City',
            participantCountryCodes: ['MX'],
          }),
        },
        { as: member },
      );
      await app.ok(
        COMPLETE_ACTIVITY,
        {
          id: session.recordActivity.id,
          input: { women: 6, men: 5, other: 1, outcome: 'Open protocol' },
        },
        { as: member },
      );
    });

    afterAll(() => clock.set(NOW));

    /**
     * A CONFIRMED twinning of a new IRB offer with a new RESTRICTED need of Honduras:
     * Honduras proposes it (a member cannot name a need it may not read), the IRB accepts,
     * the secretariat confirms. Returns its id.
     */
    async function restrictedTwinning(title: string): Promise<string> {
      const needId = await postNeed(app, world.honduras, {
        title: `${title} need ${word}`,
        visibility: 'RESTRICTED',
      });
      const offerId = await postOffer(app, world.member, world.organizationId, {
        title: `${title} offer ${word}`,
      });
      const proposed = await app.ok<{ proposeTwinning: { id: string } }>(
        'mutation ($input: ProposeTwinningInput!) { proposeTwinning(input: $input) { id } }',
        { input: { offerId, needIds: [needId] } },
        { as: world.honduras },
      );
      const id = proposed.proposeTwinning.id;
      await app.ok(
        'mutation ($id: ID!) { respondToTwinning(id: $id, accept: true) { id } }',
        { id },
        { as: world.member },
      );
      await app.ok(
        'mutation ($id: ID!) { confirmTwinning(id: $id) { id } }',
        { id },
        { as: world.secretariat },
      );
      return id;
    }

    /** The lines of a CSV export that name this test's word, in the file's order. */
    async function linesOf(path: string, token: string): Promise<string[]> {
      const lines = (await csv(path, token)).split('\r\n');
      expect(lines.at(-1)).toBe('');
      return lines.filter((line) => line.includes(word));
    }

    it('twinnings.csv|xlsx leave out the twinnings of restricted needs for those who may not read them', async () => {
      const restrictedRows = [
        `Completed offer ${word},Immigration and Refugee Board of Canada,Honduras,Completed need ${word},Completed,2026-12-21,2026-12-21,2026-12-21`,
        `Restricted offer ${word},Immigration and Refugee Board of Canada,Honduras,Restricted need ${word},Confirmed,2026-12-21,2026-12-21,`,
      ];
      const openRow = `Open offer ${word},${partner},Guatemala,Open need ${word},Confirmed,2026-12-21,2026-12-21,`;
      // Newest first.
      for (const token of [world.secretariat, world.honduras, world.member]) {
        expect(await linesOf('/exports/twinnings.csv', token)).toEqual([
          openRow,
          ...restrictedRows,
        ]);
      }
      for (const token of [world.observer, world.guatemala, world.otherMember]) {
        expect(await linesOf('/exports/twinnings.csv', token)).toEqual([openRow]);
      }
      // Asked for by Honduras's twinnings or by the IRB's: still left out.
      expect(await linesOf('/exports/twinnings.csv?countryCode=HN', world.observer)).toEqual([]);
      expect(
        await linesOf(
          `/exports/twinnings.csv?organizationId=${world.organizationId}`,
          world.guatemala,
        ),
      ).toEqual([]);

      const rowsFor = async (token: string) =>
        rowsOf((await workbook('/exports/twinnings.xlsx', token)).worksheets[0]).filter((row) =>
          String(row[0]).endsWith(word),
        );
      const at = (minute: number) => new Date(DAY.getTime() + minute * 60_000);
      const openCells = [
        `Open offer ${word}`,
        partner,
        'Guatemala',
        `Open need ${word}`,
        'Confirmed',
        at(2),
        at(2),
      ];
      expect(await rowsFor(world.observer)).toEqual([openCells]);
      expect(await rowsFor(world.guatemala)).toEqual([openCells]);
      expect(await rowsFor(world.honduras)).toEqual([
        openCells,
        [
          `Completed offer ${word}`,
          'Immigration and Refugee Board of Canada',
          'Honduras',
          `Completed need ${word}`,
          'Completed',
          at(1),
          at(1),
          at(1),
        ],
        [
          `Restricted offer ${word}`,
          'Immigration and Refugee Board of Canada',
          'Honduras',
          `Restricted need ${word}`,
          'Confirmed',
          at(0),
          at(0),
        ],
      ]);
      expect(await rowsFor(world.secretariat)).toEqual(await rowsFor(world.honduras));
    });

    it('activities.csv|xlsx leave out the activities of those twinnings for those who may not read them', async () => {
      const path = `/exports/activities.csv?${PERIOD}`;
      const restrictedLine = `Restricted workshop ${word},Training,Restricted offer ${word},2026-12-21T14:00:00.000Z,2026-12-21T18:00:00.000Z,Tegucigalpa,No,Costa Rica,Done,4,3,0,7,Closed protocol`;
      const openLine = `Open workshop ${word},Training,Open offer ${word},2026-12-21T16:00:00.000Z,,Guatemala City,No,Mexico,Done,6,5,1,12,Open protocol`;
      for (const token of [world.secretariat, world.honduras, world.member]) {
        expect(await linesOf(path, token)).toEqual([openLine, restrictedLine]);
      }
      for (const token of [world.observer, world.guatemala, world.otherMember]) {
        expect(await linesOf(path, token)).toEqual([openLine]);
      }
      // Asked for by a participant country of the restricted one: nothing.
      expect(await linesOf(`${path}&countryCode=CR`, world.observer)).toEqual([]);
      expect(await linesOf(`${path}&countryCode=CR`, world.honduras)).toEqual([restrictedLine]);

      const rowsFor = async (token: string) =>
        rowsOf((await workbook(`/exports/activities.xlsx?${PERIOD}`, token)).worksheets[0]).slice(
          1,
        );
      const openCells = [
        `Open workshop ${word}`,
        'Training',
        `Open offer ${word}`,
        new Date('2026-12-21T16:00:00.000Z'),
        undefined,
        'Guatemala City',
        'No',
        'Mexico',
        'Done',
        6,
        5,
        1,
        12,
        'Open protocol',
      ];
      expect(await rowsFor(world.observer)).toEqual([openCells]);
      expect(await rowsFor(world.guatemala)).toEqual([openCells]);
      const all = [
        openCells,
        [
          `Restricted workshop ${word}`,
          'Training',
          `Restricted offer ${word}`,
          new Date('2026-12-21T14:00:00.000Z'),
          new Date('2026-12-21T18:00:00.000Z'),
          'Tegucigalpa',
          'No',
          'Costa Rica',
          'Done',
          4,
          3,
          0,
          7,
          'Closed protocol',
        ],
      ];
      expect(await rowsFor(world.honduras)).toEqual(all);
      expect(await rowsFor(world.secretariat)).toEqual(all);
    });

    it('annual-report.xlsx counts them for observers and names them for the secretariat only', async () => {
      // Focal points may not download the report at all.
      const refused = await download(`/exports/annual-report.xlsx?${PERIOD}`, world.guatemala);
      expect(refused.status).toBe(403);

      const report = async (token: string) => {
        const book = await workbook(`/exports/annual-report.xlsx?${PERIOD}`, token);
        const figures = new Map(
          rowsOf(book.getWorksheet('Summary')!)
            .slice(4)
            .map((row) => [row[0], row[1]]),
        );
        return {
          counted: [
            'Needs posted',
            'Twinnings confirmed',
            'Twinnings completed',
            'Activities done',
            'Participants: total',
          ].map((figure) => figures.get(figure)),
          countries: figures.get('Countries involved'),
          members: figures.get('Members involved'),
          twinnings: rowsOf(book.getWorksheet('Twinnings')!).slice(4),
          activities: rowsOf(book.getWorksheet('Activities')!).slice(4),
        };
      };
      const openTwinning = [
        `Open offer ${word}`,
        partner,
        'Guatemala',
        'Confirmed',
        new Date(DAY.getTime() + 120_000),
        undefined,
        1,
        6,
        5,
        1,
        12,
      ];
      const openActivity = [
        `Open offer ${word}`,
        `Open workshop ${word}`,
        'Training',
        new Date('2026-12-21T16:00:00.000Z'),
        'Done',
        'Mexico',
        6,
        5,
        1,
        12,
      ];
      // Every figure counts the restricted ones; the names are the open twinning's.
      expect(await report(world.observer)).toEqual({
        counted: [3, 3, 1, 2, 19],
        countries: 'Guatemala, Mexico',
        members: partner,
        twinnings: [openTwinning],
        activities: [openActivity],
      });
      expect(await report(world.secretariat)).toEqual({
        counted: [3, 3, 1, 2, 19],
        countries: 'Costa Rica, Guatemala, Honduras, Mexico',
        members: `Immigration and Refugee Board of Canada, ${partner}`,
        // Oldest first.
        twinnings: [
          [
            `Restricted offer ${word}`,
            'Immigration and Refugee Board of Canada',
            'Honduras',
            'Confirmed',
            DAY,
            undefined,
            1,
            4,
            3,
            0,
            7,
          ],
          [
            `Completed offer ${word}`,
            'Immigration and Refugee Board of Canada',
            'Honduras',
            'Completed',
            new Date(DAY.getTime() + 60_000),
            new Date(DAY.getTime() + 60_000),
            0,
            0,
            0,
            0,
            0,
          ],
          openTwinning,
        ],
        activities: [
          [
            `Restricted offer ${word}`,
            `Restricted workshop ${word}`,
            'Training',
            new Date('2026-12-21T14:00:00.000Z'),
            'Done',
            'Costa Rica',
            4,
            3,
            0,
            7,
          ],
          openActivity,
        ],
      });
    });
  });
});
