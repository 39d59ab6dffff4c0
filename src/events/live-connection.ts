import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { OperationRequest } from '../common/graphql-context';

/** graphql-ws's own close code for "Unauthorized": its client does not retry after it. */
export const UNAUTHORIZED_CLOSE_CODE = 4401;

interface ClosableSocket {
  close(code: number, reason: string): void;
}

/**
 * Closes a socket whose token does not hold (missing, invalid, expired, revoked, of a
 * disabled account) with 4401 and the reason "UNAUTHENTICATED: <why>", the error code an
 * HTTP request would get (a close reason holds at most 123 bytes).
 */
export function closeUnauthenticated(socket: ClosableSocket, why: string): void {
  let reason = `UNAUTHENTICATED: ${why}`;
  while (Buffer.byteLength(reason) > 123) reason = `${reason.slice(0, -2)}…`;
  socket.close(UNAUTHORIZED_CLOSE_CODE, reason);
}

/**
 * One client's WebSocket connection to /graphql, once its token checked out: the token it
 * signed in with (every subscription and every event delivered is checked against it
 * afresh) and the request that opened it.
 */
export class LiveConnection {
  /** Stands for a request id in the logs. */
  readonly id = randomUUID();

  constructor(
    readonly authorization: string,
    private readonly upgrade: IncomingMessage,
    private readonly socket: ClosableSocket,
  ) {}

  /**
   * What a subscription sees as its request: the upgrade request's headers (so
   * Accept-Language names things as over HTTP) with the connection's token as
   * `authorization`, which the access guard checks as it checks an HTTP request's.
   * The address is the socket's peer: no limit needs it, every subscriber is signed in.
   */
  requestFor(operationId: string): OperationRequest {
    return {
      headers: { ...this.upgrade.headers, authorization: this.authorization },
      ip: this.upgrade.socket.remoteAddress,
      id: `${this.id}/${operationId}`,
    };
  }

  /** Ends the connection: its token no longer holds (expired, revoked, account disabled). */
  refuse(why: string): void {
    closeUnauthenticated(this.socket, why);
  }
}
