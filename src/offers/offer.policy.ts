import type { User } from '../accounts/user.entity';
import { Role } from '../common/auth/role';
import { ForbiddenError } from '../common/errors/domain-errors';
import { msg } from '../i18n/catalogs';

/** Offers belong to an organization: its member focal points and the secretariat manage them. */
export function assertMayManageOffersOf(user: User, organizationId: string): void {
  if (user.role === Role.SECRETARIAT) return;
  if (user.role === Role.MEMBER_FOCAL_POINT && user.organizationId === organizationId) return;
  throw new ForbiddenError(msg('offers.mayNotManage'));
}
