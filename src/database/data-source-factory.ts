import { DataSource, DataSourceOptions } from 'typeorm';
import { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';

/**
 * Opens the service's DataSource; with `migrationsRun` its migrations are applied here.
 *
 * On PostgreSQL several instances may start at once on one (possibly empty) schema. They
 * take turns through an advisory lock named after the schema: the first creates the schema
 * when it is missing and applies the migrations, the next finds them applied. Seeding,
 * later, is safe without it (see TransactionRunner).
 */
export async function openDataSource(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = new DataSource(options);
  if (options.type !== 'postgres') return dataSource.initialize();
  return withStartUpTurn(options, async (startUp) => {
    await createSchemaIfMissing(startUp, options.schema);
    return dataSource.initialize();
  });
}

/**
 * For the TypeORM CLI, which initializes the DataSource itself: a PostgreSQL schema named
 * in the URL is created first when it is missing.
 */
export async function prepareDatabase(options: DataSourceOptions): Promise<DataSource> {
  if (options.type === 'postgres' && options.schema) {
    await withStartUpTurn(options, (startUp) => createSchemaIfMissing(startUp, options.schema));
  }
  return new DataSource(options);
}

/** Runs `work` holding the start-up lock of the schema, on a connection of its own. */
async function withStartUpTurn<T>(
  options: PostgresConnectionOptions,
  work: (startUp: DataSource) => Promise<T>,
): Promise<T> {
  const startUp = new DataSource({
    type: 'postgres',
    url: options.url,
    applicationName: `${options.applicationName ?? 'typeorm'} start-up`,
    connectTimeoutMS: options.connectTimeoutMS,
    // One connection: a session-level advisory lock must be released where it was taken.
    poolSize: 1,
  });
  await startUp.initialize();
  const key = `mirps-twinning start-up ${options.schema ?? ''}`;
  try {
    await startUp.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
    try {
      return await work(startUp);
    } finally {
      await startUp.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
    }
  } finally {
    await startUp.destroy();
  }
}

/**
 * Checked before created: CREATE SCHEMA IF NOT EXISTS needs the right to create schemas
 * even when the schema exists, which a deployment's role may well not have.
 */
async function createSchemaIfMissing(startUp: DataSource, schema: string | undefined) {
  if (!schema) return;
  const found: unknown[] = await startUp.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [
    schema,
  ]);
  // The name was checked against [a-z_][a-z0-9_]* (postgresLocation): safe to quote as is.
  if (found.length === 0) await startUp.query(`CREATE SCHEMA "${schema}"`);
}
