import { useEffect, useRef } from 'react';
import { useSubscription } from 'urql';
import { graphql } from '../../graphql';

const TWINNING_CHANGED = graphql(`
  subscription TwinningChanged {
    twinningChanged {
      id
      status
      updatedAt
    }
  }
`);

/**
 * Calls `onChange` with the id of each twinning the person may see when it changes
 * (`twinningChanged`: answered, confirmed, an activity recorded…), so a screen reads it again.
 */
export function useTwinningChanges(onChange: (id: string) => void): void {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  const [{ data }] = useSubscription({ query: TWINNING_CHANGED });
  const changed = data?.twinningChanged;
  useEffect(() => {
    if (changed) latest.current(changed.id);
  }, [changed]);
}
