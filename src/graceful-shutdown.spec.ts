import { Agent, createServer, request, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { drainHttpServer } from './graceful-shutdown';

/**
 * A server that answers each request `delayMs` after it arrives (never, for null);
 * `received` resolves once the first request has reached it. Waiting for that, rather
 * than for a fixed time, matters: a connection whose request has not arrived yet is idle,
 * and the drain rightly closes it.
 */
async function slowServer(
  delayMs: number | null,
): Promise<{ server: Server; port: number; received: Promise<void> }> {
  let arrived: () => void = () => undefined;
  const received = new Promise<void>((resolve) => (arrived = resolve));
  const server = createServer((_request, response) => {
    arrived();
    if (delayMs !== null) setTimeout(() => response.end('answered'), delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, received };
}

/** A GET over a keep-alive connection, which stays open after the answer. */
function get(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const agent = new Agent({ keepAlive: true });
    request({ host: '127.0.0.1', port, agent }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve(body));
    })
      .on('error', reject)
      .end();
  });
}

describe('drainHttpServer', () => {
  it('answers the request in flight, refuses new connections, then resolves', async () => {
    const { server, port, received } = await slowServer(300);
    const inFlight = get(port);
    await received;

    const started = Date.now();
    const drained = drainHttpServer(server, 5000);
    await expect(get(port)).rejects.toThrow(/ECONNREFUSED/);
    await expect(inFlight).resolves.toBe('answered');
    await drained;
    expect(server.listening).toBe(false);
    // Its connection, idle once answered, is closed at once (keep-alive would hold it 5 s).
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('closes a connection still busy at the deadline', async () => {
    const { server, port, received } = await slowServer(null);
    const stuck = get(port);
    await received;

    const started = Date.now();
    await drainHttpServer(server, 200);
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(stuck).rejects.toThrow(/socket hang up/);
  });
});
