import type { CombinedError } from 'urql';

/** One input field the service refused, and why (in the page's language). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** The message a person reads for a failed call: the service's own, in their language. */
export function messageOf(error: CombinedError | undefined): string | undefined {
  if (!error) return undefined;
  const first = error.graphQLErrors[0];
  if (first) return first.message;
  return error.networkError ? error.networkError.message : error.message;
}

/** The code of a failed call (`extensions.code`), e.g. CONFLICT. */
export function codeOf(error: CombinedError | undefined): string | undefined {
  const code = error?.graphQLErrors[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * BAD_USER_INPUT's problems by field (`extensions.fields`), for each form field to show its
 * own; `input.title` and `title` both land on `title`.
 */
export function fieldProblemsOf(error: CombinedError | undefined): Record<string, string> {
  const problems: Record<string, string> = {};
  const fields = error?.graphQLErrors[0]?.extensions?.fields;
  if (!Array.isArray(fields)) return problems;
  for (const entry of fields as FieldProblem[]) {
    const name = entry.field.split('.').pop() ?? entry.field;
    problems[name] ??= entry.message;
  }
  return problems;
}
