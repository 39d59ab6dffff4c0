import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { Options } from 'pino-http';
import type { LogLevel } from './environment';

const REQUEST_ID = /^[\w-]{1,64}$/;

/** A request as pino-http's standard serializer gives it to ours. */
interface SerializedRequest {
  id: string;
  method: string;
  url: string;
  headers: Record<string, unknown>;
}

/** A response as pino-http's standard serializer gives it to ours. */
interface SerializedResponse {
  statusCode: number;
  headers: Record<string, unknown>;
}

/**
 * pino-http's options. At `info` a request is one short line: its id, method and URL, the
 * status and the response time. At `debug` (and `trace`) the request's and the response's
 * headers join it, credentials redacted. The calendar feed's token never reaches the log.
 */
export function pinoHttpOptions(level: LogLevel): Options {
  const headers = level === 'debug' || level === 'trace';
  return {
    level,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        'req.body.variables.password',
      ],
      censor: '[redacted]',
    },
    // Probes and scrapes, every few seconds: no line each.
    autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
    serializers: {
      req: (req: SerializedRequest) => ({
        id: req.id,
        method: req.method,
        // The calendar feed carries its token in the URL: keep it out of the log.
        url: req.url.replace(/([?&]token=)[^&]*/g, '$1[redacted]'),
        ...(headers ? { headers: req.headers } : {}),
      }),
      // pino-http's default copies every response header into each line: only at debug.
      res: (res: SerializedResponse) => ({
        statusCode: res.statusCode,
        ...(headers ? { headers: res.headers } : {}),
      }),
    },
  };
}

/**
 * Structured JSON logs (pino). Every request gets an id (the caller's X-Request-Id when
 * it is sane, else a new UUID), echoed in the response header and in every log line
 * of that request; credentials never reach the log.
 */
export function loggerOptions(level: LogLevel): Params {
  return { pinoHttp: pinoHttpOptions(level) };
}
