import { ReactNode, startTransition, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import { useFormat } from '../../components/format';
import { byQuarter, byStatus, Figures } from './figures';
import type { Quarter } from './quarters';

const ACCENT = '#005ea2';
const GENDER_COLOURS = { women: '#005ea2', men: '#b35c00', other: '#565c65' };

/**
 * A chart's drawing, drawn once the page around it has been shown: the tables under the
 * charts hold the same figures and are readable at once, and drawing three charts (each measured
 * by its ResponsiveContainer first) is the slowest part of the overview, so it is done
 * as a transition React may interrupt, after the first paint.
 */
function Drawing({ children }: { children: ReactNode }) {
  const [drawn, setDrawn] = useState(false);
  useEffect(() => startTransition(() => setDrawn(true)), []);
  return (
    <div className="sec-chart" aria-hidden="true">
      {drawn && children}
    </div>
  );
}

/**
 * The figures as charts (Recharts, loaded only here). Each chart has a title and the same
 * figures in a table under it; the drawing itself is hidden from screen readers, and its
 * bars carry their numbers and a legend in words: no figure is told by colour alone.
 */
export default function Charts({ figures, quarters }: { figures: Figures; quarters: Quarter[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const statuses = byStatus(figures).map((row) => ({
    ...row,
    label: t(`twinningStatus.${row.status}`),
  }));
  const periods = byQuarter(figures, quarters).map((row) => ({
    ...row,
    label: t('secretariat.figures.quarter', {
      quarter: row.quarter.quarter,
      year: row.quarter.year,
    }),
  }));
  const genders = ['women', 'men', 'other'] as const;

  return (
    <div className="sec-charts">
      <figure className="card" aria-labelledby="chart-status-title">
        <figcaption id="chart-status-title">{t('secretariat.figures.byStatusTitle')}</figcaption>
        <Drawing>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart
              data={statuses}
              layout="vertical"
              margin={{ left: 8, right: 32 }}
              accessibilityLayer={false}
            >
              <CartesianGrid horizontal={false} stroke="#dfe1e2" />
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="label" width={150} />
              <Bar dataKey="count" fill={ACCENT} isAnimationActive={false}>
                <LabelList dataKey="count" position="right" />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </Drawing>
        <table className="sec-table">
          <thead>
            <tr>
              <th scope="col">{t('secretariat.figures.status')}</th>
              <th scope="col">{t('secretariat.figures.twinnings')}</th>
            </tr>
          </thead>
          <tbody>
            {statuses.map((row) => (
              <tr key={row.status}>
                <th scope="row">{row.label}</th>
                <td>{format.number(row.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figure>

      <figure className="card" aria-labelledby="chart-activities-title">
        <figcaption id="chart-activities-title">
          {t('secretariat.figures.activitiesTitle')}
        </figcaption>
        <Drawing>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={periods} margin={{ top: 20 }} accessibilityLayer={false}>
              <CartesianGrid vertical={false} stroke="#dfe1e2" />
              <XAxis dataKey="label" />
              <YAxis allowDecimals={false} width={40} />
              <Bar
                dataKey="activitiesDone"
                name={t('secretariat.figures.activitiesDone')}
                fill={ACCENT}
                isAnimationActive={false}
              >
                <LabelList dataKey="activitiesDone" position="top" />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </Drawing>
        <table className="sec-table">
          <thead>
            <tr>
              <th scope="col">{t('secretariat.figures.period')}</th>
              <th scope="col">{t('secretariat.figures.activitiesDone')}</th>
              <th scope="col">{t('secretariat.figures.needsPosted')}</th>
            </tr>
          </thead>
          <tbody>
            {periods.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td>{format.number(row.activitiesDone)}</td>
                <td>{format.number(row.needsPosted)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figure>

      <figure className="card" aria-labelledby="chart-participants-title">
        <figcaption id="chart-participants-title">
          {t('secretariat.figures.participantsTitle')}
        </figcaption>
        <Drawing>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={periods} margin={{ top: 20 }} accessibilityLayer={false}>
              <CartesianGrid vertical={false} stroke="#dfe1e2" />
              <XAxis dataKey="label" />
              <YAxis allowDecimals={false} width={48} />
              <Legend />
              {genders.map((gender) => (
                <Bar
                  key={gender}
                  dataKey={gender}
                  name={t(`secretariat.figures.${gender}`)}
                  stackId="participants"
                  fill={GENDER_COLOURS[gender]}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </Drawing>
        <table className="sec-table">
          <thead>
            <tr>
              <th scope="col">{t('secretariat.figures.period')}</th>
              {genders.map((gender) => (
                <th scope="col" key={gender}>
                  {t(`secretariat.figures.${gender}`)}
                </th>
              ))}
              <th scope="col">{t('secretariat.figures.total')}</th>
            </tr>
          </thead>
          <tbody>
            {periods.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                {genders.map((gender) => (
                  <td key={gender}>{format.number(row[gender])}</td>
                ))}
                <td>{format.number(row.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figure>
    </div>
  );
}
