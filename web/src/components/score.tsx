import { useTranslation } from 'react-i18next';
import { Meter } from 'react-aria-components/Meter';
import { AriaLocale } from './aria-locale';
import { useFormat } from './format';

interface Reason {
  factor: string;
  weight: number;
  score: number;
  detail: string;
}

/**
 * A suggestion's score (in [0, 1]) as a meter (React Aria: role meter, its value and text
 * for assistive technology) with its percentage written beside the bar: the bar is
 * decoration, the number is what is read (never the bar alone).
 */
export function ScoreBar({ score }: { score: number }) {
  const { t } = useTranslation();
  const { percent } = useFormat();
  const value = Math.max(0, Math.min(1, score));
  return (
    <AriaLocale>
      <Meter
        className="score"
        value={value}
        minValue={0}
        maxValue={1}
        aria-label={t('needs.suggestion.score')}
        valueLabel={percent(value)}
      >
        {({ percentage }) => (
          <>
            <span className="score-label">
              {t('needs.suggestion.scoreOf', { score: percent(score) })}
            </span>
            <div className="score-bar" aria-hidden="true">
              <span style={{ width: `${Math.round(percentage)}%` }} />
            </div>
          </>
        )}
      </Meter>
    </AriaLocale>
  );
}

/**
 * A score in [0, 1] in a table cell whose column names it: the bar and its percentage after
 * it, as one meter named `label`.
 */
export function ScoreMeter({
  score,
  label,
  className,
}: {
  score: number;
  label: string;
  className?: string;
}) {
  const { percent } = useFormat();
  const value = Math.max(0, Math.min(1, score));
  return (
    <AriaLocale>
      <Meter
        className={className}
        value={value}
        minValue={0}
        maxValue={1}
        aria-label={label}
        valueLabel={percent(value)}
      >
        {({ percentage, valueText }) => (
          <>
            <span className="score-bar" aria-hidden="true">
              <span style={{ width: `${Math.round(percentage)}%` }} />
            </span>
            <span>{valueText}</span>
          </>
        )}
      </Meter>
    </AriaLocale>
  );
}

/**
 * The reasons of a suggestion as short lines, strongest first: by what each factor brings to
 * the score (its weight times its value), ties by factor name so the order never wavers.
 */
export function ReasonList({ reasons }: { reasons: readonly Reason[] }) {
  const { t } = useTranslation();
  const sorted = [...reasons].sort(
    (a, b) => b.weight * b.score - a.weight * a.score || a.factor.localeCompare(b.factor),
  );
  return (
    <ul className="reasons" aria-label={t('needs.suggestion.reasons')}>
      {sorted.map((reason) => (
        <li key={reason.factor}>
          <strong>{t(`needs.suggestion.factor.${reason.factor}`, reason.factor)}:</strong>{' '}
          {reason.detail}
        </li>
      ))}
    </ul>
  );
}
