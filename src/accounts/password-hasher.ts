import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomBytes, scrypt, ScryptOptions, timingSafeEqual } from 'node:crypto';
import { Environment } from '../config/environment';

/**
 * Passwords are hashed with scrypt (memory-hard, in Node's crypto). The stored string
 * carries its parameters, so they can be raised later without breaking old hashes:
 * `scrypt$N$r$p$salt$hash` (salt and hash in base64url).
 */
const DEFAULT_COST = 15;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem must exceed 128 * N * r bytes (32 MiB for the default cost).
    scrypt(password, salt, KEY_LENGTH, { ...options, maxmem: 256 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** `cost` is the log2 of scrypt's N (PASSWORD_HASH_COST); r = 8, p = 1. */
export async function hashPassword(password: string, cost = DEFAULT_COST): Promise<string> {
  const options = { N: 2 ** cost, r: 8, p: 1 };
  const salt = randomBytes(16);
  const key = await derive(password, salt, options);
  return [
    'scrypt',
    options.N,
    options.r,
    options.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * The hash of an account that has no password yet (an invitation not yet accepted): not of
 * the scrypt form, so no password matches it.
 */
export const NO_PASSWORD = 'none';

export function hasPassword(user: { passwordHash: string }): boolean {
  return user.passwordHash !== NO_PASSWORD;
}

/** Hashes at the configured PASSWORD_HASH_COST; verifies a hash of any cost. */
@Injectable()
export class PasswordHasher {
  private readonly cost: number;

  constructor(config: ConfigService<Environment, true>) {
    this.cost = config.get('PASSWORD_HASH_COST', { infer: true });
  }

  hash(password: string): Promise<string> {
    return hashPassword(password, this.cost);
  }

  verify(password: string, stored: string): Promise<boolean> {
    return verifyPassword(password, stored);
  }
}
