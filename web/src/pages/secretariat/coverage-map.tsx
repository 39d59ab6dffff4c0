import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ResultOf } from '../../graphql';
import type { COVERAGE } from './queries';

type Cell = ResultOf<typeof COVERAGE>['coverageReport'][number];

/** The needs list of one MIRPS state in one working group (the needs screen reads these). */
export function needsLink(countryCode: string, workingGroupCode: string): string {
  const search = new URLSearchParams({
    country: countryCode,
    workingGroup: workingGroupCode,
    status: 'OPEN',
  });
  return `/needs?${search.toString()}`;
}

function Bar({ cell }: { cell: Cell }) {
  const share = (count: number) => `${(100 * count) / Math.max(cell.needs, 1)}%`;
  return (
    <span className="sec-bar" aria-hidden="true">
      <span className="sec-open" style={{ width: share(cell.open) }} />
      <span className="sec-twinning" style={{ width: share(cell.inTwinning) }} />
      <span className="sec-fulfilled" style={{ width: share(cell.fulfilled) }} />
    </span>
  );
}

/**
 * MIRPS states as rows, working groups as columns; each cell a stacked bar and its three
 * numbers (open, in twinning, fulfilled), in the legend's order and colours, and said in
 * words to screen readers. A cell with needs opens the needs list of that state and group.
 */
export function CoverageMap({ cells }: { cells: Cell[] }) {
  const { t } = useTranslation();
  const countries = [...new Map(cells.map((cell) => [cell.country.code, cell.country])).values()];
  const groups = [
    ...new Map(cells.map((cell) => [cell.workingGroup.code, cell.workingGroup])).values(),
  ];
  const byKey = new Map(
    cells.map((cell) => [`${cell.country.code}|${cell.workingGroup.code}`, cell]),
  );
  return (
    <>
      <ul className="sec-legend" aria-label={t('secretariat.overview.legend')}>
        <li>
          <span className="sec-swatch sec-open" aria-hidden="true" />
          {t('secretariat.overview.open')}
        </li>
        <li>
          <span className="sec-swatch sec-twinning" aria-hidden="true" />
          {t('secretariat.overview.inTwinning')}
        </li>
        <li>
          <span className="sec-swatch sec-fulfilled" aria-hidden="true" />
          {t('secretariat.overview.fulfilled')}
        </li>
      </ul>
      <div className="sec-scroll" role="region" aria-labelledby="coverage-caption" tabIndex={0}>
        <table className="coverage">
          <caption id="coverage-caption" className="sec-vh">
            {t('secretariat.overview.coverageCaption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('secretariat.overview.state')}</th>
              {groups.map((group) => (
                <th scope="col" key={group.code}>
                  {group.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {countries.map((country) => (
              <tr key={country.code}>
                <th scope="row">{country.name}</th>
                {groups.map((group) => {
                  const cell = byKey.get(`${country.code}|${group.code}`);
                  if (!cell || cell.needs === 0) {
                    return (
                      <td key={group.code}>
                        <span aria-hidden="true" className="muted">
                          —
                        </span>
                        <span className="sec-vh">{t('secretariat.overview.noNeeds')}</span>
                      </td>
                    );
                  }
                  return (
                    <td key={group.code}>
                      <Link className="sec-cell" to={needsLink(country.code, group.code)}>
                        <Bar cell={cell} />
                        <span className="sec-counts" aria-hidden="true">
                          <span className="sec-n-open">{cell.open}</span>·
                          <span className="sec-n-twinning">{cell.inTwinning}</span>·
                          <span className="sec-n-fulfilled">{cell.fulfilled}</span>
                        </span>
                        <span className="sec-vh">
                          {t('secretariat.overview.cell', {
                            country: country.name,
                            group: group.name,
                            open: cell.open,
                            inTwinning: cell.inTwinning,
                            fulfilled: cell.fulfilled,
                          })}
                        </span>
                      </Link>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
