import { useEffect, useRef } from 'react';
import { useClient } from 'urql';
import { graphql } from '../../graphql';

const NEED_POSTED = graphql(`
  subscription ListNeedPosted($workingGroupCode: String!) {
    needPosted(workingGroupCode: $workingGroupCode) {
      id
    }
  }
`);

const OFFER_POSTED = graphql(`
  subscription ListOfferPosted($workingGroupCode: String!) {
    offerPosted(workingGroupCode: $workingGroupCode) {
      id
    }
  }
`);

const TWINNING_CHANGED = graphql(`
  subscription ListTwinningChanged {
    twinningChanged {
      id
    }
  }
`);

/** Several changes arriving together (an import, a proposal of many needs) read the list once. */
const SETTLE_MS = 250;

/**
 * Reads a list's visible page again (its filters and page kept) when the service says a row
 * may have changed: `posted` needs or offers of `workingGroupCodes` (each working group is a
 * subscription of its own; the service sends only what the person may see), and, with
 * `twinnings`, every change of a twinning the person may see (a need or offer joins one, an
 * offer fills, an activity is recorded or completed…).
 *
 * Nothing is sent today when a need or offer is changed without moving working group, nor
 * when one is withdrawn: those rows show their new state at the next reading.
 */
export function useLiveList(
  {
    posted,
    workingGroupCodes = [],
    twinnings = false,
  }: { posted?: 'needs' | 'offers'; workingGroupCodes?: readonly string[]; twinnings?: boolean },
  reread: () => void,
): void {
  const client = useClient();
  const latest = useRef(reread);
  useEffect(() => {
    latest.current = reread;
  });
  const groups = posted ? [...new Set(workingGroupCodes)].sort().join(' ') : '';
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = (result: { data?: unknown }) => {
      if (!result.data) return;
      clearTimeout(timer);
      timer = setTimeout(() => latest.current(), SETTLE_MS);
    };
    const subscriptions = groups
      .split(' ')
      .filter(Boolean)
      .map((workingGroupCode) =>
        posted === 'offers'
          ? client.subscription(OFFER_POSTED, { workingGroupCode }).subscribe(soon)
          : client.subscription(NEED_POSTED, { workingGroupCode }).subscribe(soon),
      );
    if (twinnings) subscriptions.push(client.subscription(TWINNING_CHANGED, {}).subscribe(soon));
    return () => {
      clearTimeout(timer);
      for (const subscription of subscriptions) subscription.unsubscribe();
    };
  }, [client, posted, groups, twinnings]);
}
