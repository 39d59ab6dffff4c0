import { startTransition, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import { useFormat } from '../../components/format';
import { useDay } from './day';

const ACCENT = '#005ea2';
const TARGET = '#00703c';
const BASELINE = '#565c65';

export interface IndicatorChartProps {
  values: readonly { at: string; value: number }[];
  baseline: number | null;
  target: number | null;
}

/**
 * An indicator's values over time as a line (Recharts, a chunk of its own), with its
 * baseline and target as labelled lines. The page shows the same values in a table under
 * it, so the drawing is hidden from screen readers and drawn after the first paint, as a
 * transition React may interrupt (as the overview's charts are).
 */
export default function IndicatorChart({ values, baseline, target }: IndicatorChartProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const day = useDay();
  const [drawn, setDrawn] = useState(false);
  useEffect(() => startTransition(() => setDrawn(true)), []);
  const points = [...values]
    .map((value) => ({ at: Date.parse(value.at), value: value.value }))
    .sort((a, b) => a.at - b.at);
  const first = points[0]?.at ?? 0;
  const last = points[points.length - 1]?.at ?? 0;
  // One value alone still gets some width: a day either side.
  const oneDay = 24 * 60 * 60 * 1000;
  const domain = first === last ? [first - oneDay, last + oneDay] : [first, last];
  return (
    <div className="indicator-chart" aria-hidden="true">
      {drawn && (
        <ResponsiveContainer width="100%" height="100%">
          <LineChart
            data={points}
            margin={{ top: 16, right: 24, left: 0, bottom: 0 }}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke="#dfe1e2" />
            <XAxis
              dataKey="at"
              type="number"
              scale="time"
              domain={domain}
              tickFormatter={(at: number) => day(at)}
              minTickGap={24}
            />
            <YAxis
              tickFormatter={(value: number) => format.number(Math.round(value * 100) / 100)}
              width={56}
            />
            {baseline !== null && (
              <ReferenceLine
                y={baseline}
                stroke={BASELINE}
                strokeDasharray="4 4"
                ifOverflow="extendDomain"
                label={{
                  value: t('commitments.page.baselineLine'),
                  position: 'insideBottomLeft',
                  fill: BASELINE,
                }}
              />
            )}
            {target !== null && (
              <ReferenceLine
                y={target}
                stroke={TARGET}
                strokeDasharray="6 3"
                ifOverflow="extendDomain"
                label={{
                  value: t('commitments.page.targetLine'),
                  position: 'insideTopLeft',
                  fill: TARGET,
                }}
              />
            )}
            <Line
              dataKey="value"
              stroke={ACCENT}
              strokeWidth={2}
              dot={{ r: 4, fill: ACCENT }}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      )}
    </div>
  );
}
