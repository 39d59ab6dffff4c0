import DataLoader from 'dataloader';
import { byKey, RequestLoaders } from '../common/loaders/request-loaders';
import { Offer } from './offer.entity';
import { OffersService } from './offers.service';

export function offerLoader(
  loaders: RequestLoaders,
  offers: OffersService,
): DataLoader<string, Offer | null> {
  return loaders.get('offerById', async (ids: readonly string[]) =>
    byKey(ids, await offers.byIds(ids), (offer) => offer.id),
  );
}
