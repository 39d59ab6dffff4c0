import { msg } from '../../i18n/catalogs';
import { FieldProblems } from '../errors/domain-errors';

/**
 * In an update, `null` clears an optional field; for a required one it is a mistake.
 * GraphQL lets both through as nullable input fields, so the service checks.
 */
export function checkNotNull<T extends object>(
  problems: FieldProblems,
  input: T,
  required: readonly (keyof T & string)[],
): void {
  for (const field of required) {
    if (input[field] === null) problems.add(field, msg('common.notNull', { property: field }));
  }
}

/** `end` must come after `start` when both are known. */
export function checkPeriod(
  problems: FieldProblems,
  endField: string,
  start: Date | null | undefined,
  end: Date | null | undefined,
): void {
  if (start && end && end.getTime() <= start.getTime()) {
    problems.add(endField, msg('common.periodEnd', { property: endField }));
  }
}

/** The fields an update actually sets (absent ones stay as they are). */
export function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
