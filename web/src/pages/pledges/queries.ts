import { graphql, ResultOf } from '../../graphql';

/** A page of pledges, newest first, with what each row shows and may do. */
export const PLEDGES = graphql(`
  query PledgesList(
    $organizationId: ID
    $countryCode: String
    $status: PledgeStatus
    $first: Int
    $after: String
  ) {
    pledges(
      organizationId: $organizationId
      countryCode: $countryCode
      status: $status
      first: $first
      after: $after
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          amount
          currency
          amountUsd
          status
          nextStatuses
          pledgedAt
          note
          organization {
            id
            name
          }
          country {
            code
            name
          }
        }
      }
    }
  }
`);

export type PledgeRow = ResultOf<typeof PLEDGES>['pledges']['edges'][number]['node'];

/** This year's totals by member (platformSummary's default period). */
export const PLEDGE_TOTALS = graphql(`
  query PledgeTotals {
    platformSummary {
      from
      pledges
      pledgedUsd
      disbursedUsd
      pledgesWithoutRate
      pledgesByMember {
        organization {
          id
          name
        }
        pledges
        pledgedUsd
        disbursedUsd
      }
    }
  }
`);

export const SET_PLEDGE_STATUS = graphql(`
  mutation SetPledgeStatus($id: ID!, $status: PledgeStatus!) {
    setPledgeStatus(id: $id, status: $status) {
      id
      status
      nextStatuses
    }
  }
`);

export const CREATE_PLEDGE = graphql(`
  mutation CreatePledgeForm($input: CreatePledgeInput!) {
    createPledge(input: $input) {
      id
      organization {
        name
      }
    }
  }
`);

export const MEMBERS = graphql(`
  query PledgeMembers {
    organizations {
      id
      name
    }
  }
`);

export const EXCHANGE_RATES = graphql(`
  query ExchangeRates {
    exchangeRates {
      currency
      usdPerUnit
      asOf
      recordedAt
    }
  }
`);

export const SET_EXCHANGE_RATE = graphql(`
  mutation SetExchangeRateForm($currency: String!, $usdPerUnit: Float!, $asOf: DateTime!) {
    setExchangeRate(currency: $currency, usdPerUnit: $usdPerUnit, asOf: $asOf)
  }
`);

/** Who records pledges: the secretariat and members' focal points (each for their own). */
export const mayRecordPledges = (role: string) =>
  role === 'SECRETARIAT' || role === 'MEMBER_FOCAL_POINT';

/** A number as typed, with a comma or a point: undefined when it is not one, null when empty. */
export function decimalOf(text: string): number | null | undefined {
  const trimmed = text.trim().replace(/\s/g, '');
  if (trimmed === '') return null;
  const normal = trimmed.replace(',', '.');
  return /^\d+(\.\d+)?$/.test(normal) ? Number(normal) : undefined;
}
