import { graphql } from '../../graphql';

export const COVERAGE = graphql(`
  query CoverageReport {
    coverageReport {
      country {
        code
        name
      }
      workingGroup {
        code
        name
      }
      needs
      open
      inTwinning
      fulfilled
    }
  }
`);

export const SUMMARY_FIELDS = graphql(`
  fragment SummaryFigures on PlatformSummary {
    from
    to
    needsPosted
    twinningsConfirmed
    twinningsCompleted
    activitiesDone
    participants {
      women
      men
      other
      total
    }
  }
`);

export const FIGURES = graphql(
  `
    query OverviewFigures(
      $q1From: DateTime!
      $q1To: DateTime!
      $q2From: DateTime!
      $q2To: DateTime!
      $q3From: DateTime!
      $q3To: DateTime!
      $q4From: DateTime!
      $q4To: DateTime!
    ) {
      proposed: twinnings(filter: { status: PROPOSED }, first: 1) {
        totalCount
      }
      accepted: twinnings(filter: { status: ACCEPTED }, first: 1) {
        totalCount
      }
      confirmed: twinnings(filter: { status: CONFIRMED }, first: 1) {
        totalCount
      }
      completed: twinnings(filter: { status: COMPLETED }, first: 1) {
        totalCount
      }
      declined: twinnings(filter: { status: DECLINED }, first: 1) {
        totalCount
      }
      cancelled: twinnings(filter: { status: CANCELLED }, first: 1) {
        totalCount
      }
      year: platformSummary {
        ...SummaryFigures
        countriesInvolved {
          code
        }
        membersInvolved {
          id
        }
      }
      q1: platformSummary(from: $q1From, to: $q1To) {
        ...SummaryFigures
      }
      q2: platformSummary(from: $q2From, to: $q2To) {
        ...SummaryFigures
      }
      q3: platformSummary(from: $q3From, to: $q3To) {
        ...SummaryFigures
      }
      q4: platformSummary(from: $q4From, to: $q4To) {
        ...SummaryFigures
      }
    }
  `,
  [SUMMARY_FIELDS],
);
