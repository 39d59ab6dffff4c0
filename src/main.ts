import 'reflect-metadata';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { configureApp } from './app-setup';
import { ConfigurationError, Environment } from './config/environment';
import { closeGracefullyOnSignals } from './graceful-shutdown';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule.forRoot(), {
    // Quiet until pino takes over; start-up errors reach the catch below.
    logger: false,
    abortOnError: false,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  configureApp(app, app.get(ConfigService<Environment, true>));
  const port = app.get(ConfigService<Environment, true>).get('PORT', { infer: true });
  await app.listen(port);
  closeGracefullyOnSignals(app, logger);
  logger.log(`mirps-twinning listens on ${await app.getUrl()}/graphql`);
}

bootstrap().catch((error: unknown) => {
  // A bad setting is one clear line that names it; anything else keeps its stack.
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
