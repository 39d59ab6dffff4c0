import { validate } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import {
  ConflictError,
  DomainError,
  FieldProblem,
  ForbiddenError,
  InvalidInputError,
} from '../common/errors/domain-errors';
import { toFieldProblems } from '../common/validation/validation-exception.factory';
import type { Message } from '../i18n/message';
import type { StoredImportProblem } from './import-job.entity';

type InputClass<I> = new () => I;

/**
 * The input's own rules, as the API applies them (class-validator, with the API's
 * options): the problems of a row read into an input, or the input.
 */
export async function validateInput<I extends object>(
  type: InputClass<I>,
  plain: Record<string, unknown>,
): Promise<{ input: I; problems: FieldProblem[] }> {
  const input = plainToInstance(type, plain);
  const errors = await validate(input, {
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: true },
  });
  return { input, problems: toFieldProblems(errors) };
}

/**
 * A row's problem as stored: the column named as the file heads it, and the message with
 * the input field it names replaced by that header, so a person reads "Fin más tardío"
 * where the API would say "latestEnd".
 */
export function rowProblem(
  row: number,
  label: string | null,
  problem: Pick<FieldProblem, 'message' | 'i18n'>,
): StoredImportProblem {
  const message: Message | string = problem.i18n
    ? label !== null && problem.i18n.params && 'property' in problem.i18n.params
      ? { ...problem.i18n, params: { ...problem.i18n.params, property: label } }
      : problem.i18n
    : problem.message;
  return { row, field: label, message };
}

/**
 * The field problems a service's check refused a row with: BAD_USER_INPUT's, each on its
 * field; FORBIDDEN and CONFLICT on the field given (the row's owner column) or the row.
 * Anything else is not the row's problem and is thrown on.
 */
export function problemsOfRefusal(error: unknown, field: string | null): FieldProblem[] {
  if (error instanceof InvalidInputError) return error.fields;
  if (error instanceof ForbiddenError || error instanceof ConflictError) {
    const refusal = error as DomainError;
    return [{ field: field ?? '', message: refusal.message, i18n: refusal.i18n }];
  }
  throw error;
}
