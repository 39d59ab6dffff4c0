import type { Request, Response } from 'express';
import type { User } from '../accounts/user.entity';
import type { LiveConnection } from '../events/live-connection';
import { RequestLoaders } from './loaders/request-loaders';

/** What the access guard attaches to the HTTP request once the bearer token checks out. */
export interface AuthenticatedRequest extends Request {
  user?: User;
}

/**
 * What operations read of the request they came with: over HTTP, Express's request; on
 * a WebSocket, a stand-in made for each subscription from the connection (its upgrade
 * request's headers, with the connection's token as `authorization`).
 */
export interface OperationRequest {
  headers: Request['headers'];
  /** The client's address, for the limits of anonymous callers. */
  ip: string | undefined;
  /** The request id of the logs (pino-http's over HTTP, the connection's on a WebSocket). */
  id?: unknown;
  user?: User;
}

export interface GraphQLContext {
  req: OperationRequest;
  /** Over HTTP only. */
  res?: Response;
  loaders: RequestLoaders;
  /** On a WebSocket only: the connection the subscription runs on. */
  connection?: LiveConnection;
}
