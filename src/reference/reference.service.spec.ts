import type { Repository } from 'typeorm';
import type { TransactionRunner } from '../database/transaction-runner';
import { Country } from './country.entity';
import { ReferenceService } from './reference.service';
import { WorkingGroup } from './working-group.entity';

/** A repository whose `find` answers the rows it holds now, counting the reads. */
function tableOf<T extends object>(rows: T[]) {
  const table = { rows, reads: 0 };
  const repository = {
    find: () => {
      table.reads += 1;
      return Promise.resolve([...table.rows]);
    },
  } as unknown as Repository<T>;
  return { table, repository };
}

const country = (code: string): Country =>
  Object.assign(new Country(), { code, nameEn: code, nameEs: code, isMirpsState: true });
const group = (code: string): WorkingGroup =>
  Object.assign(new WorkingGroup(), { code, nameEn: code, nameEs: code, createdAt: new Date(0) });

describe('ReferenceService lookups by code', () => {
  function service() {
    const countries = tableOf([country('HN'), country('GT')]);
    const groups = tableOf([group('HEALTH')]);
    const transactions = {
      run: (work: (manager: unknown) => Promise<unknown>) =>
        work({
          existsBy: () => Promise.resolve(false),
          create: (_: unknown, values: object) => Object.assign(new WorkingGroup(), values),
          save: (created: WorkingGroup) => {
            groups.table.rows.push(created);
            return Promise.resolve(created);
          },
        }),
    } as unknown as TransactionRunner;
    const reference = new ReferenceService(countries.repository, groups.repository, transactions);
    return { reference, countries: countries.table, groups: groups.table };
  }

  it('reads each table once, then answers from memory, in the order asked, without repeats', async () => {
    const { reference, countries, groups } = service();
    expect((await reference.countriesByCodes(['GT', 'HN', 'GT'])).map((c) => c.code)).toEqual([
      'GT',
      'HN',
    ]);
    expect((await reference.workingGroupsByCodes(['HEALTH'])).map((g) => g.code)).toEqual([
      'HEALTH',
    ]);
    await reference.countriesByCodes(['HN']);
    expect([countries.reads, groups.reads]).toEqual([1, 1]);
  });

  it('reads again when asked for a code it does not hold: a working group another instance created', async () => {
    const { reference, groups } = service();
    await reference.workingGroupsByCodes(['HEALTH']);
    groups.rows.push(group('LIVELIHOODS'));
    expect((await reference.workingGroupsByCodes(['LIVELIHOODS'])).map((g) => g.code)).toEqual([
      'LIVELIHOODS',
    ]);
    expect(groups.reads).toBe(2);
  });

  it('leaves out codes that name nothing, after one more read', async () => {
    const { reference, countries } = service();
    expect(await reference.countriesByCodes(['XX'])).toEqual([]);
    expect(countries.reads).toBe(2);
  });

  it('drops what it holds when it creates a working group', async () => {
    const { reference, groups } = service();
    await reference.workingGroupsByCodes(['HEALTH']);
    await reference.createWorkingGroup({
      code: 'EDUCATION',
      nameEn: 'Education',
      nameEs: 'Educación',
    });
    await reference.workingGroupsByCodes(['HEALTH']);
    expect(groups.reads).toBe(2);
  });
});
