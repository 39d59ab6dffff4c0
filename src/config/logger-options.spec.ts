import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pinoHttp } from 'pino-http';
import type { LogLevel } from './environment';
import { pinoHttpOptions } from './logger-options';

/**
 * The lines pino-http writes with our options for one request through a real HTTP server
 * (pino-http's own serializers feed ours, and pino applies the redaction).
 */
async function logLines(
  level: LogLevel,
  path: string,
  headers: Record<string, string> = {},
): Promise<Record<string, any>[]> {
  let written = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written += chunk.toString();
      done();
    },
  });
  const middleware = pinoHttp(pinoHttpOptions(level), stream);
  const server: Server = createServer((req, res) => {
    middleware(req, res);
    res.setHeader('content-type', 'text/plain');
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers });
    await response.text();
    // The line is written when the response has finished.
    for (let tries = 0; written === '' && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  return written
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line));
}

const CREDENTIALS = {
  authorization: 'Bearer secret-jwt',
  cookie: 'session=secret-cookie',
  'x-request-id': 'r-1',
  'user-agent': 'calendar-app/1.0',
};

describe('the request log', () => {
  it('is one short line at info: request id, method, URL, status, response time; no headers', async () => {
    const lines = await logLines(
      'info',
      '/calendar.ics?country=HN&token=secret-token-value&workingGroup=HEALTH',
      CREDENTIALS,
    );
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line.req).toEqual({
      id: 'r-1',
      method: 'GET',
      url: '/calendar.ics?country=HN&token=[redacted]&workingGroup=HEALTH',
    });
    expect(line.res).toEqual({ statusCode: 200 });
    expect(typeof line.responseTime).toBe('number');
    expect(line.msg).toBe('request completed');
    const text = JSON.stringify(line);
    for (const absent of ['headers', 'secret', 'calendar-app', 'text/plain']) {
      expect(text).not.toContain(absent);
    }
  });

  it.each<LogLevel>(['debug', 'trace'])(
    'adds the headers at %s, credentials and the calendar token redacted',
    async (level) => {
      const [line] = await logLines(level, '/calendar.ics?token=secret-token-value', CREDENTIALS);
      expect(line.req).toMatchObject({
        id: 'r-1',
        method: 'GET',
        url: '/calendar.ics?token=[redacted]',
        headers: {
          authorization: '[redacted]',
          cookie: '[redacted]',
          'user-agent': 'calendar-app/1.0',
          'x-request-id': 'r-1',
        },
      });
      expect(line.res).toMatchObject({
        statusCode: 200,
        headers: { 'content-type': 'text/plain', 'x-request-id': 'r-1' },
      });
      expect(JSON.stringify(line)).not.toContain('secret');
    },
  );

  it('gives a request without a sane X-Request-Id a new id', async () => {
    const [line] = await logLines('info', '/graphql', { 'x-request-id': 'no spaces allowed' });
    expect(line.req.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each(['/health', '/metrics'])('writes no line for %s (probes, scrapes)', async (path) => {
    expect(await logLines('info', path)).toEqual([]);
  });
});
