import 'reflect-metadata';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import type { Server } from 'node:http';
import { AddressInfo, createServer } from 'node:net';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { configureApp } from './app-setup';
import { ConfigurationError, Environment } from './config/environment';
import { closeGracefullyOnSignals } from './graceful-shutdown';
import { PublicLinks } from './mail/public-links';

/** A start-up failure the person starting the service can fix: one line, no stack. */
class StartupError extends Error {}

/** What a failure to listen on HOST:PORT means, in one line, or undefined when unforeseen. */
function listenProblem(error: unknown, port: number, host: string | undefined): string | undefined {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'EADDRINUSE':
      return `Port ${port} is in use${host === undefined ? '' : ` on ${host}`}: set PORT to another one`;
    case 'EACCES':
      return `Port ${port} needs privileges this process lacks: set PORT to 1024 or above`;
    case 'EADDRNOTAVAIL':
      return `HOST ${host} is not an address of this machine: set HOST to one of its addresses, or unset it to listen on all`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `HOST ${host} is not a host name this machine can resolve: set HOST to an address such as 127.0.0.1`;
    default:
      return undefined;
  }
}

/** Waits for an attempt to listen, turning the foreseen failures into StartupErrors. */
async function listening<T>(attempt: Promise<T>, port: number, host?: string): Promise<T> {
  try {
    return await attempt;
  } catch (error) {
    const problem = listenProblem(error, port, host);
    throw problem === undefined ? error : new StartupError(problem);
  }
}

/**
 * Binds HOST:PORT for a moment, before the application starts: starting creates the first
 * secretariat account and prints its password once, which a start that fails would waste.
 */
function probe(port: number, host: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port, host }, () => server.close(() => resolve()));
  });
}

/** "http://127.0.0.1:3000", "http://[::]:3000": the address the server is bound to. */
function boundUrl(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule.forRoot(), {
    // Quiet until pino takes over; start-up errors reach the catch below.
    logger: false,
    abortOnError: false,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  const config = app.get(ConfigService<Environment, true>);
  configureApp(app, config);
  const port = config.get('PORT', { infer: true });
  const host = config.get('HOST', { infer: true });
  if (port !== 0) await listening(probe(port, host), port, host);
  await listening(host === undefined ? app.listen(port) : app.listen(port, host), port, host);
  closeGracefullyOnSignals(app, logger);
  const address = (app.getHttpServer() as Server).address() as AddressInfo;
  app.get(PublicLinks).boundTo(address.port);
  const everywhere = address.address === '::' || address.address === '0.0.0.0';
  logger.log(
    `mirps-twinning listens on ${boundUrl(address)}/graphql` +
      (everywhere
        ? ` (every interface; from this machine: http://localhost:${address.port}/graphql)`
        : ''),
  );
}

bootstrap().catch((error: unknown) => {
  // A bad setting or a port in use is one clear line; anything else keeps its stack.
  const foreseen = error instanceof ConfigurationError || error instanceof StartupError;
  console.error(foreseen ? error.message : error);
  process.exit(1);
});
