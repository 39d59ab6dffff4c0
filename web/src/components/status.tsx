import { useTranslation } from 'react-i18next';

type Tone = 'blue' | 'amber' | 'green' | 'grey' | 'red';

/**
 * Colour by meaning (CONSOLE.md): blue open, amber in twinning or waiting, green fulfilled or
 * confirmed, grey closed, red for attention. Always with the word: never colour alone.
 */
const TONES: Record<string, Record<string, Tone>> = {
  needStatus: {
    OPEN: 'blue',
    IN_TWINNING: 'amber',
    FULFILLED: 'green',
    WITHDRAWN: 'grey',
    EXPIRED: 'grey',
  },
  offerStatus: { OPEN: 'blue', FULL: 'amber', WITHDRAWN: 'grey', EXPIRED: 'grey' },
  twinningStatus: {
    PROPOSED: 'amber',
    ACCEPTED: 'amber',
    CONFIRMED: 'green',
    COMPLETED: 'green',
    DECLINED: 'grey',
    CANCELLED: 'grey',
    EXPIRED: 'grey',
  },
  activityStatus: { PLANNED: 'blue', DONE: 'green', CANCELLED: 'grey' },
  response: { PENDING: 'amber', ACCEPTED: 'green', DECLINED: 'red' },
  attentionLevel: { AMBER: 'amber', RED: 'red' },
  followUpStatus: { DUE: 'amber', SUBMITTED: 'green', OVERDUE: 'red' },
  pledgeStatus: { PLEDGED: 'blue', COMMITTED: 'amber', DISBURSED: 'green', CANCELLED: 'grey' },
};

/** A status as a label: its word in the page's language and its colour. */
export function StatusLabel({
  kind,
  value,
}: {
  kind:
    | 'needStatus'
    | 'offerStatus'
    | 'twinningStatus'
    | 'activityStatus'
    | 'response'
    | 'attentionLevel'
    | 'followUpStatus'
    | 'pledgeStatus';
  value: string;
}) {
  const { t } = useTranslation();
  return (
    <span className={`status status-${TONES[kind][value] ?? 'grey'}`}>
      {t(kind === 'attentionLevel' ? `attention.level.${value}` : `${kind}.${value}`)}
    </span>
  );
}
