import { useTranslation } from 'react-i18next';
import { Track, TRACK_TONE } from './progress';

/** Where an indicator stands, as a label: the words and their colour together. */
export function TrackLabel({ track }: { track: Track }) {
  const { t } = useTranslation();
  return (
    <span className={`status status-${TRACK_TONE[track]}`}>{t(`commitments.track.${track}`)}</span>
  );
}
