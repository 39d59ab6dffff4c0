/**
 * The DataSource the TypeORM CLI uses (migration:run, migration:generate, migration:revert).
 * It reads the same DATABASE_URL as the service, from the environment or `.env`.
 */
import 'dotenv/config';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { validateEnvironment } from './src/config/environment';
import { dataSourceOptions } from './src/database/data-source-options';

// The CLI reads only the database setting; a shell without the service's secrets can migrate.
const { DATABASE_URL } = validateEnvironment({
  DATABASE_URL: process.env.DATABASE_URL,
  NODE_ENV: 'development',
});

export default new DataSource(dataSourceOptions(DATABASE_URL));
