import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { buildWorld, World } from '../support/builders';
import { startTestApp, TestApp } from '../support/test-app';

const FIXTURES = join(__dirname, '..', 'fixtures');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NAP_SHEET = readFileSync(join(FIXTURES, 'pan-honduras.xlsx'));
const SEMICOLON_CSV = readFileSync(join(FIXTURES, 'necesidades-guatemala.csv'));

const JOB = `query ($id: ID!) { importJob(id: $id) {
  id kind dryRun status total processed created updated rejected problems { row field message }
} }`;

interface ImportJob {
  id: string;
  kind: string;
  dryRun: boolean;
  status: string;
  total: number;
  processed: number;
  created: number;
  updated: number;
  rejected: number;
  problems: { row: number; field: string | null; message: string }[];
}

describe('Imports of needs and offers from spreadsheets', () => {
  let app: TestApp;
  let world: World;

  beforeAll(async () => {
    // With TEST_REDIS_URL the jobs go through BullMQ; without, through the job table.
    const redis: Record<string, string> = process.env.TEST_REDIS_URL
      ? { REDIS_URL: process.env.TEST_REDIS_URL, REDIS_KEY_PREFIX: `imports-${randomUUID()}:` }
      : {};
    app = await startTestApp({ env: { IMPORT_POLL_MS: '20', ...redis } });
    world = await buildWorld(app);
  });

  afterAll(() => app.close());

  function upload(
    kind: string,
    token: string,
    file: Buffer,
    type: string,
    query = '',
    language = 'en',
  ) {
    return request(app.app.getHttpServer())
      .post(`/imports/${kind}${query}`)
      .set('authorization', `Bearer ${token}`)
      .set('content-type', type)
      .set('accept-language', language)
      .send(file);
  }

  async function finished(id: string, token: string, language = 'en'): Promise<ImportJob> {
    for (let attempt = 0; attempt < 400; attempt += 1) {
      const { importJob } = await app.ok<{ importJob: ImportJob }>(
        JOB,
        { id },
        { as: token, headers: { 'accept-language': language } },
      );
      if (importJob.status === 'DONE' || importJob.status === 'FAILED') return importJob;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`import ${id} did not finish`);
  }

  async function imported(
    kind: string,
    token: string,
    file: Buffer,
    type: string,
    query = '',
  ): Promise<ImportJob> {
    const answer = await upload(kind, token, file, type, query);
    expect(answer.status).toBe(202);
    return finished((answer.body as { id: string }).id, token);
  }

  const NAP_PROBLEMS = [
    {
      row: 8,
      field: 'país',
      message: 'No country is called "Narnia": write its name or its two-letter code',
    },
    {
      row: 9,
      field: 'Fin más tardío',
      message: 'Fin más tardío must be after the start of the period',
    },
    {
      row: 10,
      field: 'Modalidades',
      message:
        'Modalidades must be one of the following values: TRAINING, PEER_EXCHANGE, TECHNICAL_ASSISTANCE, SECONDMENT, STUDY_VISIT, WORKSHOP, FINANCIAL, MATERIAL',
    },
    { row: 11, field: 'TÍTULO', message: 'TÍTULO must not be empty' },
    { row: 11, field: 'TÍTULO', message: 'TÍTULO must not be blank' },
    {
      row: 12,
      field: 'país',
      message: 'Only the secretariat or a focal point of GT may manage its needs',
    },
    {
      row: 13,
      field: 'Beneficiarios',
      message: 'Beneficiarios must not be greater than 1000000000',
    },
    { row: 13, field: 'Beneficiarios', message: 'Beneficiarios must not be less than 1' },
    { row: 13, field: 'Beneficiarios', message: 'Beneficiarios must be an integer number' },
    {
      row: 14,
      field: 'Grupo de Trabajo',
      message: 'No working group is called "Astronomía": write its name or its code',
    },
  ];

  const HN_NEEDS = `query { needs(filter: { countryCode: "HN" }, first: 50) { edges { node {
    title napReference workingGroup { code } modalities languages beneficiaries earliestStart latestEnd priority
  } } } }`;

  it("a dry run of a NAP sheet reports each bad row, in the caller's language, and writes nothing", async () => {
    const needsBefore = await app.rowCount('needs');
    const auditBefore = await app.rowCount('audit_log');
    const job = await imported('needs', world.honduras, NAP_SHEET, XLSX, '?dryRun=true');
    expect(job).toEqual({
      id: job.id,
      kind: 'needs',
      dryRun: true,
      status: 'DONE',
      total: 9,
      processed: 9,
      created: 2,
      updated: 0,
      rejected: 7,
      problems: NAP_PROBLEMS,
    });
    expect(await app.rowCount('needs')).toBe(needsBefore);
    expect(await app.rowCount('audit_log')).toBe(auditBefore);

    // A reader whose language is Spanish reads the same problems in Spanish.
    await app.sql(`UPDATE "users" SET "locale" = 'ES' WHERE "email" = 'focal@hn.test'`);
    const spanish = await finished(job.id, world.honduras, 'es');
    await app.sql(`UPDATE "users" SET "locale" = 'EN' WHERE "email" = 'focal@hn.test'`);
    expect(spanish.problems[0]).toEqual({
      row: 8,
      field: 'país',
      message: 'Ningún país se llama "Narnia": escriba su nombre o su código de dos letras',
    });
  });

  it('imports the good rows, and a second import of the same file changes nothing', async () => {
    const auditBefore = await app.rowCount('audit_log');
    const job = await imported('needs', world.honduras, NAP_SHEET, XLSX);
    expect(job).toMatchObject({ status: 'DONE', total: 9, created: 2, updated: 0, rejected: 7 });
    expect(job.problems).toEqual(NAP_PROBLEMS);
    const { needs } = await app.ok<{ needs: { edges: { node: Record<string, unknown> }[] } }>(
      HN_NEEDS,
      {},
      { as: world.honduras },
    );
    const byReference = Object.fromEntries(
      needs.edges.map(({ node }) => [node.napReference, node]),
    );
    expect(byReference['HN-1.1']).toEqual({
      title: 'Capacitación en determinación de la condición de refugiado',
      napReference: 'HN-1.1',
      workingGroup: { code: 'ASYLUM_SYSTEMS' },
      modalities: ['TRAINING', 'TECHNICAL_ASSISTANCE'],
      languages: ['es'],
      beneficiaries: 40,
      earliestStart: '2027-03-01T00:00:00.000Z',
      latestEnd: '2027-06-30T00:00:00.000Z',
      priority: 'HIGH',
    });
    expect(byReference['HN-1.2']).toEqual({
      title: 'Gestión de casos de asilo',
      napReference: 'HN-1.2',
      workingGroup: { code: 'ASYLUM_SYSTEMS' },
      modalities: ['WORKSHOP'],
      languages: ['es', 'en'],
      beneficiaries: null,
      earliestStart: '2027-04-01T00:00:00.000Z',
      latestEnd: '2027-09-30T00:00:00.000Z',
      priority: 'MEDIUM',
    });
    const needsAfter = await app.rowCount('needs');

    const again = await imported('needs', world.honduras, NAP_SHEET, XLSX);
    expect(again).toMatchObject({ status: 'DONE', total: 9, created: 0, updated: 0, rejected: 7 });
    expect(await app.rowCount('needs')).toBe(needsAfter);
    // One audit entry per import that may write, none per row.
    expect(await app.rowCount('audit_log')).toBe(auditBefore + 2);
    expect(await app.rowCount('notifications')).toBe(0);
  });

  it('a row with the country and NAP reference of an existing need updates it', async () => {
    const csv = Buffer.from(
      'Country,NAP reference,Title,Working group,Description,Modalities,Languages,Priority\n' +
        'HN,HN-9.1,Interview guide,ASYLUM_SYSTEMS,First version,Training,Spanish,Low\n',
    );
    expect(await imported('needs', world.honduras, csv, 'text/csv')).toMatchObject({
      created: 1,
      updated: 0,
    });
    const changed = Buffer.from(csv.toString().replace('First version', 'Second version'));
    expect(await imported('needs', world.honduras, changed, 'text/csv')).toMatchObject({
      created: 0,
      updated: 1,
      rejected: 0,
    });
    const rows = await app.sql<{ description: string }>(
      `SELECT "description" FROM "needs" WHERE "napReference" = 'HN-9.1'`,
    );
    expect(rows).toEqual([{ description: 'Second version' }]);
  });

  it('reads a semicolon CSV as a Spanish-locale spreadsheet writes it', async () => {
    const job = await imported('needs', world.guatemala, SEMICOLON_CSV, 'text/csv');
    expect(job).toMatchObject({
      status: 'DONE',
      total: 2,
      created: 2,
      updated: 0,
      rejected: 0,
      problems: [],
    });
    const rows = await app.sql<{ title: string; description: string; beneficiaries: number }>(
      `SELECT "title", "description", "beneficiaries" FROM "needs" WHERE "countryCode" = 'GT' ORDER BY "napReference"`,
    );
    expect(rows).toEqual([
      {
        title: 'Oficinas de asilo en frontera',
        description: 'Recepción; admisión y\nregistro',
        beneficiaries: 1200,
      },
      { title: 'Guía de entrevistas', description: 'Una guía', beneficiaries: null },
    ]);
  });

  it("imports offers of the member focal point's own organization only", async () => {
    const csv = Buffer.from(
      'Organization,Working groups,Title,Description,Modalities,Languages,Capacity,Available from\n' +
        'Immigration and Refugee Board of Canada,ASYLUM_SYSTEMS,Eligibility training,Two weeks,Training,"en, fr",3,2027-01-10\n' +
        'World Bank Group,ASYLUM_SYSTEMS,Loans,Money,Financial,en,2,\n',
    );
    const job = await imported('offers', world.member, csv, 'text/csv');
    expect(job).toEqual({
      id: job.id,
      kind: 'offers',
      dryRun: false,
      status: 'DONE',
      total: 2,
      processed: 2,
      created: 1,
      updated: 0,
      rejected: 1,
      problems: [
        {
          row: 3,
          field: 'Organization',
          message:
            "Only the secretariat or a focal point of the offer's organization may manage its offers",
        },
      ],
    });
    expect(await imported('offers', world.member, csv, 'text/csv')).toMatchObject({
      created: 0,
      updated: 0,
      rejected: 1,
    });
  });

  it('refuses callers who import nothing, and shows a job to its owner and the secretariat only', async () => {
    const observer = await upload('needs', world.observer, NAP_SHEET, XLSX);
    expect(observer.status).toBe(403);
    expect(observer.body).toEqual({
      code: 'FORBIDDEN',
      message:
        'Only the secretariat and focal points import: country focal points their needs, member focal points their offers.',
    });
    expect((await upload('offers', world.honduras, NAP_SHEET, XLSX)).status).toBe(403);
    const anonymous = await request(app.app.getHttpServer())
      .post('/imports/needs')
      .set('content-type', 'text/csv')
      .send('Country,Title\n');
    expect(anonymous.status).toBe(401);
    // A form post another site could send is refused before anything runs.
    const simple = await upload('needs', world.honduras, NAP_SHEET, 'text/plain');
    expect(simple.status).toBe(400);
    expect((await upload('needs', world.honduras, Buffer.alloc(0), 'text/csv')).status).toBe(400);

    const answer = await upload('needs', world.honduras, NAP_SHEET, XLSX, '?dryRun=true');
    const { id } = answer.body as { id: string };
    await finished(id, world.honduras);
    expect((await finished(id, world.secretariat)).id).toBe(id);
    const other = await app.gql(JOB, { id }, { as: world.guatemala });
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('a file without a header row fails with one problem', async () => {
    const job = await imported('needs', world.honduras, Buffer.from('a,b\n1,2\n'), 'text/csv');
    expect(job).toMatchObject({ status: 'FAILED', total: 0, created: 0 });
    expect(job.problems).toEqual([
      {
        row: 1,
        field: null,
        message:
          'No row of the file names the columns. Add a header row such as "Country | Working group | Title | Description | Modalities | Languages | Beneficiaries | Earliest start | Latest end | NAP reference | Priority | Commitment" above the data.',
      },
    ]);
  });
});
