import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { FieldProblem, InvalidInputError } from '../errors/domain-errors';

/** C0 control characters but tab, line feed and carriage return; and DEL. */
// eslint-disable-next-line no-control-regex -- matching them is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

const MESSAGE = 'must not contain control characters (tab and line breaks are fine)';

function problemsIn(value: unknown, field: string, problems: FieldProblem[]): void {
  if (typeof value === 'string') {
    if (CONTROL_CHARACTER.test(value)) problems.push({ field, message: `${field} ${MESSAGE}` });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => problemsIn(item, `${field}[${index}]`, problems));
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, inner] of Object.entries(value)) {
      problemsIn(inner, field ? `${field}.${key}` : key, problems);
    }
  }
}

/**
 * Refuses text with control characters in any GraphQL argument, as BAD_USER_INPUT naming
 * the field (`title`, `summary`, `languages[1]`). No one types them; they garble logs,
 * exports and calendars, and PostgreSQL cannot store NUL at all, so both engines answer
 * the same. Fields are named as the validation names them: within an input object, by
 * the object's own properties.
 */
@Injectable()
export class ControlCharactersPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    // Nest hands GraphQL arguments (`@Args`) to pipes as 'body'.
    if (metadata.type !== 'body') return value;
    const problems: FieldProblem[] = [];
    const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
    problemsIn(value, isObject ? '' : (metadata.data ?? 'value'), problems);
    if (problems.length > 0) throw new InvalidInputError(problems);
    return value;
  }
}
