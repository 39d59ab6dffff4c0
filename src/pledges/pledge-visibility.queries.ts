import type { SelectQueryBuilder } from 'typeorm';
import type { User } from '../accounts/user.entity';
import { pledgeReachOf } from './pledge.policy';

/**
 * Narrows a query of pledges (aliased `alias`) to those `reader` may read: pledge.policy.ts's
 * rule (pledgeReachOf, maySeePledge) in SQL.
 */
export function restrictPledgesToReadable<T extends object>(
  query: SelectQueryBuilder<T>,
  reader: User,
  alias = 'pledge',
): SelectQueryBuilder<T> {
  const reach = pledgeReachOf(reader);
  if (reach.everything) return query;
  const readable: string[] = [];
  if (reach.organizationId) readable.push(`${alias}.organizationId = :readerOrganization`);
  if (reach.countryCode) readable.push(`${alias}.countryCode = :readerCountry`);
  if (readable.length === 0) return query.andWhere('1 = 0');
  return query.andWhere(`(${readable.join(' OR ')})`, {
    readerOrganization: reach.organizationId,
    readerCountry: reach.countryCode,
  });
}
