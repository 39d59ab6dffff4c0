import 'reflect-metadata';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { Environment } from './config/environment';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule.forRoot(), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const port = app.get(ConfigService<Environment, true>).get('PORT', { infer: true });
  await app.listen(port);
  app.get(Logger).log(`mirps-twinning listens on ${await app.getUrl()}/graphql`);
}

bootstrap().catch((error: unknown) => {
  // One clear line (a bad setting names its variable), no stack trace.
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
