import { createHash, randomBytes } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { writeLock } from '../database/transaction-runner';
import { AccountToken, AccountTokenPurpose } from './account-token.entity';

const HOUR_MS = 60 * 60 * 1000;

/** How long a link of each purpose works. */
export const TOKEN_VALIDITY_MS: Record<AccountTokenPurpose, number> = {
  [AccountTokenPurpose.INVITATION]: 7 * 24 * HOUR_MS,
  [AccountTokenPurpose.PASSWORD_RESET]: HOUR_MS,
};

/** What is stored of a link's secret: its SHA-256 (the secret has 256 random bits, no salt needed). */
export function hashOfToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * A new one-time link's secret for `userId`, stored (hashed) through `manager`: the
 * user's earlier links of the same purpose stop working.
 */
export async function issueToken(
  manager: EntityManager,
  userId: string,
  purpose: AccountTokenPurpose,
  now = new Date(),
): Promise<string> {
  await revokeTokens(manager, userId, [purpose]);
  const token = randomBytes(32).toString('base64url');
  await manager.insert(AccountToken, {
    userId,
    purpose,
    tokenHash: hashOfToken(token),
    expiresAt: new Date(now.getTime() + TOKEN_VALIDITY_MS[purpose]),
    usedAt: null,
    createdAt: now,
  });
  return token;
}

/**
 * The stored link `token` of `purpose` while it works (not expired, not used), or null.
 * With `lock` (inside a transaction that is about to use it), read with a row lock, so of
 * two requests with the same link only the first finds it unused.
 */
export async function usableToken(
  manager: EntityManager,
  token: string,
  purpose: AccountTokenPurpose,
  options: { lock?: boolean; now?: Date } = {},
): Promise<AccountToken | null> {
  const now = options.now ?? new Date();
  const stored = await manager.findOne(AccountToken, {
    where: { tokenHash: hashOfToken(token), purpose },
    lock: options.lock ? writeLock(manager) : undefined,
  });
  if (!stored || stored.usedAt !== null || stored.expiresAt.getTime() <= now.getTime()) {
    return null;
  }
  return stored;
}

/** Uses up the link `token` of `purpose`: its row, now marked used, or null (see usableToken). */
export async function redeemToken(
  manager: EntityManager,
  token: string,
  purpose: AccountTokenPurpose,
  now = new Date(),
): Promise<AccountToken | null> {
  const stored = await usableToken(manager, token, purpose, { lock: true, now });
  if (!stored) return null;
  stored.usedAt = now;
  await manager.update(AccountToken, stored.id, { usedAt: now });
  return stored;
}

/** Revokes every link of `purposes` the user has (they are removed). */
export async function revokeTokens(
  manager: EntityManager,
  userId: string,
  purposes: AccountTokenPurpose[],
): Promise<void> {
  await manager.delete(AccountToken, { userId, purpose: In(purposes) });
}
