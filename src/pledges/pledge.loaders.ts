import DataLoader from 'dataloader';
import type { User } from '../accounts/user.entity';
import { byKey, RequestLoaders } from '../common/loaders/request-loaders';
import { Need } from '../needs/need.entity';
import { NeedsService } from '../needs/needs.service';
import { TwinningArrangement } from '../twinnings/twinning.entity';
import { TwinningsService } from '../twinnings/twinnings.service';
import { PledgesService } from './pledges.service';

/** US dollars per unit of a currency now (USD 1); null without a rate. */
export function usdPerUnitLoader(
  loaders: RequestLoaders,
  pledges: PledgesService,
): DataLoader<string, number | null> {
  return loaders.get('usdPerUnitByCurrency', async (currencies: readonly string[]) => {
    const rates = await pledges.usdPerUnitNow(currencies);
    return currencies.map((currency) => rates.get(currency) ?? null);
  });
}

/**
 * The needs of each pledge that `reader` (the request's one user) may read, oldest first:
 * a need the reader may not see stays out (need.policy.ts).
 */
export function pledgeNeedsLoader(
  loaders: RequestLoaders,
  pledges: PledgesService,
  needs: NeedsService,
  reader: User,
): DataLoader<string, Need[]> {
  return loaders.get('pledgeNeeds', async (pledgeIds: readonly string[]) => {
    const links = await pledges.needLinksOf(pledgeIds);
    const readable = await needs.readableIds(reader, [...new Set(links.map((l) => l.needId))]);
    const byId = new Map((await needs.byIds([...readable])).map((need) => [need.id, need]));
    const groups = new Map<string, Need[]>(pledgeIds.map((id) => [id, []]));
    for (const link of links) {
      const need = byId.get(link.needId);
      if (need) groups.get(link.pledgeId)?.push(need);
    }
    return pledgeIds.map((id) =>
      (groups.get(id) ?? []).sort(
        (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id),
      ),
    );
  });
}

/** A pledge's twinning if `reader` may read it (twinning-visibility.queries.ts), else null. */
export function readableTwinningLoader(
  loaders: RequestLoaders,
  twinnings: TwinningsService,
  reader: User,
): DataLoader<string, TwinningArrangement | null> {
  return loaders.get('pledgeTwinningReadable', async (ids: readonly string[]) => {
    const readable = await twinnings.readableIds(reader, ids);
    const rows = await twinnings.byIds([...readable]);
    return byKey(ids, rows, (twinning) => twinning.id);
  });
}
