import type { User } from '../accounts/user.entity';
import { Role } from '../common/auth/role';
import { ForbiddenError } from '../common/errors/domain-errors';
import { msg } from '../i18n/catalogs';
import { Visibility } from './need-enums';

/** Needs belong to a country: its focal points and the secretariat manage them. */
export function assertMayManageNeedsOf(user: User, countryCode: string): void {
  if (user.role === Role.SECRETARIAT) return;
  if (user.role === Role.COUNTRY_FOCAL_POINT && user.countryCode === countryCode) return;
  throw new ForbiddenError(msg('needs.mayNotManage', { countryCode }));
}

/** A side of a twinning, as the rules below read it: a country or an organization. */
export interface PartySide {
  countryCode: string | null;
  organizationId: string | null;
}

/**
 * Which RESTRICTED needs a user reads (every PLATFORM need is read by every signed-in
 * user): `everything` for the secretariat; else those of `countryCode` (a country's focal
 * points) and those of twinnings whose parties include the user's country or organization.
 * Observers read none: API.md names who reads a restricted need, and they are not among them.
 */
export interface RestrictedReach {
  everything: boolean;
  countryCode: string | null;
  organizationId: string | null;
}

/**
 * THE visibility rule of needs. A RESTRICTED need is seen only by the secretariat, its own
 * country's focal points and the focal points of the parties (countries and the offering
 * organization) of any twinning that includes it, whatever became of that twinning.
 *
 * Every read path applies it, through NeedsService (`restrictToReadable` in SQL, the same
 * rule; `get`, `list`, `readableIds`): the needs list and search, `need(id)` (NOT_FOUND,
 * as for a missing need), commitments' needs, the live `needPosted`, proposals (a need the
 * proposer may not read is unknown to it). From it follow:
 * - twinnings (`twinningReadableBy`): a twinning that includes a restricted need is read by
 *   those who read all its needs, its parties and the secretariat, and so are its
 *   activities, in lists, `twinning(id)`, `activity(id)`, `twinningChanged`, the calendar;
 * - suggestions and the plan (`maySuggestNeedTo`), the NEW_MATCHES digest;
 * - reports count restricted needs and never name them (platformSummary names the parties
 *   of twinnings the reader may read; the annual report's tables list only those);
 * - exports page through the lists' own services (needs, twinnings, activities, pledges),
 *   so a file holds what the list shows its reader;
 * - pledges name only the needs and twinning the reader may read; comment threads, and
 *   mentions in them, follow their subject's rule; an event's twinnings and agenda
 *   meetings are those the reader may read.
 * The audit trail is the secretariat's alone (it reads everything) and holds only ids.
 */
export function restrictedReachOf(user: User): RestrictedReach {
  if (user.role === Role.SECRETARIAT) {
    return { everything: true, countryCode: null, organizationId: null };
  }
  return {
    everything: false,
    countryCode: user.role === Role.COUNTRY_FOCAL_POINT ? user.countryCode : null,
    organizationId: user.role === Role.MEMBER_FOCAL_POINT ? user.organizationId : null,
  };
}

/** Whether the user's country or organization is one of these sides. */
function speaksForOneOf(reach: RestrictedReach, sides: readonly PartySide[]): boolean {
  return sides.some(
    (side) =>
      (reach.countryCode !== null && side.countryCode === reach.countryCode) ||
      (reach.organizationId !== null && side.organizationId === reach.organizationId),
  );
}

/**
 * The rule for one need in memory: `partiesOfItsTwinnings` are the parties of every
 * twinning that includes it (read only for a RESTRICTED need).
 */
export function maySeeNeed(
  user: User,
  need: { countryCode: string; visibility: Visibility },
  partiesOfItsTwinnings: readonly PartySide[],
): boolean {
  if (need.visibility === Visibility.PLATFORM) return true;
  const reach = restrictedReachOf(user);
  if (reach.everything || reach.countryCode === need.countryCode) return true;
  return speaksForOneOf(reach, partiesOfItsTwinnings);
}

/**
 * A twinning that includes a RESTRICTED need is read by those who may read all its needs:
 * the secretariat and its parties (the country of each of its needs is a party, and a
 * party reads every need of the twinnings it is in). Any other twinning, by everyone.
 */
export function twinningReadableBy(
  user: User,
  twinning: { includesRestrictedNeed: boolean },
  parties: readonly PartySide[],
): boolean {
  if (!twinning.includesRestrictedNeed) return true;
  const reach = restrictedReachOf(user);
  return reach.everything || speaksForOneOf(reach, parties);
}

/**
 * Suggestions and the matching plan: a RESTRICTED need is never suggested to members (nor
 * planned for them or observers); the secretariat and its own country's focal points see
 * it there.
 */
export function maySuggestNeedTo(
  user: User,
  need: { countryCode: string; visibility: Visibility },
): boolean {
  if (need.visibility === Visibility.PLATFORM) return true;
  const reach = restrictedReachOf(user);
  return reach.everything || reach.countryCode === need.countryCode;
}
