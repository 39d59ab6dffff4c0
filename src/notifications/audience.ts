import { Brackets, EntityManager } from 'typeorm';
import { User } from '../accounts/user.entity';
import { Role } from '../common/auth/role';

/** A side of a twinning, or anything a country or an organization speaks for. */
export interface Side {
  countryCode: string | null;
  organizationId: string | null;
}

/**
 * The active focal points who speak for `sides`: a country's COUNTRY_FOCAL_POINTs, an
 * organization's MEMBER_FOCAL_POINTs.
 */
export async function focalPointsOf(
  manager: EntityManager,
  sides: readonly Side[],
): Promise<User[]> {
  const countryCodes = [...new Set(sides.flatMap((side) => side.countryCode ?? []))];
  const organizationIds = [...new Set(sides.flatMap((side) => side.organizationId ?? []))];
  if (countryCodes.length === 0 && organizationIds.length === 0) return [];
  return manager
    .createQueryBuilder(User, 'user')
    .where('user.active = :active', { active: true })
    .andWhere(
      new Brackets((either) => {
        if (countryCodes.length > 0) {
          either.orWhere('(user.role = :country AND user.countryCode IN (:...countryCodes))', {
            country: Role.COUNTRY_FOCAL_POINT,
            countryCodes,
          });
        }
        if (organizationIds.length > 0) {
          either.orWhere('(user.role = :member AND user.organizationId IN (:...organizationIds))', {
            member: Role.MEMBER_FOCAL_POINT,
            organizationIds,
          });
        }
      }),
    )
    .orderBy('user.email', 'ASC')
    .getMany();
}

/** The active secretariat accounts. */
export function secretariatOf(manager: EntityManager): Promise<User[]> {
  return manager.find(User, {
    where: { role: Role.SECRETARIAT, active: true },
    order: { email: 'ASC' },
  });
}
