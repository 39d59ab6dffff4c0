import type { User } from '../accounts/user.entity';
import { Role } from '../common/auth/role';
import { ForbiddenError } from '../common/errors/domain-errors';
import { msg } from '../i18n/catalogs';

/**
 * A commitment is part of a country's National Action Plan: its focal points and the
 * secretariat write it and record its indicators' values. Everyone signed in reads it (it
 * is the country's public plan; which of its needs a reader sees is need.policy.ts's call).
 */
export function assertMayManageCommitmentsOf(user: User, countryCode: string): void {
  if (user.role === Role.SECRETARIAT) return;
  if (user.role === Role.COUNTRY_FOCAL_POINT && user.countryCode === countryCode) return;
  throw new ForbiddenError(msg('commitments.mayNotManage', { countryCode }));
}
