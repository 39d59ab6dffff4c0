import DataLoader from 'dataloader';
import { byKey, RequestLoaders } from '../common/loaders/request-loaders';
import { Comment } from './comment.entity';
import { DialogueService } from './dialogue.service';

export function commentLoader(
  loaders: RequestLoaders,
  dialogue: DialogueService,
): DataLoader<string, Comment | null> {
  return loaders.get('commentById', async (ids: readonly string[]) =>
    byKey(ids, await dialogue.byIds(ids), (comment) => comment.id),
  );
}
