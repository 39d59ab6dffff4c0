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
  dayOf,
  isoOfDay,
  LANGUAGES,
  MODALITIES,
  useLanguageName,
} from '../needs/choices';
import { wholeNumberOf } from '../needs/form';
import { mayPostOffers, OFFER_REFERENCE } from './list';

const OFFER_FOR_EDIT = graphql(`
  query OfferForEdit($id: ID!) {
    offer(id: $id) {
      id
      title
      description
      modalities
      languages
      capacity
      availableFrom
      availableTo
      status
      organization {
        id
        name
      }
      workingGroups {
        code
      }
      eligibleCountries {
        code
      }
    }
  }
`);

const CREATE_OFFER = graphql(`
  mutation CreateOfferForm($input: CreateOfferInput!) {
    createOffer(input: $input) {
      id
      title
      status
    }
  }
`);

const UPDATE_OFFER = graphql(`
  mutation UpdateOfferForm($id: ID!, $input: UpdateOfferInput!) {
    updateOffer(id: $id, input: $input) {
      id
      title
      description
      modalities
      languages
      capacity
      remainingCapacity
      availableFrom
      availableTo
      status
      updatedAt
      workingGroups {
        code
        name
      }
      eligibleCountries {
        code
        name
      }
    }
  }
`);

type Input = VariablesOf<typeof CREATE_OFFER>['input'];
type Loaded = ResultOf<typeof OFFER_FOR_EDIT>['offer'];

interface Draft {
  organizationId: string;
  workingGroupCodes: string[];
  title: string;
  description: string;
  modalities: string[];
  languages: string[];
  capacity: string;
  availableFrom: string;
  availableTo: string;
  eligibleCountryCodes: string[];
}

function draftOf(offer: Loaded | undefined, organizationId: string): Draft {
  return {
    organizationId: offer?.organization.id ?? organizationId,
    workingGroupCodes: offer?.workingGroups.map((g) => g.code) ?? [],
    title: offer?.title ?? '',
    description: offer?.description ?? '',
    modalities: [...(offer?.modalities ?? [])],
    languages: [...(offer?.languages ?? ['es'])],
    capacity: offer ? String(offer.capacity) : '1',
    availableFrom: dayOf(offer?.availableFrom),
    availableTo: dayOf(offer?.availableTo),
    eligibleCountryCodes: offer?.eligibleCountries.map((c) => c.code) ?? [],
  };
}

/** /offers/new and /offers/:id/edit. */
export default function OfferFormPage() {
  const { id } = useParams();
  const me = useMe();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: OFFER_FOR_EDIT,
    variables: { id: id ?? '' },
    pause: !id,
    requestPolicy: 'network-only',
  });
  if (!mayPostOffers(me.role)) return <Navigate to="/offers" replace />;
  if (!id) return <OfferForm />;
  return (
    <DataState
      fetching={fetching}
      error={error}
      empty={!data}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
    >
      {data && <OfferForm offer={data.offer} />}
    </DataState>
  );
}

