import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EARLIEST_DATE, LATEST_DATE } from '../common/scalars/date-time.scalar';

/** Rows of one date column that the API cannot read back. */
export interface UnreadableDates {
  table: string;
  column: string;
  count: number;
  /** The keys of the first few, to find them with. */
  sample: string[];
}

const SAMPLE_SIZE = 5;

/** A bound as both engines compare it: SQLite as text, PostgreSQL as timestamptz. */
function bound(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/**
 * Every date column of every entity, checked for values outside what the `DateTime`
 * scalar accepts: such a value (a year before 0000 that SQLite keeps as "00-1-…", or one
 * written before the scalar was strict) would make every list that includes its row fail.
 * The API refuses such dates now; this finds rows stored before.
 */
export async function findUnreadableDates(dataSource: DataSource): Promise<UnreadableDates[]> {
  const found: UnreadableDates[] = [];
  const earliest = bound(EARLIEST_DATE);
  const latest = bound(LATEST_DATE);
  const sqlite = dataSource.options.type === 'sqlite';
  for (const entity of dataSource.entityMetadatas) {
    const key = entity.primaryColumns[0];
    if (!key || entity.tableType !== 'regular') continue;
    for (const column of entity.columns) {
      if (column.type !== 'datetime' && column.type !== 'timestamp with time zone') continue;
      const name = `"${column.databaseName}"`;
      // On SQLite the text must also have the shape TypeORM reads ("YYYY-MM-DD HH:MM:SS").
      const shape = sqlite
        ? ` OR ${name} NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9]*'`
        : '';
      const rows: { id: string | number; total: string | number }[] = await dataSource
        .createQueryBuilder()
        .select(`"${key.databaseName}"`, 'id')
        .addSelect('COUNT(*) OVER ()', 'total')
        .from(entity.tablePath, 'row')
        .where(`${name} IS NOT NULL AND (${name} < :earliest OR ${name} >= :latest${shape})`, {
          earliest,
          latest,
        })
        .limit(SAMPLE_SIZE)
        .getRawMany();
      if (rows.length > 0) {
        found.push({
          table: entity.tableName,
          column: column.databaseName,
          count: Number(rows[0].total),
          sample: rows.map((row) => String(row.id)),
        });
      }
    }
  }
  return found;
}

/** Start-up: says which stored dates the API could not read, and where they are. */
@Injectable()
export class UnreadableDatesCheck implements OnApplicationBootstrap {
  private readonly log = new Logger('UnreadableDates');

  constructor(private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const problem of await findUnreadableDates(this.dataSource)) {
      this.log.warn(
        `${problem.table}.${problem.column}: ${problem.count} row(s) hold a date outside ` +
          `1990-01-01 to 2100-12-31 or unreadable; lists that include them fail until the ` +
          `value is corrected (first keys: ${problem.sample.join(', ')})`,
      );
    }
  }
}
