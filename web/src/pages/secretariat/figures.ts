import { readFragment, ResultOf } from '../../graphql';
import type { Quarter } from './quarters';
import { FIGURES, SUMMARY_FIELDS } from './queries';

export type Figures = ResultOf<typeof FIGURES>;

export const TWINNING_STATUSES = [
  'proposed',
  'accepted',
  'confirmed',
  'completed',
  'declined',
  'cancelled',
] as const;

/** Twinnings by status, in the order of their life. */
export function byStatus(figures: Figures) {
  return TWINNING_STATUSES.map((key) => ({
    status: key.toUpperCase(),
    count: figures[key].totalCount,
  }));
}

/** The figures of each of the four quarters, oldest first. */
export function byQuarter(figures: Figures, quarters: Quarter[]) {
  return [figures.q1, figures.q2, figures.q3, figures.q4].map((summary, index) => {
    const read = readFragment(SUMMARY_FIELDS, summary);
    return {
      quarter: quarters[index],
      activitiesDone: read.activitiesDone,
      needsPosted: read.needsPosted,
      women: read.participants.women,
      men: read.participants.men,
      other: read.participants.other,
      total: read.participants.total,
    };
  });
}

/** The year's headline figures (1 January until now). */
export function ofTheYear(figures: Figures) {
  const year = readFragment(SUMMARY_FIELDS, figures.year);
  return {
    needsPosted: year.needsPosted,
    twinningsConfirmed: year.twinningsConfirmed,
    twinningsCompleted: year.twinningsCompleted,
    activitiesDone: year.activitiesDone,
    participants: year.participants.total,
    countries: figures.year.countriesInvolved.length,
    members: figures.year.membersInvolved.length,
  };
}