function OfferForm({ offer }: { offer?: Loaded }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const languageName = useLanguageName();
  const ownOrganization = me.role === 'MEMBER_FOCAL_POINT' ? me.organization : null;
  const [draft, setDraft] = useState<Draft>(() => draftOf(offer, ownOrganization?.id ?? ''));
  const [{ data: reference }] = useQuery({ query: OFFER_REFERENCE });
  const [created, create] = useMutation(CREATE_OFFER);
  const [updated, update] = useMutation(UPDATE_OFFER);
  const outcome = offer ? updated : created;
  const [local, setLocal] = useState<Record<string, string>>({});
  const problems = { ...fieldProblemsOf(outcome.error), ...local };
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const capacity = wholeNumberOf(draft.capacity);
    if (capacity === undefined || capacity === null) {
      setLocal({ capacity: t('needs.form.wholeNumber') });
      return;
    }
    setLocal({});
    const fields = {
      workingGroupCodes: draft.workingGroupCodes,
      title: draft.title,
      description: draft.description,
      modalities: draft.modalities as Input['modalities'],
      languages: draft.languages,
      capacity,
      availableFrom: isoOfDay(draft.availableFrom),
      availableTo: isoOfDay(draft.availableTo),
      eligibleCountryCodes: draft.eligibleCountryCodes,
    };
    if (offer) {
      const result = await update({ id: offer.id, input: fields });
      if (result.data) {
        const title = result.data.updateOffer.title;
        await navigate(`/offers/${offer.id}`, {
          state: { saved: t('offers.form.saved', { title }) },
        });
      }
    } else {
      const result = await create({ input: { ...fields, organizationId: draft.organizationId } });
      if (result.data) {
        const { id, title } = result.data.createOffer;
        await navigate(`/offers/${id}`, { state: { saved: t('offers.form.created', { title }) } });
      }
    }
  }

  return (
    <>
      <h1>{offer ? t('offers.form.editTitle') : t('offers.form.newTitle')}</h1>
      <p className="muted">{t('offers.form.intro')}</p>
      <ErrorSummary
        problems={problems}
        message={Object.keys(local).length ? undefined : messageOf(outcome.error)}
      />
      <form className="card" onSubmit={(event) => void submit(event)} noValidate>
        {offer || ownOrganization ? (
          <p>
            <strong>{t('offers.organization')}:</strong>{' '}
            {offer?.organization.name ?? ownOrganization?.name}
          </p>
        ) : (
          <Field
            name="organizationId"
            label={t('offers.organization')}
            problem={problems.organizationId}
          >
            {(props) => (
              <select
                {...props}
                value={draft.organizationId}
                onChange={(event) => set('organizationId', event.target.value)}
              >
                <option value="">{t('offers.form.chooseOrganization')}</option>
                {reference?.organizations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field name="title" label={t('needs.form.title')} problem={problems.title}>
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
          name="workingGroupCodes"
          legend={t('offers.form.workingGroups')}
          problem={problems.workingGroupCodes}
          options={(reference?.workingGroups ?? []).map((g) => ({ value: g.code, label: g.name }))}
          chosen={draft.workingGroupCodes}
          onChange={(chosen) => set('workingGroupCodes', chosen)}
        />
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
        <Field
          name="capacity"
          label={t('offers.form.capacity')}
          hint={t('offers.form.capacityHint')}
          problem={problems.capacity}
        >
          {(props) => (
            <input
              {...props}
              type="text"
              inputMode="numeric"
              value={draft.capacity}
              onChange={(event) => set('capacity', event.target.value)}
            />
          )}
        </Field>
        <div className="form-row">
          <Field
            name="availableFrom"
            label={t('offers.form.availableFrom')}
            problem={problems.availableFrom}
          >
            {(props) => (
              <input
                {...props}
                type="date"
                value={draft.availableFrom}
                onChange={(event) => set('availableFrom', event.target.value)}
              />
            )}
          </Field>
          <Field
            name="availableTo"
            label={t('offers.form.availableTo')}
            problem={problems.availableTo}
          >
            {(props) => (
              <input
                {...props}
                type="date"
                value={draft.availableTo}
                onChange={(event) => set('availableTo', event.target.value)}
              />
            )}
          </Field>
        </div>
        <CheckGroup
          name="eligibleCountryCodes"
          legend={t('offers.form.eligibleCountries')}
          hint={t('offers.form.eligibleHint')}
          problem={problems.eligibleCountryCodes}
          options={(reference?.countries ?? []).map((c) => ({ value: c.code, label: c.name }))}
          chosen={draft.eligibleCountryCodes}
          onChange={(chosen) => set('eligibleCountryCodes', chosen)}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={outcome.fetching}>
            {outcome.fetching
              ? t('needs.form.saving')
              : offer
                ? t('offers.form.submitEdit')
                : t('offers.form.submitNew')}
          </button>
          <Link className="button-secondary" to={offer ? `/offers/${offer.id}` : '/offers'}>
            {t('needs.form.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
