import DataLoader from 'dataloader';
import { byKey, RequestLoaders } from '../common/loaders/request-loaders';
import { Need } from './need.entity';
import { NeedsService } from './needs.service';

export function needLoader(
  loaders: RequestLoaders,
  needs: NeedsService,
): DataLoader<string, Need | null> {
  return loaders.get('needById', async (ids: readonly string[]) =>
    byKey(ids, await needs.byIds(ids), (need) => need.id),
  );
}
