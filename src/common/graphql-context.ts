import type { Request, Response } from 'express';
import type { User } from '../accounts/user.entity';
import { RequestLoaders } from './loaders/request-loaders';

/** What the access guard attaches to the HTTP request once the bearer token checks out. */
export interface AuthenticatedRequest extends Request {
  user?: User;
}

export interface GraphQLContext {
  req: AuthenticatedRequest;
  res: Response;
  loaders: RequestLoaders;
}
