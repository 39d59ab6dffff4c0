import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DropZone, DropZoneProps } from 'react-aria-components/DropZone';
import { ProgressBar } from 'react-aria-components/ProgressBar';
import { useQuery, useSubscription } from 'urql';
import { consoleHeaders } from '../../client';
import { AriaLocale } from '../../components/aria-locale';
import { ErrorSummary, Field } from '../../components/form';
import { useFormat } from '../../components/format';
import { useMe } from '../../session';
import { IMPORT_JOB, IMPORT_PROGRESS, ImportJob, ImportKind, isFinished, kindsOf } from './queries';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The content type the service reads a file by (it also reads the file's first bytes). */
function typeOf(file: File): string {
  if (file.type) return file.type;
  return file.name.toLowerCase().endsWith('.xlsx') ? XLSX_TYPE : 'text/csv';
}

interface Refusal {
  message?: string;
  fields?: { field: string; message: string }[];
}

/**
 * The "Imports and exports" place: choose needs or offers and a file, check it (a dry run)
 * or import it, follow the job's progress, read the result and each bad row's problem.
 */
export default function ImportsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const kinds = kindsOf(me.role);
  const [kind, setKind] = useState<ImportKind>(kinds[0] ?? 'needs');
  const [file, setFile] = useState<File | null>(null);
  const [sending, setSending] = useState(false);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [jobId, setJobId] = useState<string>();

  async function send(dryRun: boolean) {
    setProblems({});
    setMessage(undefined);
    if (!file) {
      setProblems({ file: t('imports.chooseFile') });
      return;
    }
    setSending(true);
    setJobId(undefined);
    try {
      const response = await fetch(`/imports/${kind}${dryRun ? '?dryRun=true' : ''}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { ...consoleHeaders(), 'content-type': typeOf(file) },
        body: file,
      });
      const body = (await response.json().catch(() => ({}))) as Refusal & { id?: string };
      if (response.status === 202 && body.id) {
        setJobId(body.id);
        return;
      }
      const fields = Object.fromEntries((body.fields ?? []).map((p) => [p.field, p.message]));
      if (Object.keys(fields).length > 0) setProblems(fields);
      else setMessage(body.message ?? t('imports.uploadFailed'));
    } catch {
      setMessage(t('imports.uploadFailed'));
    } finally {
      setSending(false);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    void send(submitter?.value === 'dry-run');
  }

  /** A file dropped (or pasted into the focused drop zone): the first one is taken. */
  async function drop(event: Parameters<NonNullable<DropZoneProps['onDrop']>>[0]) {
    for (const item of event.items) {
      if (item.kind === 'file') {
        setFile(await item.getFile());
        return;
      }
    }
  }

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('imports.title')}</h1>
          <p className="muted">{t('imports.intro')}</p>
        </div>
      </div>
      <section aria-labelledby="import-title" className="imports-section">
        <h2 id="import-title">{t('imports.importTitle')}</h2>
        <ErrorSummary problems={problems} message={message} />
        <form className="imports-form" onSubmit={submit} noValidate>
          {kinds.length > 1 ? (
            <fieldset className="imports-kind">
              <legend>{t('imports.kind')}</legend>
              {kinds.map((choice) => (
                <label key={choice}>
                  <input
                    type="radio"
                    name="kind"
                    value={choice}
                    checked={kind === choice}
                    onChange={() => setKind(choice)}
                  />{' '}
                  {t(`imports.${choice}`)}
                </label>
              ))}
            </fieldset>
          ) : (
            <p className="imports-fixed">
              <strong>{t('imports.kind')}</strong> {t(`imports.${kind}`)}
            </p>
          )}
          <AriaLocale>
            <DropZone
              className="imports-drop"
              aria-label={t('imports.dropZone')}
              onDrop={(event) => void drop(event)}
            >
              <Field
                name="file"
                label={t('imports.file')}
                hint={t('imports.fileHint')}
                problem={problems.file}
              >
                {(props) => (
                  <input
                    {...props}
                    type="file"
                    accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    onChange={(event) => setFile(event.target.files?.[0] ?? null)}
                  />
                )}
              </Field>
              <p className="muted" aria-live="polite">
                {file ? t('imports.chosen', { name: file.name }) : t('imports.dropHere')}
              </p>
            </DropZone>
          </AriaLocale>
          <div className="actions">
            <button type="submit" className="button-secondary" value="dry-run" disabled={sending}>
              {t('imports.dryRun')}
            </button>
            <button type="submit" className="button" value="import" disabled={sending}>
              {t('imports.run')}
            </button>
          </div>
          {sending && (
            <p role="status" className="muted">
              {t('imports.sending')}
            </p>
          )}
        </form>
        {jobId && <JobView id={jobId} />}
      </section>
      {/* Exports: their section goes here, below the imports. */}
    </>
  );
}

/** Of two views of the same job, the one further on. */
function further(a: ImportJob | undefined, b: ImportJob | undefined): ImportJob | undefined {
  if (!a || !b) return a ?? b;
  if (isFinished(a) !== isFinished(b)) return isFinished(a) ? a : b;
  return b.processed > a.processed ? b : a;
}

/**
 * One job as it moves: live through `importProgress`, and read again every second until it
 * ends (a subscription opened after the last batch would hear nothing more).
 */
function JobView({ id }: { id: string }) {
  const [{ data: read }, reread] = useQuery({
    query: IMPORT_JOB,
    variables: { id },
    requestPolicy: 'network-only',
  });
  const [{ data: live }] = useSubscription({
    query: IMPORT_PROGRESS,
    variables: { id },
    pause: isFinished(read?.importJob),
  });
  const job = further(read?.importJob, live?.importProgress);
  const finished = isFinished(job);
  useEffect(() => {
    if (finished) return;
    const timer = setInterval(() => reread({ requestPolicy: 'network-only' }), 1000);
    return () => clearInterval(timer);
  }, [finished, reread]);
  if (!job) return null;
  return (
    <div className="imports-job">
      <Progress job={job} />
      {finished && <Result job={job} />}
    </div>
  );
}

function Progress({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const total = job.total;
  const done = isFinished(job) ? total : Math.min(job.processed, total);
  const percent = total > 0 ? Math.round((done / total) * 100) : isFinished(job) ? 100 : 0;
  const text =
    total > 0
      ? t('imports.progressText', { processed: number(done), total: number(total) })
      : t('imports.progressUnknown');
  const tone = { QUEUED: 'amber', RUNNING: 'amber', DONE: 'green', FAILED: 'red' }[job.status];
  return (
    <div className="imports-progress">
      <p>
        <span className={`status status-${tone ?? 'grey'}`}>
          {t(`imports.status.${job.status}`)}
        </span>{' '}
        <span>{text}</span>
      </p>
      <AriaLocale>
        <ProgressBar
          aria-label={t('imports.progressLabel')}
          value={percent}
          valueLabel={text}
          className="imports-bar"
        >
          {({ percentage }) => <span style={{ width: `${percentage}%` }} />}
        </ProgressBar>
      </AriaLocale>
    </div>
  );
}

function Result({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const said =
    job.status === 'FAILED'
      ? t('imports.failed')
      : job.dryRun
        ? t('imports.dryRunDone')
        : t('imports.importDone');
  return (
    <div className="imports-result">
      <p role="status">{said}</p>
      <p>{job.dryRun ? t('imports.dryRunCounts') : t('imports.counts')}</p>
      <dl className="imports-counts">
        <div>
          <dt>{t('imports.created')}</dt>
          <dd>{number(job.created)}</dd>
        </div>
        <div>
          <dt>{t('imports.updated')}</dt>
          <dd>{number(job.updated)}</dd>
        </div>
        <div>
          <dt>{t('imports.rejected')}</dt>
          <dd>{number(job.rejected)}</dd>
        </div>
      </dl>
      <h3>{t('imports.problemsTitle')}</h3>
      {job.problems.length === 0 ? (
        <p>{t('imports.noProblems')}</p>
      ) : (
        <table className="list imports-problems">
          <caption>{t('imports.problemsCaption', { count: job.problems.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('imports.row')}</th>
              <th scope="col">{t('imports.column')}</th>
              <th scope="col">{t('imports.message')}</th>
            </tr>
          </thead>
          <tbody>
            {job.problems.map((problem, index) => (
              <tr key={index}>
                <td data-label={t('imports.row')}>{problem.row}</td>
                <td data-label={t('imports.column')}>{problem.field ?? t('imports.wholeRow')}</td>
                <td data-label={t('imports.message')}>{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
