import type { Country } from '../reference/country.entity';
import type { WorkingGroup } from '../reference/working-group.entity';
import { coverageGrid } from './coverage-grid';

const country = (code: string) => ({ code }) as Country;
const group = (code: string) => ({ code }) as WorkingGroup;

describe('coverageGrid', () => {
  it('has one cell per country and working group, by codes, with zeros where nothing is counted', () => {
    const cells = coverageGrid(
      [country('HN'), country('BZ')],
      [group('HEALTH'), group('ASYLUM_SYSTEMS')],
      [
        {
          countryCode: 'HN',
          workingGroupCode: 'HEALTH',
          needs: 3,
          open: 1,
          inTwinning: 1,
          fulfilled: 1,
        },
        // Outside the grid: ignored.
        {
          countryCode: 'CA',
          workingGroupCode: 'HEALTH',
          needs: 9,
          open: 9,
          inTwinning: 0,
          fulfilled: 0,
        },
      ],
      [{ countryCode: 'HN', workingGroupCode: 'HEALTH', commitments: 2, indicatorsOnTrack: 3 }],
    );
    expect(
      cells.map((cell) => [
        cell.country.code,
        cell.workingGroup.code,
        cell.needs,
        cell.open,
        cell.inTwinning,
        cell.fulfilled,
        cell.commitments,
        cell.indicatorsOnTrack,
      ]),
    ).toEqual([
      ['BZ', 'ASYLUM_SYSTEMS', 0, 0, 0, 0, 0, 0],
      ['BZ', 'HEALTH', 0, 0, 0, 0, 0, 0],
      ['HN', 'ASYLUM_SYSTEMS', 0, 0, 0, 0, 0, 0],
      ['HN', 'HEALTH', 3, 1, 1, 1, 2, 3],
    ]);
  });
});
