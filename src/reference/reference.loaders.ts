import DataLoader from 'dataloader';
import { byKey, RequestLoaders } from '../common/loaders/request-loaders';
import { Country } from './country.entity';
import { ReferenceService } from './reference.service';
import { WorkingGroup } from './working-group.entity';

export function countryLoader(
  loaders: RequestLoaders,
  reference: ReferenceService,
): DataLoader<string, Country | null> {
  return loaders.get('countryByCode', async (codes: readonly string[]) =>
    byKey(codes, await reference.countriesByCodes(codes), (country) => country.code),
  );
}

export function workingGroupLoader(
  loaders: RequestLoaders,
  reference: ReferenceService,
): DataLoader<string, WorkingGroup | null> {
  return loaders.get('workingGroupByCode', async (codes: readonly string[]) =>
    byKey(codes, await reference.workingGroupsByCodes(codes), (group) => group.code),
  );
}
