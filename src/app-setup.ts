import { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import cookieParser from 'cookie-parser';
import type { Express } from 'express';
import helmet from 'helmet';
import { Environment } from './config/environment';
import { SessionCookie } from './console/session-cookie';

/** Outside production, a browser client served from this machine (any port) may call. */
const LOCAL_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/** The origins CORS lets in: CORS_ORIGINS, else none in production and localhost otherwise. */
export function allowedOrigins(
  config: ConfigService<Environment, true>,
): CorsOptions['origin'] | undefined {
  const listed = config.get('CORS_ORIGINS', { infer: true });
  if (listed) return listed.split(',').map((origin) => origin.trim());
  return config.get('NODE_ENV', { infer: true }) === 'production' ? undefined : LOCAL_ORIGIN;
}

/**
 * What the HTTP application needs around the modules: security headers, CORS, the
 * client address behind proxies. `main.ts` and the tests' app factory both call it, so
 * that the tests run what production runs (main.ts adds the signal handling).
 */
export function configureApp(
  app: INestApplication,
  config: ConfigService<Environment, true>,
): void {
  const express = app.getHttpAdapter().getInstance() as Express;
  const hops = config.get('TRUST_PROXY_HOPS', { infer: true });
  if (hops > 0) express.set('trust proxy', hops);

  // Helmet's defaults suit a JSON API (no landing page); the console's pages replace the
  // Content-Security-Policy with their own (src/console/console-pages.ts).
  app.use(helmet());

  // The console's session cookie stands for a bearer token (src/console/session-cookie.ts).
  app.use(cookieParser());
  app.use(app.get(SessionCookie).authenticate);

  const origin = allowedOrigins(config);
  if (origin) {
    app.enableCors({
      origin,
      methods: ['GET', 'POST', 'OPTIONS'],
      allowedHeaders: ['authorization', 'content-type', 'apollo-require-preflight'],
      // Never credentials: another origin's page may call with a bearer token it holds,
      // never with the console's session cookie (nor ask for one: x-mirps-console is not
      // an allowed header, so such a request fails its preflight).
      credentials: false,
      maxAge: 600,
    });
  }
}
