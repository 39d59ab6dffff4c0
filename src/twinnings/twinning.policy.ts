import type { User } from '../accounts/user.entity';
import { Role } from '../common/auth/role';
import { ForbiddenError } from '../common/errors/domain-errors';
import { msg } from '../i18n/catalogs';
import type { Message } from '../i18n/message';

/** A side of a twinning: a country or the offer's organization. */
export interface Side {
  countryCode: string | null;
  organizationId: string | null;
}

/**
 * The side a user acts for in a twinning, if any: a country focal point for its country,
 * a member focal point for its organization. The secretariat and observers have none.
 */
export function sideOf<T extends Side>(user: User, parties: readonly T[]): T | undefined {
  if (user.role === Role.COUNTRY_FOCAL_POINT && user.countryCode) {
    return parties.find((party) => party.countryCode === user.countryCode);
  }
  if (user.role === Role.MEMBER_FOCAL_POINT && user.organizationId) {
    return parties.find((party) => party.organizationId === user.organizationId);
  }
  return undefined;
}

/**
 * Who may propose: the secretariat, a focal point of the offer's organization, or a focal
 * point of a country whose need is listed. Returns the proposer's own side, which starts
 * ACCEPTED (none for the secretariat).
 */
export function assertMayPropose(user: User, sides: readonly Side[]): Side | undefined {
  if (user.role === Role.SECRETARIAT) return undefined;
  const side = sideOf(user, sides);
  if (side) return side;
  throw new ForbiddenError(msg('twinnings.onlyProposers'));
}

/** Each party answers for its own side only; the secretariat confirms instead. */
export function assertMayRespond<T extends Side>(user: User, parties: readonly T[]): T {
  const side = sideOf(user, parties);
  if (side) return side;
  throw new ForbiddenError(msg('twinnings.onlyPartiesRespond'));
}

export function assertMayConfirm(user: User): void {
  if (user.role !== Role.SECRETARIAT) {
    throw new ForbiddenError(msg('twinnings.onlySecretariatConfirms'));
  }
}

/** The secretariat, or a focal point of the offering organization. */
export function assertMayComplete(user: User, offerOrganizationId: string): void {
  if (user.role === Role.SECRETARIAT) return;
  if (user.role === Role.MEMBER_FOCAL_POINT && user.organizationId === offerOrganizationId) return;
  throw new ForbiddenError(msg('twinnings.onlyCompleters'));
}

/**
 * The secretariat or any party: cancelling a twinning, and recording and completing its
 * follow-up activities. `action` completes "Only the secretariat or a party to the twinning
 * may …", e.g. msg('twinnings.cancelIt').
 */
export function assertIsSecretariatOrParty(
  user: User,
  parties: readonly Side[],
  action: Message,
): void {
  if (user.role === Role.SECRETARIAT || sideOf(user, parties)) return;
  throw new ForbiddenError(msg('twinnings.onlySecretariatOrParty', { action }));
}

/**
 * Whose live feed (`twinningChanged`) a twinning's changes go to: those it concerns, its
 * parties' focal points, and those who oversee every twinning, the secretariat and the
 * observers. Any signed-in user may still read any twinning; a focal point is not told of
 * the changes of twinnings its country or organization has no part in.
 */
export function followsTwinning(user: User, parties: readonly Side[]): boolean {
  if (user.role === Role.SECRETARIAT || user.role === Role.OBSERVER) return true;
  return sideOf(user, parties) !== undefined;
}
