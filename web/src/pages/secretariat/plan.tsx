import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { DataState } from '../../components/data-state';
import { messageOf } from '../../components/errors';
import { Field } from '../../components/form';
import { ScoreMeter } from '../../components/score';
import { useFormat } from '../../components/format';
import { StatusLabel } from '../../components/status';
import { graphql, ResultOf } from '../../graphql';
import { useMe } from '../../session';

const GROUPS = graphql(`
  query PlanWorkingGroups {
    workingGroups {
      code
      name
    }
  }
`);

const PLAN = graphql(`
  query MatchingPlan($workingGroupCode: String) {
    matchingPlan(workingGroupCode: $workingGroupCode) {
      totalScore
      assignments {
        score
        reasons {
          factor
          detail
          score
          weight
        }
        need {
          id
          title
          status
          country {
            code
            name
          }
        }
        offer {
          id
          title
          remainingCapacity
          organization {
            id
            name
          }
        }
      }
      unmatchedNeeds {
        id
        title
        priority
        country {
          code
          name
        }
      }
    }
  }
`);

const PROPOSE = graphql(`
  mutation ProposeFromPlan($input: ProposeTwinningInput!) {
    proposeTwinning(input: $input) {
      id
      status
    }
  }
`);

type Assignment = ResultOf<typeof PLAN>['matchingPlan']['assignments'][number];
type Outcome = { twinningId: string; status: string } | { problem: string };

/** The reasons of a score, strongest first: what each factor adds to it. */
function strongestFirst(reasons: Assignment['reasons']) {
  return [...reasons].sort((a, b) => b.weight * b.score - a.weight * a.score);
}

/**
 * The matching plan of one working group: the assignment of open needs to open offers with
 * the best total score, each with its score and reasons and (for the secretariat) a way to
 * propose it as a twinning; then the open needs the plan leaves out.
 */
