import type { User } from '../accounts/user.entity';
import type { Role } from '../common/auth/role';

/** Who called a mutation, as recorded. */
export interface AuditActor {
  userId: string | null;
  email: string | null;
  role: Role | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** `id`, `offerId`, `needIds`...: the argument names that hold ids. */
const ID_NAME = /^(?:id|\w+Ids?)$/;
/** Enough for any real mutation; a hostile argument list cannot swell a row. */
const MAX_TARGETS = 50;
const MAX_DEPTH = 5;
const EMAIL_LENGTH = 254;

/**
 * The ids among a mutation's arguments: the values of `id`, `…Id` and `…Ids` arguments
 * and input fields, at any depth, that are ids. Nothing else of the arguments is kept, so
 * passwords, tokens and free text never reach the audit trail.
 */
export function argumentIds(args: unknown): string[] {
  const ids = new Set<string>();
  const visit = (value: unknown, name: string | undefined, depth: number): void => {
    if (depth > MAX_DEPTH || ids.size >= MAX_TARGETS) return;
    if (typeof value === 'string') {
      if (name !== undefined && ID_NAME.test(name) && UUID.test(value)) ids.add(value);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, name, depth + 1);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) visit(item, key, depth + 1);
    }
  };
  visit(args, undefined, 0);
  return [...ids].slice(0, MAX_TARGETS);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}

/** A sign-in's answer (AuthPayload): the token and the user it speaks for. */
function signedInUserOf(result: unknown): User | undefined {
  return isRecord(result) && typeof result.token === 'string' && isRecord(result.user)
    ? (result.user as unknown as User)
    : undefined;
}

/**
 * The id of what a mutation returned: its `id`, a working group's `code`, or the user of
 * a sign-in's answer. A plain value (such as a calendar URL) is not a record: none.
 */
export function resultId(result: unknown): string | undefined {
  const record = signedInUserOf(result) ?? result;
  if (!isRecord(record)) return undefined;
  if (typeof record.id === 'string') return record.id;
  return typeof record.code === 'string' ? record.code : undefined;
}

export function actorOf(user: User): AuditActor {
  return { userId: user.id, email: user.email, role: user.role };
}

/**
 * Who called: the signed-in user; else (login, the one mutation open to anyone) the
 * e-mail given, as login reads it; else no one.
 */
export function callerOf(user: User | undefined, args: Record<string, unknown>): AuditActor {
  if (user) return actorOf(user);
  const email =
    typeof args.email === 'string' ? args.email.trim().toLowerCase().slice(0, EMAIL_LENGTH) : '';
  return { userId: null, email: email || null, role: null };
}

/** A successful login names its caller only in its answer. */
export function signedInActor(result: unknown): AuditActor | undefined {
  const user = signedInUserOf(result);
  return user ? actorOf(user) : undefined;
}
