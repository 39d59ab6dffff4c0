import DataLoader from 'dataloader';
import { byKey, RequestLoaders } from '../common/loaders/request-loaders';
import { AccountsService } from './accounts.service';
import { User } from './user.entity';

export function userLoader(
  loaders: RequestLoaders,
  accounts: AccountsService,
): DataLoader<string, User | null> {
  return loaders.get('userById', async (ids: readonly string[]) =>
    byKey(ids, await accounts.byIds(ids), (user) => user.id),
  );
}
