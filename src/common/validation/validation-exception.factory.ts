import { ValidationError } from 'class-validator';
import { FieldProblem, InvalidInputError } from '../errors/domain-errors';

/** Flattens class-validator's tree into `field` paths such as `languages` or `input.title`. */
export function toFieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...toFieldProblems(error.children ?? [], field)];
  });
}

export function validationExceptionFactory(errors: ValidationError[]): InvalidInputError {
  return new InvalidInputError(toFieldProblems(errors));
}
