import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ChunkView } from '../../chunks';
import { DataState } from '../../components/data-state';
import { AnnualReportDownload, ExportLinks } from '../../components/export-links';
import { useFormat } from '../../components/format';
import { overviewCharts } from '../../screens';
import { AttentionList } from '../home/attention';
import { useTwinningChanges } from '../home/proposals';
import { useMe } from '../../session';
import { CoverageMap } from './coverage-map';
import { COVERAGE, FIGURES } from './queries';
import { ToConfirm } from './to-confirm';
import { Figures, ofTheYear } from './figures';
import { lastQuarters } from './quarters';
import { Troika } from './troika';

/**
 * The secretariat's overview (observers read it too): the coverage map, the year's figures
 * and their charts, the twinnings the parties accepted that wait for confirmation, and the
 * attention list. A change to any twinning reads them again.
 */
export default function Overview() {
  const { t } = useTranslation();
  const me = useMe();
  const quarters = useMemo(() => lastQuarters(new Date()), []);
  const [coverage, reloadCoverage] = useQuery({ query: COVERAGE });
  const [figures, reloadFigures] = useQuery({
    query: FIGURES,
    variables: {
      q1From: quarters[0].from,
      q1To: quarters[0].to,
      q2From: quarters[1].from,
      q2To: quarters[1].to,
      q3From: quarters[2].from,
      q3To: quarters[2].to,
      q4From: quarters[3].from,
      q4To: quarters[3].to,
    },
  });

  const reload = useCallback(() => {
    reloadCoverage({ requestPolicy: 'network-only' });
    reloadFigures({ requestPolicy: 'network-only' });
  }, [reloadCoverage, reloadFigures]);

  // Many changes in a burst read the figures once.
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const changes = useTwinningChanges();
  useEffect(() => {
    if (changes === 0) return;
    clearTimeout(pending.current);
    pending.current = setTimeout(reload, 300);
  }, [changes, reload]);
  useEffect(() => () => clearTimeout(pending.current), []);

  const cells = coverage.data?.coverageReport ?? [];
  return (
    <>
      <h1>{t('nav.overview')}</h1>

      <section aria-labelledby="coverage-title">
        <h2 id="coverage-title">{t('secretariat.overview.coverageTitle')}</h2>
        <p className="muted">{t('secretariat.overview.coverageIntro')}</p>
        <ExportLinks list="coverage" filters={{}} label={t('exports.coverageLabel')} />
        <DataState
          fetching={coverage.fetching}
          error={coverage.error}
          empty={cells.length === 0}
          retry={() => reloadCoverage({ requestPolicy: 'network-only' })}
        >
          <CoverageMap cells={cells} />
        </DataState>
      </section>

      <Troika />

      {me.role === 'SECRETARIAT' && <ToConfirm onConfirmed={reload} />}

      {me.role === 'SECRETARIAT' && <AttentionList changes={changes} first={20} />}

      <section aria-labelledby="figures-title">
        <h2 id="figures-title">{t('secretariat.overview.figuresTitle')}</h2>
        <DataState
          fetching={figures.fetching}
          error={figures.error}
          empty={!figures.data}
          retry={() => reloadFigures({ requestPolicy: 'network-only' })}
        >
          {figures.data && <YearFigures figures={figures.data} />}
          {figures.data && (
            <ChunkView of={overviewCharts} props={{ figures: figures.data, quarters }} />
          )}
        </DataState>
      </section>

      <AnnualReportDownload />
    </>
  );
}

/** The year's headline figures, as the chair's annual report gives them. */
function YearFigures({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const format = useFormat();
  const year = ofTheYear(figures);
  const items = [
    ['needsPosted', year.needsPosted],
    ['twinningsConfirmed', year.twinningsConfirmed],
    ['twinningsCompleted', year.twinningsCompleted],
    ['activitiesDone', year.activitiesDone],
    ['participants', year.participants],
    ['countries', year.countries],
    ['members', year.members],
  ] as const;
  return (
    <>
      <h3>{t('secretariat.figures.yearTitle', { year: new Date().getUTCFullYear() })}</h3>
      <dl className="sec-figures">
        {items.map(([key, value]) => (
          <div key={key}>
            <dt>{t(`secretariat.figures.year.${key}`)}</dt>
            <dd>{format.number(value)}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
