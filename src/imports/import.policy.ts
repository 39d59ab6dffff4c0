import type { User } from '../accounts/user.entity';
import { Role } from '../common/auth/role';
import { ForbiddenError } from '../common/errors/domain-errors';
import { msg } from '../i18n/catalogs';
import { ImportKind } from './import-enums';

/**
 * Who may import what: the secretariat anything; a country's focal points needs (each row
 * then only of their country, by the needs' own policy), a member's focal points offers
 * (only of their organization, by the offers' policy).
 */
export function assertMayImport(user: User, kind: ImportKind): void {
  if (user.role === Role.SECRETARIAT) return;
  if (kind === ImportKind.NEEDS && user.role === Role.COUNTRY_FOCAL_POINT) return;
  if (kind === ImportKind.OFFERS && user.role === Role.MEMBER_FOCAL_POINT) return;
  throw new ForbiddenError(msg('imports.mayNotImport'));
}

/** A job is read by whoever started it and by the secretariat; to anyone else it does not exist. */
export function mayReadImportJob(user: User, job: { ownerId: string }): boolean {
  return user.role === Role.SECRETARIAT || job.ownerId === user.id;
}
