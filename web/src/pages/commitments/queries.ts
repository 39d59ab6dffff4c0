import { graphql, ResultOf } from '../../graphql';
import type { Me } from '../../session';

/** What the list shows of each commitment. */
export const COMMITMENTS = graphql(`
  query CommitmentsList($countryCode: String, $workingGroupCode: String) {
    commitments(countryCode: $countryCode, workingGroupCode: $workingGroupCode) {
      id
      code
      title
      country {
        code
        name
      }
      workingGroup {
        code
        name
      }
      indicators {
        id
        baseline
        target
        targetDate
        current
        onTrack
      }
      needs {
        id
      }
    }
  }
`);

/**
 * Which country a commitment is of: the API reads commitments by country and working group
 * only (there is no `commitment(id)`), so a page finds its country first.
 */
export const COMMITMENT_COUNTRIES = graphql(`
  query CommitmentCountries {
    commitments {
      id
      country {
        code
      }
    }
  }
`);

/** A country's commitments in full: the page picks its own. */
export const COMMITMENT_DETAIL = graphql(`
  query CommitmentDetail($countryCode: String!) {
    commitments(countryCode: $countryCode) {
      id
      code
      title
      country {
        code
        name
      }
      workingGroup {
        code
        name
      }
      indicators {
        id
        name
        unit
        baseline
        target
        targetDate
        current
        onTrack
        measuredAt
        values {
          at
          recordedAt
          value
          source
        }
      }
      needs {
        id
        title
        status
        visibility
      }
    }
  }
`);

export type CommitmentDetail = ResultOf<typeof COMMITMENT_DETAIL>['commitments'][number];

/** Who writes a country's commitments and records their values: its focal points, the secretariat. */
export function mayManageCommitments(me: Me, countryCode: string) {
  return (
    me.role === 'SECRETARIAT' ||
    (me.role === 'COUNTRY_FOCAL_POINT' && me.country?.code === countryCode)
  );
}

/** Whoever may write some commitment: the secretariat and countries' focal points. */
export const mayWriteCommitments = (role: string) =>
  role === 'SECRETARIAT' || role === 'COUNTRY_FOCAL_POINT';
