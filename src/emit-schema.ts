import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

/**
 * Writes the code-first schema to schema.gql (sorted) without serving anything:
 * the build runs it, and CI checks that the committed file equals its output.
 */
async function emitSchema(): Promise<void> {
  const app = await NestFactory.create(
    AppModule.forRoot({
      DATABASE_URL: 'sqlite::memory:',
      SCHEMA_FILE: process.argv[2] ?? 'schema.gql',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      SECRETARIAT_EMAIL: 'schema@localhost',
      SECRETARIAT_PASSWORD: 'schema-emission-only',
    }),
    { logger: ['error', 'warn'] },
  );
  await app.init();
  await app.close();
}

emitSchema().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
