import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../graphql';

/** The languages a posting may name (ISO 639-1), in the order the MIRPS use them. */
export const LANGUAGES = ['es', 'en', 'fr', 'pt'] as const;

export const MODALITIES = [
  'TRAINING',
  'PEER_EXCHANGE',
  'TECHNICAL_ASSISTANCE',
  'SECONDMENT',
  'STUDY_VISIT',
  'WORKSHOP',
  'FINANCIAL',
  'MATERIAL',
] as const;

export const PRIORITIES = ['HIGH', 'MEDIUM', 'LOW'] as const;

/** The name of a language in the page's language (Intl), e.g. "español", "English". */
export function useLanguageName() {
  const { i18n } = useTranslation();
  const names = new Intl.DisplayNames([i18n.language], { type: 'language' });
  return (code: string) => {
    const name = names.of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(i18n.language) + name.slice(1);
  };
}

/** A `DateTime` as the value of a date input (its UTC day), and back. */
export const dayOf = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '');
export const isoOfDay = (day: string) => (day ? `${day}T00:00:00.000Z` : null);

/** What forms and filters choose from: the MIRPS states and the working groups. */
export const REFERENCE = graphql(`
  query PostingReference {
    countries(mirpsOnly: true) {
      code
      name
    }
    workingGroups {
      code
      name
    }
  }
`);

/**
 * A group of checkboxes with its legend, its hint and the service's problem beside it; the
 * fieldset carries the id the error summary links to.
 */
export function CheckGroup({
  name,
  legend,
  hint,
  problem,
  options,
  chosen,
  onChange,
}: {
  name: string;
  legend: string;
  hint?: string;
  problem?: string;
  options: { value: string; label: ReactNode }[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
}) {
  const id = `field-${name}`;
  const described = [hint ? `${id}-hint` : '', problem ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  const toggle = (value: string, on: boolean) =>
    onChange(
      on
        ? options.map((o) => o.value).filter((v) => v === value || chosen.includes(v))
        : chosen.filter((v) => v !== value),
    );
  return (
    <fieldset
      className="checks field-group"
      id={id}
      tabIndex={-1}
      aria-describedby={described || undefined}
      data-invalid={problem ? true : undefined}
    >
      <legend>{legend}</legend>
      {hint && (
        <span id={`${id}-hint`} className="hint group-note">
          {hint}
        </span>
      )}
      {problem && (
        <span id={`${id}-error`} className="field-error group-note">
          {problem}
        </span>
      )}
      {options.map((option) => (
        <label key={option.value}>
          <input
            type="checkbox"
            name={name}
            value={option.value}
            checked={chosen.includes(option.value)}
            onChange={(event) => toggle(option.value, event.target.checked)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

/** One choice among a few, as radio buttons with their legend, hint and the service's problem. */
export function RadioGroup({
  name,
  legend,
  hint,
  problem,
  options,
  chosen,
  onChange,
}: {
  name: string;
  legend: string;
  hint?: string;
  problem?: string;
  options: { value: string; label: ReactNode }[];
  chosen: string;
  onChange: (chosen: string) => void;
}) {
  const id = `field-${name}`;
  const described = [hint ? `${id}-hint` : '', problem ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset
      className="checks field-group"
      id={id}
      tabIndex={-1}
      aria-describedby={described || undefined}
      data-invalid={problem ? true : undefined}
    >
      <legend>{legend}</legend>
      {hint && (
        <span id={`${id}-hint`} className="hint group-note">
          {hint}
        </span>
      )}
      {problem && (
        <span id={`${id}-error`} className="field-error group-note">
          {problem}
        </span>
      )}
      {options.map((option) => (
        <label key={option.value}>
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={chosen === option.value}
            onChange={() => onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
