import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { fieldProblemsOf, messageOf } from '../../components/errors';
import { ErrorSummary, Field } from '../../components/form';
import { graphql } from '../../graphql';
import { useMe } from '../../session';
import { CheckGroup, REFERENCE } from '../needs/choices';
import { EVENT_KINDS, EventKind, mayManageEvents } from './queries';

const CREATE_EVENT = graphql(`
  mutation CreatePlatformEventForm($input: CreatePlatformEventInput!) {
    createPlatformEvent(input: $input) {
      id
      title
    }
  }
`);

const ORGANIZATIONS = graphql(`
  query EventOrganizations {
    organizations {
      id
      name
    }
  }
`);

/** A datetime-local value as an instant (the person's time zone); undefined when empty. */
function instant(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** /events/new: the secretariat's form; others go back to the list. */
export default function EventForm() {
  const me = useMe();
  if (!mayManageEvents(me.role)) return <Navigate to="/events" replace />;
  return <NewEvent />;
}

function NewEvent() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [{ data: reference }] = useQuery({ query: REFERENCE });
  const [{ data: organizations }] = useQuery({ query: ORGANIZATIONS });
  const [created, create] = useMutation(CREATE_EVENT);
  const [kind, setKind] = useState<EventKind>('TWINNING_MEETING');
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [location, setLocation] = useState('');
  const [virtual, setVirtual] = useState(false);
  const [countryCodes, setCountryCodes] = useState<string[]>([]);
  const [organizationIds, setOrganizationIds] = useState<string[]>([]);
  const [workingGroupCodes, setWorkingGroupCodes] = useState<string[]>([]);
  // Dates the browser could not give are told here: the API could not name them in words.
  const [local, setLocal] = useState<Record<string, string>>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!startsAt) missing.startsAt = t('events.form.startsAtMissing');
    if (!endsAt) missing.endsAt = t('events.form.endsAtMissing');
    setLocal(missing);
    if (Object.keys(missing).length) return;
    const result = await create({
      input: {
        kind,
        title,
        startsAt: instant(startsAt)!,
        endsAt: instant(endsAt)!,
        location: location.trim() || null,
        virtual,
        countryCodes,
        organizationIds,
        workingGroupCodes,
      },
    });
    if (result.data) {
      const { id, title: saved } = result.data.createPlatformEvent;
      await navigate(`/events/${id}`, {
        state: { saved: t('events.form.created', { title: saved }) },
      });
    }
  }

  const problems = Object.keys(local).length ? local : fieldProblemsOf(created.error);
  const message =
    Object.keys(problems).length || Object.keys(local).length
      ? undefined
      : messageOf(created.error);
  return (
    <>
      <h1>{t('events.form.title')}</h1>
      <p className="muted">{t('events.form.intro')}</p>
      <ErrorSummary problems={problems} message={message} />
      <form className="card" onSubmit={(event) => void submit(event)} noValidate>
        <Field name="kind" label={t('events.kind')} problem={problems.kind}>
          {(props) => (
            <select
              {...props}
              value={kind}
              onChange={(event) => setKind(event.target.value as EventKind)}
            >
              {EVENT_KINDS.map((value) => (
                <option key={value} value={value}>
                  {t(`events.kinds.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="title" label={t('events.form.eventTitle')} problem={problems.title}>
          {(props) => (
            <input {...props} value={title} onChange={(event) => setTitle(event.target.value)} />
          )}
        </Field>
        <div className="event-dates">
          <Field name="startsAt" label={t('events.form.startsAt')} problem={problems.startsAt}>
            {(props) => (
              <input
                {...props}
                type="datetime-local"
                value={startsAt}
                onChange={(event) => setStartsAt(event.target.value)}
              />
            )}
          </Field>
          <Field
            name="endsAt"
            label={t('events.form.endsAt')}
            hint={t('events.form.endsAtHint')}
            problem={problems.endsAt}
          >
            {(props) => (
              <input
                {...props}
                type="datetime-local"
                value={endsAt}
                onChange={(event) => setEndsAt(event.target.value)}
              />
            )}
          </Field>
        </div>
        <Field name="location" label={t('events.form.location')} problem={problems.location}>
          {(props) => (
            <input
              {...props}
              value={location}
              onChange={(event) => setLocation(event.target.value)}
            />
          )}
        </Field>
        <div className="checks">
          <label>
            <input
              type="checkbox"
              checked={virtual}
              onChange={(event) => setVirtual(event.target.checked)}
            />
            {t('events.form.isVirtual')}
          </label>
        </div>
        <CheckGroup
          name="countryCodes"
          legend={t('events.form.countries')}
          problem={problems.countryCodes}
          options={(reference?.countries ?? []).map((c) => ({ value: c.code, label: c.name }))}
          chosen={countryCodes}
          onChange={setCountryCodes}
        />
        <CheckGroup
          name="organizationIds"
          legend={t('events.form.organizations')}
          problem={problems.organizationIds}
          options={(organizations?.organizations ?? []).map((o) => ({
            value: o.id,
            label: o.name,
          }))}
          chosen={organizationIds}
          onChange={setOrganizationIds}
        />
        <CheckGroup
          name="workingGroupCodes"
          legend={t('events.form.workingGroups')}
          hint={t('events.form.workingGroupsHint')}
          problem={problems.workingGroupCodes}
          options={(reference?.workingGroups ?? []).map((g) => ({ value: g.code, label: g.name }))}
          chosen={workingGroupCodes}
          onChange={setWorkingGroupCodes}
        />
        <button type="submit" className="button" disabled={created.fetching}>
          {t('events.form.submit')}
        </button>
      </form>
    </>
  );
}
