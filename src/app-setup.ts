import { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import type { Express } from 'express';
import helmet from 'helmet';
import { Environment } from './config/environment';

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

  // Helmet's defaults suit a JSON API: the service serves no pages (no landing page),
  // so the strict default Content-Security-Policy costs nothing.
  app.use(helmet());

  const origin = allowedOrigins(config);
  if (origin) {
    app.enableCors({
      origin,
      methods: ['GET', 'POST', 'OPTIONS'],
      allowedHeaders: ['authorization', 'content-type', 'apollo-require-preflight'],
      maxAge: 600,
    });
  }
}
