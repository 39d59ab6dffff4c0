import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Field } from '../../components/form';
import { graphql } from '../../graphql';

const CALENDAR = graphql(`
  query CalendarLink {
    me {
      id
      calendarUrl
    }
  }
`);

/**
 * The person's own calendar feed (`me { calendarUrl }`): a labelled, read-only field and a
 * button that copies it. Shown on the twinning page, the activities list and the profile.
 */
export function CalendarLink({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: CALENDAR });
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | undefined>();
  const url = data?.me.calendarUrl;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      input.current?.select();
      setCopied(document.execCommand?.('copy') ? 'yes' : 'failed');
    }
  }

  return (
    <section className="card calendar-link" aria-labelledby="calendar-link-title">
      <Heading id="calendar-link-title">{t('activities.calendar.title')}</Heading>
      <p className="muted">{t('activities.calendar.intro')}</p>
      {url ? (
        <>
          <Field name="calendarUrl" label={t('activities.calendar.label')}>
            {(props) => (
              <input
                {...props}
                ref={input}
                readOnly
                value={url}
                onFocus={(event) => event.target.select()}
              />
            )}
          </Field>
          <div className="actions">
            <button type="button" className="button-secondary" onClick={() => void copy()}>
              {t('activities.calendar.copy')}
            </button>
            <span role="status">
              {copied === 'yes'
                ? t('activities.calendar.copied')
                : copied === 'failed'
                  ? t('activities.calendar.copyFailed')
                  : ''}
            </span>
          </div>
        </>
      ) : (
        data && <p>{t('activities.calendar.none')}</p>
      )}
    </section>
  );
}
