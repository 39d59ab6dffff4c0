import type { SelectQueryBuilder } from 'typeorm';
import type { User } from '../accounts/user.entity';
import { Visibility } from './need-enums';
import { restrictedReachOf } from './need.policy';

/**
 * Narrows a query of needs (aliased `alias`) to those `reader` may read: need.policy.ts's
 * rule (restrictedReachOf, maySeeNeed) in SQL. A PLATFORM need; a RESTRICTED one of the
 * reader's country, or of a twinning one of whose parties is the reader's country or
 * organization; everything for the secretariat.
 */
export function restrictNeedsToReadable<T extends object>(
  query: SelectQueryBuilder<T>,
  reader: User,
  alias = 'need',
): SelectQueryBuilder<T> {
  const reach = restrictedReachOf(reader);
  if (reach.everything) return query;
  const readable = [`${alias}.visibility = :readablePlatform`];
  if (reach.countryCode) readable.push(`${alias}.countryCode = :readerCountry`);
  const sides = [
    ...(reach.countryCode ? ['"party"."countryCode" = :readerCountry'] : []),
    ...(reach.organizationId ? ['"party"."organizationId" = :readerOrganization'] : []),
  ];
  if (sides.length > 0) {
    readable.push(
      `EXISTS (SELECT 1 FROM "twinning_needs" "link" INNER JOIN "twinning_parties" "party" ON "party"."twinningId" = "link"."twinningId" WHERE "link"."needId" = ${alias}.id AND (${sides.join(' OR ')}))`,
    );
  }
  return query.andWhere(`(${readable.join(' OR ')})`, {
    readablePlatform: Visibility.PLATFORM,
    readerCountry: reach.countryCode,
    readerOrganization: reach.organizationId,
  });
}
