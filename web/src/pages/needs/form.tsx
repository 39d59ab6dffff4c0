import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { DataState } from '../../components/data-state';
import { fieldProblemsOf, messageOf } from '../../components/errors';
import { ErrorSummary, Field } from '../../components/form';
import { graphql, ResultOf, VariablesOf } from '../../graphql';
import { useMe } from '../../session';
import {
  CheckGroup,
  RadioGroup,
  dayOf,
  isoOfDay,
  LANGUAGES,
  MODALITIES,
  PRIORITIES,
  REFERENCE,
  useLanguageName,
} from './choices';
import { mayPostNeeds } from './list';

const NEED_FOR_EDIT = graphql(`
  query NeedForEdit($id: ID!) {
    need(id: $id) {
      id
      title
      description
      modalities
      languages
      beneficiaries
      earliestStart
      latestEnd
      napReference
      priority
      status
      visibility
      commitment {
        id
      }
      country {
        code
        name
      }
      workingGroup {
        code
      }
    }
  }
`);

/** The commitments of the need's country's National Action Plan, for the need to serve one. */
const COUNTRY_COMMITMENTS = graphql(`
  query NeedFormCommitments($countryCode: String!) {
    commitments(countryCode: $countryCode) {
      id
      code
      title
    }
  }
`);

const VISIBILITIES = ['PLATFORM', 'RESTRICTED'] as const;

const CREATE_NEED = graphql(`
  mutation CreateNeedForm($input: CreateNeedInput!) {
    createNeed(input: $input) {
      id
      title
      status
    }
  }
`);

const UPDATE_NEED = graphql(`
  mutation UpdateNeedForm($id: ID!, $input: UpdateNeedInput!) {
    updateNeed(id: $id, input: $input) {
      id
      title
      description
      modalities
      languages
      beneficiaries
      earliestStart
      latestEnd
      napReference
      priority
      status
      visibility
      commitment {
        id
        code
        title
      }
      updatedAt
      workingGroup {
        code
        name
      }
    }
  }
`);

type Input = VariablesOf<typeof CREATE_NEED>['input'];
type Loaded = ResultOf<typeof NEED_FOR_EDIT>['need'];

interface Draft {
  countryCode: string;
  workingGroupCode: string;
  title: string;
  description: string;
  modalities: string[];
  languages: string[];
  beneficiaries: string;
  earliestStart: string;
  latestEnd: string;
  napReference: string;
  priority: string;
  commitmentId: string;
  visibility: (typeof VISIBILITIES)[number];
}

function draftOf(need: Loaded | undefined, countryCode: string): Draft {
  return {
    countryCode: need?.country.code ?? countryCode,
    workingGroupCode: need?.workingGroup.code ?? '',
    title: need?.title ?? '',
    description: need?.description ?? '',
    modalities: [...(need?.modalities ?? [])],
    languages: [...(need?.languages ?? ['es'])],
    beneficiaries: need?.beneficiaries != null ? String(need.beneficiaries) : '',
    earliestStart: dayOf(need?.earliestStart),
    latestEnd: dayOf(need?.latestEnd),
    napReference: need?.napReference ?? '',
    priority: need?.priority ?? 'MEDIUM',
    commitmentId: need?.commitment?.id ?? '',
    visibility: need?.visibility ?? 'PLATFORM',
  };
}

/** A whole number as typed: null when empty, undefined when it is not one. */
export function wholeNumberOf(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}

/** /needs/new and /needs/:id/edit. */
export default function NeedFormPage() {
  const { id } = useParams();
  const me = useMe();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: NEED_FOR_EDIT,
    variables: { id: id ?? '' },
    pause: !id,
    requestPolicy: 'network-only',
  });
  if (!mayPostNeeds(me.role)) return <Navigate to="/needs" replace />;
  if (!id) return <NeedForm />;
  return (
    <DataState
      fetching={fetching}
      error={error}
      empty={!data}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
    >
      {data && <NeedForm need={data.need} />}
    </DataState>
  );
}

