import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import cookieParser from 'cookie-parser';
import type { CookieOptions, NextFunction, Request, Response } from 'express';
import type { IncomingMessage } from 'node:http';
import { Environment } from '../config/environment';

/** The cookie that holds the console's session token (HttpOnly: no page script reads it). */
export const SESSION_COOKIE = 'mirps_session';

/** The header the console sends with every GraphQL request; it asks for the cookie. */
export const CONSOLE_HEADER = 'x-mirps-console';

const parseCookies = cookieParser();

/** The cookies of a request that no Express middleware has seen (a WebSocket upgrade). */
function cookiesOf(request: IncomingMessage): Record<string, unknown> {
  const parsed = request as Request;
  // cookie-parser reads only `headers.cookie` and sets `cookies`, synchronously.
  parseCookies(parsed, {} as Response, () => undefined);
  return parsed.cookies as Record<string, unknown>;
}

/**
 * The console's session: the token of a sign-in lives in the `mirps_session` cookie
 * (HttpOnly, SameSite=Strict, Secure over HTTPS) instead of in page scripts, and stands for
 * `Authorization: Bearer <token>` on the requests it comes with. Everything past that (the
 * signature, expiry, token version, the rate limits) is the bearer token's path unchanged.
 *
 * Why a cookie cannot be used by another site (see SECURITY.md, The console's session):
 * - SameSite=Strict: browsers send it only with requests started from the service's own
 *   site, never with a request another site's page starts;
 * - Apollo's CSRF prevention: the only requests a page can send cross-origin without a
 *   preflight (GET, or a text/plain or form POST) are refused before anything runs, and the
 *   CORS allow-list never allows credentials, so a preflight from another origin gets no
 *   answer a browser would send the cookie after;
 * - the cookie counts only on a request from the service's own origin (PUBLIC_URL's, or the
 *   Host it was sent to) or one of CORS_ORIGINS: a sibling site's page (same site, other
 *   origin) gets no further than an anonymous caller. An HTTP request without `Origin` is a
 *   same-origin navigation or a non-browser client; a WebSocket upgrade must name it.
 */
@Injectable()
export class SessionCookie {
  /** The attributes the cookie is set and cleared with. */
  readonly attributes: CookieOptions;
  private readonly publicOrigin?: string;
  private readonly listedOrigins: ReadonlySet<string>;

  constructor(config: ConfigService<Environment, true>) {
    const publicUrl = config.get('PUBLIC_URL', { infer: true });
    this.publicOrigin = publicUrl ? new URL(publicUrl).origin : undefined;
    const listed = config.get('CORS_ORIGINS', { infer: true }) ?? '';
    this.listedOrigins = new Set(
      listed
        .split(',')
        .map((origin) => origin.trim())
        .filter((origin) => origin !== '')
        .map((origin) => new URL(origin).origin),
    );
    const secure =
      config.get('NODE_ENV', { infer: true }) === 'production' ||
      publicUrl?.startsWith('https:') === true;
    this.attributes = { httpOnly: true, sameSite: 'strict', secure, path: '/' };
  }

  /**
   * Express middleware (after cookie-parser): a request with the cookie and no
   * `Authorization` header, from an origin the cookie counts for, gets the cookie's token
   * as its bearer token. A bearer token the caller sends always wins.
   */
  readonly authenticate = (request: Request, _response: Response, next: NextFunction): void => {
    const token = (request.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
    const origin = request.headers.origin;
    if (
      request.headers.authorization === undefined &&
      typeof token === 'string' &&
      token !== '' &&
      (origin === undefined || this.originAllowed(origin, request.headers.host))
    ) {
      request.headers.authorization = `Bearer ${token}`;
    }
    next();
  };

  /**
   * The `Authorization` value a WebSocket upgrade's cookie stands for, or undefined: a
   * browser names the page's origin on every upgrade (and WebSockets know no CORS), so the
   * cookie counts only when that origin is the service's own or a listed one. Anything else
   * is a cross-site WebSocket hijacking attempt, or a client that should send its token.
   */
  authorizationOfUpgrade(request: IncomingMessage): string | undefined {
    const origin = request.headers.origin;
    if (origin === undefined || !this.originAllowed(origin, request.headers.host)) return undefined;
    const token = cookiesOf(request)[SESSION_COOKIE];
    return typeof token === 'string' && token !== '' ? `Bearer ${token}` : undefined;
  }

  /** The service's own origin (PUBLIC_URL's, or the Host the request came to) or a listed one. */
  private originAllowed(origin: string, host: string | undefined): boolean {
    let page: URL;
    try {
      page = new URL(origin);
    } catch {
      return false; // "null" (a sandboxed frame, a file) or garbage
    }
    if (page.origin === this.publicOrigin || this.listedOrigins.has(page.origin)) return true;
    if (host === undefined) return false;
    // The scheme is not compared: behind a proxy that ends TLS, the service sees http.
    try {
      return new URL(`${page.protocol}//${host}`).host === page.host;
    } catch {
      return false;
    }
  }
}
