/**
 * TRACK_RECORD: how the countries rated the offering organization's past twinnings.
 *
 * Whose ratings count: in each follow-up of a completed twinning, the answers of the
 * country parties (the beneficiaries), about the twinning of the organization whose offer
 * it was. The organization's own answer rates its own work and does not count. Each
 * twinning counts once, as the mean of its countries' ratings (a twinning with three
 * countries weighs no more than one with one), and the organization's record is the mean
 * of those over its rated twinnings.
 *
 * The factor's value maps that average from the 1–5 scale onto [0, 1]: (average − 1) / 4,
 * so 1 gives 0, 3 gives 0.5 and 5 gives 1. Without rated twinnings it is neutral: 0.5,
 * as a middling record.
 */

/** One country's rating of one twinning of an organization. */
export interface OrganizationRating {
  organizationId: string;
  twinningId: string;
  /** 1..5 */
  rating: number;
}

export interface TrackRecord {
  /** The mean over rated twinnings of each twinning's mean rating, in [1, 5]. */
  average: number;
  /** How many of the organization's twinnings were rated by a country. */
  ratedTwinnings: number;
}

/** The factor's value for an organization without rated twinnings. */
export const NEUTRAL_TRACK_RECORD = 0.5;

/** The factor's value in [0, 1] (see above). */
export function trackRecordValue(record: TrackRecord | undefined): number {
  if (!record || record.ratedTwinnings === 0) return NEUTRAL_TRACK_RECORD;
  return Math.min(1, Math.max(0, (record.average - 1) / 4));
}

/** Each organization's track record from its ratings (organizations without any are absent). */
export function trackRecords(ratings: readonly OrganizationRating[]): Map<string, TrackRecord> {
  const byTwinning = new Map<string, { organizationId: string; sum: number; count: number }>();
  for (const { organizationId, twinningId, rating } of ratings) {
    const twinning = byTwinning.get(twinningId) ?? { organizationId, sum: 0, count: 0 };
    twinning.sum += rating;
    twinning.count += 1;
    byTwinning.set(twinningId, twinning);
  }
  const byOrganization = new Map<string, { sum: number; count: number }>();
  for (const { organizationId, sum, count } of byTwinning.values()) {
    const organization = byOrganization.get(organizationId) ?? { sum: 0, count: 0 };
    organization.sum += sum / count;
    organization.count += 1;
    byOrganization.set(organizationId, organization);
  }
  return new Map(
    [...byOrganization].map(([organizationId, { sum, count }]) => [
      organizationId,
      { average: sum / count, ratedTwinnings: count },
    ]),
  );
}
