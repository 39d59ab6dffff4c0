import sqlite3 from 'sqlite3';
import { getMetadataArgsStorage } from 'typeorm';
import { Need } from '../needs/need.entity';
import { TwinningNeed } from '../twinnings/twinning-need.entity';
import { dataSourceOptions, databaseEngine, postgresLocation } from './data-source-options';

function columnOptions(target: object, propertyName: string) {
  return getMetadataArgsStorage().columns.find(
    (column) => column.target === target && column.propertyName === propertyName,
  )!.options;
}

describe('dataSourceOptions', () => {
  it('tells the engine from the URL', () => {
    expect(databaseEngine('sqlite:data/twinning.sqlite')).toBe('sqlite');
    expect(databaseEngine('postgres://user@host:5432/db')).toBe('postgres');
    expect(databaseEngine('postgresql://user@host/db')).toBe('postgres');
    expect(() => databaseEngine('mysql://user@host/db')).toThrow('DATABASE_URL');
  });

  it('keeps SQLite as it was: WAL, a busy timeout, its own migrations', () => {
    expect(dataSourceOptions('sqlite::memory:')).toMatchObject({
      type: 'sqlite',
      database: ':memory:',
      enableWAL: false,
      busyTimeout: 5000,
      synchronize: false,
    });
  });

  it("opens SQLite without sqlite3's per-call stack traces, on sqlite3's own classes", () => {
    const options = dataSourceOptions('sqlite::memory:');
    const driver = (options as { driver: typeof sqlite3 }).driver;
    // TypeORM calls verbose(); it must not switch the traces on.
    expect(driver.verbose()).toBe(driver);
    expect(driver.Database).toBe(sqlite3.Database);
  });

  it('connects PostgreSQL without ?schema and keeps the tables in that schema', () => {
    const options = dataSourceOptions(
      'postgres://twinning:secret@db.example:5432/mirps?schema=svc',
    );
    expect(options).toMatchObject({
      type: 'postgres',
      url: 'postgres://twinning:secret@db.example:5432/mirps',
      schema: 'svc',
      extra: { options: '-c search_path=svc' },
      uuidExtension: 'pgcrypto',
      installExtensions: false,
      synchronize: false,
    });
    expect(dataSourceOptions('postgres://db.example/mirps?sslmode=require')).toMatchObject({
      url: 'postgres://db.example/mirps?sslmode=require',
      schema: undefined,
    });
    expect(dataSourceOptions('postgres://db.example/mirps')).not.toHaveProperty('extra');
  });

  it('refuses a schema name that would need quoting', () => {
    for (const schema of ['Svc', 'svc;drop', '"svc"', '1svc', '']) {
      expect(() =>
        postgresLocation(`postgres://db.example/mirps?schema=${encodeURIComponent(schema)}`),
      ).toThrow('must be a lower-case PostgreSQL name');
    }
  });

  it("gives timestamps and UUID references each engine's type", () => {
    dataSourceOptions('postgres://db.example/mirps');
    expect(columnOptions(Need, 'createdAt')).toMatchObject({
      type: 'timestamp with time zone',
      precision: 3,
    });
    expect(columnOptions(Need, 'createdById')).toMatchObject({ type: 'uuid', length: undefined });
    expect(columnOptions(TwinningNeed, 'needId')).toMatchObject({ type: 'uuid', primary: true });

    dataSourceOptions('sqlite::memory:');
    expect(columnOptions(Need, 'createdAt')).toMatchObject({
      type: 'datetime',
      precision: undefined,
    });
    expect(columnOptions(Need, 'earliestStart')).toMatchObject({
      type: 'datetime',
      nullable: true,
    });
    expect(columnOptions(Need, 'createdById')).toMatchObject({ type: 'varchar', length: 36 });
    expect(columnOptions(TwinningNeed, 'needId')).toMatchObject({ type: 'varchar', length: 36 });
  });
});
