import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HttpAdapterHost } from '@nestjs/core';
import express, { Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Environment } from '../config/environment';

/** Paths the API answers (or will): never the console, even when a browser asks for HTML. */
const API_PATHS = /^\/(graphql|health|metrics|calendar\.ics|imports|exports)(\/|$)/i;

/** Hashed file names (Vite's assets/): a new build never reuses a name. */
const ASSET_CACHE = 'public, max-age=31536000, immutable';
/** favicon.svg and the like: names that stay across builds. */
const OTHER_FILE_CACHE = 'public, max-age=3600';

/** What GET / answers when there is no console to serve. */
const NOT_BUILT = [
  'The web console is not built yet: run "npm run build" in the project folder, then reload this page.',
  'The GraphQL API answers at /graphql.',
  '',
  'La consola web aún no está compilada: ejecute "npm run build" en la carpeta del proyecto y vuelva a cargar esta página.',
  'La API GraphQL responde en /graphql.',
  '',
].join('\n');

/**
 * The two `<style>` elements React Aria adds to the page, word for word: its pressable
 * elements' touch-action (usePress, once a React Aria button is on the page) and, on iPhones
 * and iPads only, the overscroll rule while a modal dialog is open (usePreventScroll). The
 * policy allows these two texts by their hashes and no other inline style
 * (console-pages.spec.ts checks the installed React Aria still writes them).
 */
export const REACT_ARIA_STYLES = [
  '@layer {\n  [data-react-aria-pressable] {\n    touch-action: pan-x pan-y pinch-zoom;\n  }\n}',
  '@layer {\n  * {\n    overscroll-behavior: contain;\n  }\n}',
];

const styleHash = (text: string) =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The console's pages (index.html) get a policy of their own; the API's answers keep
 * helmet's defaults (app-setup.ts). Scripts come only from the service's own files, never
 * inline; styles from its style sheets and React Aria's two `<style>` elements (by hash), no
 * 'unsafe-inline': React (React Aria's widgets and the charts included) sets the styles it
 * computes, such as a meter's width, through the CSSOM (`element.style`), which a policy
 * does not govern. The browser specs fail on any refusal the policy logs. `connect-src
 * 'self'` covers /graphql and the WebSocket to it: CSP Level 3 matches ws:/wss: of the same
 * host and port to 'self' (checked in Chromium). No site may frame the console.
 */
const consolePolicy = helmet.contentSecurityPolicy({
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", ...REACT_ARIA_STYLES.map(styleHash)],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    objectSrc: ["'none'"],
  },
});

/** The project's folder: the nearest above this file with a package.json (src/ or dist/src/). */
export function projectRoot(from = __dirname): string {
  for (let folder = from; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) return folder;
    if (dirname(folder) === folder) return process.cwd();
  }
}

/**
 * Serves the web console from the same process (web/dist, or CONSOLE_DIR):
 * - its files as they are: hashed ones under /assets/ cached for a year (immutable), the
 *   others for an hour;
 * - index.html (no-cache, so a new build is picked up at once) for `/` and for any other
 *   GET that asks for HTML and no route answers: the console's own paths (`/needs/123`,
 *   `/invitation?token=…`) load it, and its router takes over;
 * - a missing file under /assets/, an API path, or a request that does not ask for HTML
 *   stays a 404 (Nest's).
 * Registered once the routes are (onModuleInit runs after Nest's router, before its
 * not-found handler), so no route of the service is ever shadowed. Without a built console
 * GET / answers a short text saying how to build it.
 */
@Injectable()
export class ConsolePages implements OnModuleInit {
  private readonly log = new Logger(ConsolePages.name);
  private readonly folder: string;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    config: ConfigService<Environment, true>,
  ) {
    const configured = config.get('CONSOLE_DIR', { infer: true });
    this.folder = configured ? resolve(configured) : join(projectRoot(), 'web', 'dist');
  }

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    // Not an HTTP application (a command run with an application context).
    if (adapter?.getType() !== 'express') return;
    if (!existsSync(join(this.folder, 'index.html'))) {
      this.log.log(`No web console in ${this.folder}: GET / says to run "npm run build"`);
    }
    adapter.getInstance<express.Express>().use(this.router());
  }

  private router(): express.Router {
    const router = express.Router();
    router.use((request, _response, next) => {
      const read = request.method === 'GET' || request.method === 'HEAD';
      next(read && !API_PATHS.test(request.path) ? undefined : 'router');
    });
    router.get('/index.html', this.index);
    router.use(
      express.static(this.folder, {
        index: false,
        redirect: false,
        cacheControl: false,
        setHeaders: (response, file) => {
          const inAssets = relative(this.folder, file).startsWith(`assets${sep}`);
          response.setHeader('Cache-Control', inAssets ? ASSET_CACHE : OTHER_FILE_CACHE);
        },
      }),
    );
    router.use((request, response, next) => {
      if (wantsPage(request)) this.index(request, response, next);
      else next();
    });
    return router;
  }

  /** index.html under the console's policy, or the text saying to build it. */
  private readonly index: RequestHandler = (request, response, next) => {
    consolePolicy(request, response, (error?: unknown) => {
      if (error) return next(error);
      response.setHeader('X-Frame-Options', 'DENY');
      response.sendFile(
        join(this.folder, 'index.html'),
        { cacheControl: false, headers: { 'Cache-Control': 'no-cache' } },
        (failure?: NodeJS.ErrnoException) => {
          if (!failure || response.headersSent) return;
          if (failure.code === 'ENOENT' || failure.code === 'ENOTDIR') notBuilt(response);
          else next(failure);
        },
      );
    });
  };
}

/**
 * `/` always; another path when the request prefers HTML to JSON (a browser's navigation
 * does; a script's fetch, or an Accept header of any type, does not), and not under
 * /assets/ (a missing asset is a 404, never a page).
 */
function wantsPage(request: Request): boolean {
  if (request.path === '/') return true;
  if (request.path.startsWith('/assets/')) return false;
  return request.accepts(['application/json', 'text/html']) === 'text/html';
}

function notBuilt(response: Response): void {
  response
    .status(503)
    .setHeader('Cache-Control', 'no-store')
    .type('text/plain; charset=utf-8')
    .send(NOT_BUILT);
}
