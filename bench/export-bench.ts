import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { User } from '../src/accounts/user.entity';
import { Need } from '../src/needs/need.entity';
import { NeedStatus, Priority } from '../src/needs/need-enums';
import { Modality } from '../src/reference/modality';
import { seededRandom } from '../test/support/synthetic-data';
import { SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD, startTestApp } from '../test/support/test-app';

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;
const COUNTRIES = ['BZ', 'CR', 'SV', 'GT', 'HN', 'MX', 'PA'];
const GROUPS = ['ASYLUM_SYSTEMS'];

/**
 * `GET /exports/needs.xlsx` over real HTTP, as the secretariat, with `needs` needs stored
 * in SQLite: the time until the last byte (ms) of each of `runs` downloads, and the rows
 * the file holds (read back once, to make sure the whole list was written).
 */
export async function needsExportTimes(needs: number, runs: number) {
  const app = await startTestApp();
  try {
    const secretariat = await app.dataSource.getRepository(User).findOneByOrFail({
      email: SECRETARIAT_EMAIL,
    });
    const random = seededRandom(16);
    const now = Date.now();
    const rows = Array.from({ length: needs }, (_, index) => ({
      id: randomUUID(),
      countryCode: COUNTRIES[index % COUNTRIES.length],
      workingGroupCode: GROUPS[0],
      title: `Need ${index}: capacitación en gestión de casos`,
      description: `Descripción de la necesidad ${index}, con acentos: asistencia técnica ${random()}`,
      modalities: [Modality.TRAINING, Modality.TECHNICAL_ASSISTANCE],
      languages: ['es', 'en'],
      beneficiaries: 10 + (index % 90),
      earliestStart: new Date(Date.UTC(2026, index % 12, 1)),
      latestEnd: new Date(Date.UTC(2027, index % 12, 1)),
      napReference: `NAP-${index}`,
      priority: Priority.MEDIUM,
      status: NeedStatus.OPEN,
      withdrawalReason: null,
      searchText: `need ${index}`,
      createdById: secretariat.id,
      createdAt: new Date(now + index),
      updatedAt: new Date(now + index),
      openedAt: new Date(now + index),
      expiresAt: new Date(now + YEAR_MS),
    }));
    await app.dataSource.transaction(async (manager) => {
      for (let start = 0; start < rows.length; start += 500) {
        await manager.insert(Need, rows.slice(start, start + 500));
      }
    });
    await app.app.listen(0, '127.0.0.1');
    const { port } = (app.app.getHttpServer() as Server).address() as AddressInfo;
    const token = await app.login(SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD);
    const times: number[] = [];
    let body = new ArrayBuffer(0);
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      const response = await fetch(`http://127.0.0.1:${port}/exports/needs.xlsx`, {
        headers: { authorization: `Bearer ${token}` },
      });
      body = await response.arrayBuffer();
      times.push(performance.now() - started);
    }
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(body);
    return { times, rows: book.worksheets[0].rowCount - 1 };
  } finally {
    await app.close();
  }
}
