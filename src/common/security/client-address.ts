import { normalizeIp } from '@nestjs/throttler';
import type { Request } from 'express';

/**
 * The caller's address as the limits see it: `req.ip` (which honours TRUST_PROXY_HOPS),
 * with IPv6 addresses reduced to their /64, since one host can hold a whole /64.
 */
export function clientAddressOf(request: Pick<Request, 'ip'>): string {
  return normalizeIp(request.ip ?? 'unknown', 64);
}
