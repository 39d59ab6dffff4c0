import DataLoader from 'dataloader';
import { byKey, RequestLoaders } from '../common/loaders/request-loaders';
import { TwinningArrangement } from './twinning.entity';
import { TwinningsService } from './twinnings.service';

export function twinningLoader(
  loaders: RequestLoaders,
  twinnings: TwinningsService,
): DataLoader<string, TwinningArrangement | null> {
  return loaders.get('twinningById', async (ids: readonly string[]) =>
    byKey(ids, await twinnings.byIds(ids), (twinning) => twinning.id),
  );
}
