import { useTranslation } from 'react-i18next';
import { useFormat } from './format';

interface Reason {
  factor: string;
  weight: number;
  score: number;
  detail: string;
}

/**
 * A suggestion's score (in [0, 1]) as a bar with its percentage written beside it: the bar
 * is decoration, the number is what is read (never the bar alone).
 */
export function ScoreBar({ score }: { score: number }) {
  const { t } = useTranslation();
  const { percent } = useFormat();
  const width = `${Math.round(Math.max(0, Math.min(1, score)) * 100)}%`;
  return (
    <div className="score">
      <span className="score-label">
        {t('needs.suggestion.scoreOf', { score: percent(score) })}
      </span>
      <div className="score-bar" aria-hidden="true">
        <span style={{ width }} />
      </div>
    </div>
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
