import { ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The error summary of a form (GOV.UK / USWDS pattern): a heading, each problem linking to
 * its field; it takes the focus when it appears.
 */
export function ErrorSummary({
  problems,
  message,
}: {
  problems: Record<string, string>;
  /** The refusal when it names no field (CONFLICT, FORBIDDEN…). */
  message?: string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(problems);
  const shown = entries.length > 0 || message;
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown, message, entries.length]);
  if (!shown) return null;
  return (
    <div
      className="error-summary"
      role="alert"
      tabIndex={-1}
      ref={ref}
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title">{t('form.problems')}</h2>
      <ul>
        {message && entries.length === 0 && <li>{message}</li>}
        {entries.map(([field, text]) => (
          <li key={field}>
            <a href={`#field-${field}`}>{text}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A labelled control with its hint and the service's problem beside it. */
export function Field({
  name,
  label,
  hint,
  problem,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  problem?: string;
  children: (props: {
    id: string;
    name: string;
    'aria-invalid': boolean | undefined;
    'aria-describedby': string | undefined;
  }) => ReactNode;
}) {
  const id = `field-${name}`;
  const described = [hint ? `${id}-hint` : '', problem ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field" data-invalid={problem ? true : undefined}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {problem && (
        <span id={`${id}-error`} className="field-error">
          {problem}
        </span>
      )}
      {children({
        id,
        name,
        'aria-invalid': problem ? true : undefined,
        'aria-describedby': described || undefined,
      })}
    </div>
  );
}
