import type { User } from '../accounts/user.entity';
import { Role } from '../common/auth/role';
import { ForbiddenError } from '../common/errors/domain-errors';
import { msg } from '../i18n/catalogs';

/** Needs belong to a country: its focal points and the secretariat manage them. */
export function assertMayManageNeedsOf(user: User, countryCode: string): void {
  if (user.role === Role.SECRETARIAT) return;
  if (user.role === Role.COUNTRY_FOCAL_POINT && user.countryCode === countryCode) return;
  throw new ForbiddenError(msg('needs.mayNotManage', { countryCode }));
}
