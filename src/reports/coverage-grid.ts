import type { CommitmentCounts } from '../commitments/commitments.service';
import type { NeedCounts } from '../needs/needs.service';
import type { Country } from '../reference/country.entity';
import type { WorkingGroup } from '../reference/working-group.entity';
import { CoverageCell } from './dto/coverage-cell';

/**
 * One cell per country × working group, by country code then working group code; a pair
 * without needs is a cell of zeros, and counts for pairs outside the grid are ignored.
 */
export function coverageGrid(
  countries: readonly Country[],
  workingGroups: readonly WorkingGroup[],
  counts: readonly NeedCounts[],
  plans: readonly CommitmentCounts[] = [],
): CoverageCell[] {
  const pairOf = (count: { countryCode: string; workingGroupCode: string }) =>
    `${count.countryCode}|${count.workingGroupCode}`;
  const byPair = new Map(counts.map((count) => [pairOf(count), count]));
  const planByPair = new Map(plans.map((plan) => [pairOf(plan), plan]));
  const byCode = <T extends { code: string }>(items: readonly T[]) =>
    [...items].sort((a, b) => a.code.localeCompare(b.code));
  return byCode(countries).flatMap((country) =>
    byCode(workingGroups).map((workingGroup) => {
      const pair = pairOf({ countryCode: country.code, workingGroupCode: workingGroup.code });
      const count = byPair.get(pair);
      const plan = planByPair.get(pair);
      return {
        country,
        workingGroup,
        needs: count?.needs ?? 0,
        open: count?.open ?? 0,
        inTwinning: count?.inTwinning ?? 0,
        fulfilled: count?.fulfilled ?? 0,
        commitments: plan?.commitments ?? 0,
        indicatorsOnTrack: plan?.indicatorsOnTrack ?? 0,
      };
    }),
  );
}
