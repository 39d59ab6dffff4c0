import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { START_COMMAND } from './start-command';

/** The built server (`npm test` builds it first), started as `npm start` starts it. */
export const MAIN = join(__dirname, '..', '..', 'dist', 'src', 'main.js');

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface ServerProcess {
  child: ChildProcess;
  /** What the process printed so far. */
  stdout(): string;
  stderr(): string;
  done: Promise<Finished>;
}

/**
 * Starts `node dist/src/main.js` as `npm start` does (its node flags and environment, see
 * start-command.ts) with `env` (plus PATH) in `cwd`.
 */
export function runServer(env: Record<string, string>, cwd?: string): ServerProcess {
  const child = spawn(process.execPath, [...START_COMMAND.nodeFlags, MAIN], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...START_COMMAND.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Finished>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, stdout: () => stdout, stderr: () => stderr, done };
}

/** The start-up line: "mirps-twinning listens on http://127.0.0.1:3000/graphql", "…[::]…". */
export const LISTENING = /listens on (http:\/\/(\S+):(\d+)\/graphql)/;

/**
 * Waits for the start-up line and answers what it names: the URL, the address and the port
 * the server is bound to (with PORT=0, the one the system chose).
 */
export function listening(
  server: ServerProcess,
): Promise<{ url: string; address: string; port: number; line: string }> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const found = LISTENING.exec(server.stdout());
      if (!found) return false;
      const line =
        server
          .stdout()
          .split('\n')
          .find((text) => LISTENING.test(text)) ?? '';
      resolve({ url: found[1], address: found[2], port: Number(found[3]), line });
      return true;
    };
    if (check()) return;
    server.child.stdout?.on('data', check);
    void server.done.then(({ stdout, stderr }) =>
      reject(new Error(`The server stopped before listening: ${stdout}${stderr}`)),
    );
  });
}

/** A TCP port free at the time of asking. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error()),
      );
    });
  });
}

/** Polls `GET /health` until the server answers (any status) or the deadline passes. */
export async function waitForHealth(
  port: number,
  deadline = Date.now() + 30000,
): Promise<Response> {
  for (;;) {
    try {
      return await fetch(`http://127.0.0.1:${port}/health`);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
