import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { LogLevel } from './environment';

const REQUEST_ID = /^[\w-]{1,64}$/;

/**
 * Structured JSON logs (pino). Every request gets an id (the caller's X-Request-Id when
 * it is sane, else a new UUID), echoed in the response header and in every log line
 * of that request; credentials never reach the log.
 */
export function loggerOptions(level: LogLevel): Params {
  return {
    pinoHttp: {
      level,
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'req.body.variables.password'],
        censor: '[redacted]',
      },
      // Probes and scrapes, every few seconds: no line each.
      autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          // The calendar feed carries its token in the URL: keep it out of the log.
          url: req.url.replace(/([?&]token=)[^&]*/g, '$1[redacted]'),
        }),
        // The status only: pino-http's default copies every response header into each line.
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  };
}
