/**
 * The DataSource the TypeORM CLI uses (migration:run, migration:generate, migration:revert).
 * It reads the same DATABASE_URL as the service, from the environment or `.env`: SQLite
 * (`sqlite:PATH`) or PostgreSQL (`postgres://…`, with `?schema=NAME` for a schema of its own,
 * created when missing). Each engine has its own migrations (src/database/migrations/<engine>).
 */
import 'dotenv/config';
import 'reflect-metadata';
import { validateEnvironment } from './src/config/environment';
import { prepareDatabase } from './src/database/data-source-factory';
import { dataSourceOptions } from './src/database/data-source-options';

// The CLI reads only the database setting; a shell without the service's secrets can migrate.
const { DATABASE_URL } = validateEnvironment({
  DATABASE_URL: process.env.DATABASE_URL,
  NODE_ENV: 'development',
});

export default prepareDatabase(dataSourceOptions(DATABASE_URL));
