import type { SelectQueryBuilder } from 'typeorm';
import type { User } from '../accounts/user.entity';
import { Visibility } from '../needs/need-enums';
import { restrictedReachOf } from '../needs/need.policy';

/**
 * Narrows a query to the twinnings `reader` may read, `twinningId` being the SQL of the
 * twinning's id in it (`"twinning"."id"`, `"activity"."twinningId"`): need.policy.ts's
 * twinningReadableBy, in SQL. A twinning that includes a RESTRICTED need: its parties and
 * the secretariat; any other, everyone.
 */
export function restrictTwinningsToReadable<T extends object>(
  query: SelectQueryBuilder<T>,
  reader: User,
  twinningId: string,
): SelectQueryBuilder<T> {
  const reach = restrictedReachOf(reader);
  if (reach.everything) return query;
  const readable = [
    `NOT EXISTS (SELECT 1 FROM "twinning_needs" "restrictedLink" INNER JOIN "needs" "restrictedNeed" ON "restrictedNeed"."id" = "restrictedLink"."needId" WHERE "restrictedLink"."twinningId" = ${twinningId} AND "restrictedNeed"."visibility" = :restrictedVisibility)`,
  ];
  const sides = [
    ...(reach.countryCode ? ['"readerParty"."countryCode" = :readerCountry'] : []),
    ...(reach.organizationId ? ['"readerParty"."organizationId" = :readerOrganization'] : []),
  ];
  if (sides.length > 0) {
    readable.push(
      `EXISTS (SELECT 1 FROM "twinning_parties" "readerParty" WHERE "readerParty"."twinningId" = ${twinningId} AND (${sides.join(' OR ')}))`,
    );
  }
  return query.andWhere(`(${readable.join(' OR ')})`, {
    restrictedVisibility: Visibility.RESTRICTED,
    readerCountry: reach.countryCode,
    readerOrganization: reach.organizationId,
  });
}
