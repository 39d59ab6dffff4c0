import { Role } from '../common/auth/role';
import type { User } from './user.entity';

/**
 * Who may read a person's contact details (today the e-mail address; the phone, once
 * users have one): the person themself and the secretariat, who runs the accounts.
 * Everyone else who meets a person in the service (a twinning's history, later comments)
 * sees who acted in what capacity: the role, and the country or organization acted for.
 */
/** The accounts handed to the person they belong to as they sign in (see asSeenByThemself). */
const seenByThemselves = new WeakSet<object>();

/**
 * Marks the account a sign-in answers with (AuthPayload.user): the caller is that person,
 * though the request carries no token yet. Marking the object, not the request, keeps
 * the rest of the request as anonymous as it was.
 */
export function asSeenByThemself<T extends object>(person: T): T {
  seenByThemselves.add(person);
  return person;
}

export function mayReadContactOf(
  viewer: Pick<User, 'id' | 'role'> | undefined,
  person: Pick<User, 'id'>,
): boolean {
  if (seenByThemselves.has(person)) return true;
  if (!viewer) return false;
  return viewer.role === Role.SECRETARIAT || viewer.id === person.id;
}

/**
 * What a viewer who may not read the e-mail address gets for it: the field is non-null in
 * the contract, so an empty string (the convention of GitHub's GraphQL `User.email`).
 */
export const WITHHELD_EMAIL = '';