function NeedForm({ need }: { need?: Loaded }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const languageName = useLanguageName();
  const ownCountry = me.role === 'COUNTRY_FOCAL_POINT' ? me.country : null;
  const [draft, setDraft] = useState<Draft>(() => draftOf(need, ownCountry?.code ?? ''));
  const [{ data: reference }] = useQuery({ query: REFERENCE });
  const [{ data: plan }] = useQuery({
    query: COUNTRY_COMMITMENTS,
    variables: { countryCode: draft.countryCode },
    pause: !draft.countryCode,
  });
  const [created, create] = useMutation(CREATE_NEED);
  const [updated, update] = useMutation(UPDATE_NEED);
  const outcome = need ? updated : created;
  // A number that is not one never reaches the service (it could not say so in words).
  const [local, setLocal] = useState<Record<string, string>>({});
  const problems = { ...fieldProblemsOf(outcome.error), ...local };
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const beneficiaries = wholeNumberOf(draft.beneficiaries);
    if (beneficiaries === undefined) {
      setLocal({ beneficiaries: t('needs.form.wholeNumber') });
      return;
    }
    setLocal({});
    const fields = {
      workingGroupCode: draft.workingGroupCode,
      title: draft.title,
      description: draft.description,
      modalities: draft.modalities as Input['modalities'],
      languages: draft.languages,
      beneficiaries,
      earliestStart: isoOfDay(draft.earliestStart),
      latestEnd: isoOfDay(draft.latestEnd),
      napReference: draft.napReference.trim() || null,
      priority: draft.priority as Input['priority'],
      commitmentId: draft.commitmentId || null,
      visibility: draft.visibility,
    };
    if (need) {
      const result = await update({ id: need.id, input: fields });
      if (result.data) {
        const title = result.data.updateNeed.title;
        await navigate(`/needs/${need.id}`, { state: { saved: t('needs.form.saved', { title }) } });
      }
    } else {
      const result = await create({ input: { ...fields, countryCode: draft.countryCode } });
      if (result.data) {
        const { id, title } = result.data.createNeed;
        await navigate(`/needs/${id}`, { state: { saved: t('needs.form.created', { title }) } });
      }
    }
  }

  return (
    <>
      <h1>{need ? t('needs.form.editTitle') : t('needs.form.newTitle')}</h1>
      <p className="muted">{t('needs.form.intro')}</p>
      <ErrorSummary
        problems={problems}
        message={Object.keys(local).length ? undefined : messageOf(outcome.error)}
      />
      <form className="card" onSubmit={(event) => void submit(event)} noValidate>
        {need || ownCountry ? (
          <p>
            <strong>{t('needs.country')}:</strong> {need?.country.name ?? ownCountry?.name}
          </p>
        ) : (
          <Field name="countryCode" label={t('needs.country')} problem={problems.countryCode}>
            {(props) => (
              <select
                {...props}
                value={draft.countryCode}
                onChange={(event) =>
                  setDraft((current) => ({
                    ...current,
                    countryCode: event.target.value,
                    // Another country's commitment would be refused.
                    commitmentId: '',
                  }))
                }
              >
                <option value="">{t('needs.form.chooseCountry')}</option>
                {reference?.countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field
          name="title"
          label={t('needs.form.title')}
          hint={t('needs.form.titleHint')}
          problem={problems.title}
        >
          {(props) => (
            <input
              {...props}
              type="text"
              value={draft.title}
              onChange={(event) => set('title', event.target.value)}
            />
          )}
        </Field>
        <Field
          name="workingGroupCode"
          label={t('needs.workingGroup')}
          problem={problems.workingGroupCode}
        >
          {(props) => (
            <select
              {...props}
              value={draft.workingGroupCode}
              onChange={(event) => set('workingGroupCode', event.target.value)}
            >
              <option value="">{t('needs.form.chooseGroup')}</option>
              {reference?.workingGroups.map((g) => (
                <option key={g.code} value={g.code}>
                  {g.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="description"
          label={t('needs.form.description')}
          problem={problems.description}
        >
          {(props) => (
            <textarea
              {...props}
              value={draft.description}
              onChange={(event) => set('description', event.target.value)}
            />
          )}
        </Field>
        <CheckGroup
          name="modalities"
          legend={t('needs.form.modalities')}
          problem={problems.modalities}
          options={MODALITIES.map((m) => ({ value: m, label: t(`modality.${m}`) }))}
          chosen={draft.modalities}
          onChange={(chosen) => set('modalities', chosen)}
        />
        <CheckGroup
          name="languages"
          legend={t('needs.form.languages')}
          problem={problems.languages}
          options={LANGUAGES.map((code) => ({
            value: code,
            label: <span lang={code}>{languageName(code)}</span>,
          }))}
          chosen={draft.languages}
          onChange={(chosen) => set('languages', chosen)}
        />
        <Field name="priority" label={t('needs.priority')} problem={problems.priority}>
          {(props) => (
            <select
              {...props}
              value={draft.priority}
              onChange={(event) => set('priority', event.target.value)}
            >
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t(`priority.${p}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="beneficiaries"
          label={t('needs.form.beneficiaries')}
          hint={t('needs.form.beneficiariesHint')}
          problem={problems.beneficiaries}
        >
          {(props) => (
            <input
              {...props}
              type="text"
              inputMode="numeric"
              value={draft.beneficiaries}
              onChange={(event) => set('beneficiaries', event.target.value)}
            />
          )}
        </Field>
        <div className="form-row">
          <Field
            name="earliestStart"
            label={t('needs.form.earliestStart')}
            problem={problems.earliestStart}
          >
            {(props) => (
              <input
                {...props}
                type="date"
                value={draft.earliestStart}
                onChange={(event) => set('earliestStart', event.target.value)}
              />
            )}
          </Field>
          <Field name="latestEnd" label={t('needs.form.latestEnd')} problem={problems.latestEnd}>
            {(props) => (
              <input
                {...props}
                type="date"
                value={draft.latestEnd}
                onChange={(event) => set('latestEnd', event.target.value)}
              />
            )}
          </Field>
        </div>
        <Field
          name="napReference"
          label={t('needs.form.napReference')}
          hint={t('needs.form.napHint')}
          problem={problems.napReference}
        >
          {(props) => (
            <input
              {...props}
              type="text"
              value={draft.napReference}
              onChange={(event) => set('napReference', event.target.value)}
            />
          )}
        </Field>
        <Field
          name="commitmentId"
          label={t('needs.form.commitment')}
          hint={
            draft.countryCode
              ? t('needs.form.commitmentHint')
              : t('needs.form.commitmentCountryFirst')
          }
          problem={problems.commitmentId}
        >
          {(props) => (
            <select
              {...props}
              value={draft.commitmentId}
              onChange={(event) => set('commitmentId', event.target.value)}
            >
              <option value="">{t('needs.form.noCommitment')}</option>
              {plan?.commitments.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.code} · {c.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <RadioGroup
          name="visibility"
          legend={t('needs.form.visibility')}
          hint={t('needs.form.visibilityHint')}
          problem={problems.visibility}
          options={VISIBILITIES.map((v) => ({ value: v, label: t(`needs.visibility.${v}`) }))}
          chosen={draft.visibility}
          onChange={(chosen) => set('visibility', chosen as Draft['visibility'])}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={outcome.fetching}>
            {outcome.fetching
              ? t('needs.form.saving')
              : need
                ? t('needs.form.submitEdit')
                : t('needs.form.submitNew')}
          </button>
          <Link className="button-secondary" to={need ? `/needs/${need.id}` : '/needs'}>
            {t('needs.form.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
