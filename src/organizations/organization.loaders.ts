import DataLoader from 'dataloader';
import { byKey, RequestLoaders } from '../common/loaders/request-loaders';
import { Organization } from './organization.entity';
import { OrganizationsService } from './organizations.service';

export function organizationLoader(
  loaders: RequestLoaders,
  organizations: OrganizationsService,
): DataLoader<string, Organization | null> {
  return loaders.get('organizationById', async (ids: readonly string[]) =>
    byKey(ids, await organizations.byIds(ids), (organization) => organization.id),
  );
}