export default function Plan() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const [search, setSearch] = useSearchParams();
  const [groups] = useQuery({ query: GROUPS });
  const workingGroups = groups.data?.workingGroups ?? [];
  const chosen = search.get('workingGroup') ?? workingGroups[0]?.code;
  const [plan, reexecute] = useQuery({
    query: PLAN,
    variables: { workingGroupCode: chosen },
    pause: !chosen,
  });
  const [proposing, propose] = useMutation(PROPOSE);
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});

  async function proposeOne(assignment: Assignment) {
    const key = `${assignment.need.id}|${assignment.offer.id}`;
    const result = await propose({
      input: { needIds: [assignment.need.id], offerId: assignment.offer.id },
    });
    setOutcomes((current) => ({
      ...current,
      [key]: result.data
        ? {
            twinningId: result.data.proposeTwinning.id,
            status: result.data.proposeTwinning.status,
          }
        : { problem: messageOf(result.error) ?? '' },
    }));
  }

  const assignments = plan.data?.matchingPlan.assignments ?? [];
  const unmatched = plan.data?.matchingPlan.unmatchedNeeds ?? [];
  return (
    <>
      <h1>{t('nav.plan')}</h1>
      <p className="muted">{t('secretariat.plan.intro')}</p>
      <DataState fetching={groups.fetching} error={groups.error} empty={workingGroups.length === 0}>
        <div className="filters">
          <Field name="workingGroup" label={t('secretariat.plan.workingGroup')}>
            {(props) => (
              <select
                {...props}
                value={chosen ?? ''}
                onChange={(event) => {
                  setOutcomes({});
                  setSearch({ workingGroup: event.target.value });
                }}
              >
                {workingGroups.map((group) => (
                  <option key={group.code} value={group.code}>
                    {group.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </DataState>

      <section aria-labelledby="assignments-title">
        <h2 id="assignments-title">{t('secretariat.plan.assignments')}</h2>
        <DataState
          fetching={plan.fetching}
          error={plan.error}
          empty={assignments.length === 0}
          retry={() => reexecute({ requestPolicy: 'network-only' })}
          emptyText={t('secretariat.plan.noAssignments')}
        >
          <p>
            {t('secretariat.plan.summary', {
              count: assignments.length,
              total: format.number(
                Math.round((plan.data?.matchingPlan.totalScore ?? 0) * 100) / 100,
              ),
            })}
          </p>
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t('secretariat.plan.need')}</th>
                <th scope="col">{t('secretariat.plan.offer')}</th>
                <th scope="col">{t('secretariat.plan.score')}</th>
                <th scope="col">{t('secretariat.plan.reasons')}</th>
                {me.role === 'SECRETARIAT' && <th scope="col">{t('secretariat.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {assignments.map((assignment) => {
                const key = `${assignment.need.id}|${assignment.offer.id}`;
                const outcome = outcomes[key];
                return (
                  <tr key={key}>
                    <td data-label={t('secretariat.plan.need')}>
                      <Link to={`/needs/${assignment.need.id}`}>{assignment.need.title}</Link>
                      <br />
                      <span className="muted">{assignment.need.country.name}</span>
                    </td>
                    <td data-label={t('secretariat.plan.offer')}>
                      <Link to={`/offers/${assignment.offer.id}`}>{assignment.offer.title}</Link>
                      <br />
                      <span className="muted">
                        {assignment.offer.organization.name} ·{' '}
                        {t('secretariat.plan.remaining', {
                          count: assignment.offer.remainingCapacity,
                        })}
                      </span>
                    </td>
                    <td data-label={t('secretariat.plan.score')}>
                      <ScoreMeter
                        className="sec-score"
                        score={assignment.score}
                        label={t('secretariat.plan.score')}
                      />
                    </td>
                    <td data-label={t('secretariat.plan.reasons')}>
                      <ul className="sec-reasons">
                        {strongestFirst(assignment.reasons).map((reason) => (
                          <li key={reason.factor}>{reason.detail}</li>
                        ))}
                      </ul>
                    </td>
                    {me.role === 'SECRETARIAT' && (
                      <td data-label={t('secretariat.actions')}>
                        {outcome && 'twinningId' in outcome ? (
                          <span role="status">
                            <StatusLabel kind="twinningStatus" value={outcome.status} />{' '}
                            <Link to={`/twinnings/${outcome.twinningId}`}>
                              {t('secretariat.plan.seeTwinning')}
                            </Link>
                          </span>
                        ) : (
                          <>
                            <button
                              type="button"
                              className="button"
                              disabled={proposing.fetching}
                              aria-label={t('secretariat.plan.proposeOf', {
                                need: assignment.need.title,
                                offer: assignment.offer.title,
                              })}
                              onClick={() => void proposeOne(assignment)}
                            >
                              {t('secretariat.plan.propose')}
                            </button>
                            {outcome && 'problem' in outcome && (
                              <p className="sec-row-problem" role="alert">
                                {outcome.problem}
                              </p>
                            )}
                          </>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </DataState>
      </section>

      <section aria-labelledby="unmatched-title">
        <h2 id="unmatched-title">{t('secretariat.plan.unmatched')}</h2>
        <DataState
          fetching={plan.fetching}
          error={plan.error}
          empty={unmatched.length === 0}
          emptyText={t('secretariat.plan.noUnmatched')}
        >
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t('secretariat.plan.need')}</th>
                <th scope="col">{t('secretariat.plan.country')}</th>
                <th scope="col">{t('secretariat.plan.priority')}</th>
              </tr>
            </thead>
            <tbody>
              {unmatched.map((need) => (
                <tr key={need.id}>
                  <td data-label={t('secretariat.plan.need')}>
                    <Link to={`/needs/${need.id}`}>{need.title}</Link>
                  </td>
                  <td data-label={t('secretariat.plan.country')}>{need.country.name}</td>
                  <td data-label={t('secretariat.plan.priority')}>
                    {t(`priority.${need.priority}`)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </DataState>
      </section>
    </>
  );
}
