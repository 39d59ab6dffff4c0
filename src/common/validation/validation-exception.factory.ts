import { getMetadataStorage, ValidationError } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { isMessageKey } from '../../i18n/translate';
import type { Message, MessageValue } from '../../i18n/message';
import { FieldProblem, InvalidInputError } from '../errors/domain-errors';

/**
 * What a rule names in its message, by class-validator constraint: the values its
 * decorator was given (`@Length(1, 200)`: min 1, max 200).
 */
type Params = (args: readonly unknown[], value: unknown) => Record<string, MessageValue>;

const valuesOf = (allowed: unknown): string =>
  (Array.isArray(allowed) ? allowed : Object.values(allowed as object)).map(String).join(', ');

const PARAMS: Record<string, Params> = {
  min: ([min]) => ({ min: Number(min) }),
  max: ([max]) => ({ max: Number(max) }),
  minLength: ([min]) => ({ min: Number(min) }),
  maxLength: ([max]) => ({ max: Number(max) }),
  arrayMinSize: ([min]) => ({ min: Number(min) }),
  arrayMaxSize: ([max]) => ({ max: Number(max) }),
  isEnum: ([, names]) => ({ values: valuesOf(names) }),
  isIn: ([allowed]) => ({ values: valuesOf(allowed) }),
};

/** The rules of a class, by property and constraint, read once. */
const rulesByClass = new WeakMap<object, Map<string, ValidationMetadata>>();

function ruleOf(target: object | undefined, property: string, constraint: string) {
  if (!target) return undefined;
  const type = target.constructor;
  let rules = rulesByClass.get(type);
  if (!rules) {
    rules = new Map();
    for (const rule of getMetadataStorage().getTargetValidationMetadatas(type, '', true, false)) {
      if (rule.name) rules.set(`${rule.propertyName}\u0000${rule.name}`, rule);
    }
    rulesByClass.set(type, rules);
  }
  return rules.get(`${property}\u0000${constraint}`);
}

/**
 * The Message of one broken rule, so the answer reads in the caller's language: the one a
 * decorator names (`context: { i18n: 'common.blank' }`), or, for a rule without a message
 * of its own, class-validator's, from the catalogs ("common.<constraint>"). A rule with an
 * English message of its own and no key stays in English.
 */
function messageOf(error: ValidationError, constraint: string): Message | undefined {
  const context = error.contexts?.[constraint] as { i18n?: string } | undefined;
  const property = error.property;
  if (context?.i18n) return { key: context.i18n, params: { property } };
  if (constraint === 'whitelistValidation') {
    return { key: 'common.unknownField', params: { property } };
  }
  const rule = ruleOf(error.target, property, constraint);
  if (!rule || rule.message !== undefined) return undefined;
  const args = (rule.constraints ?? []) as readonly unknown[];
  if (constraint === 'isLength') {
    const [min] = args as number[];
    const short = typeof error.value === 'string' && error.value.length < min;
    if (short && min === 1) return { key: 'common.empty', params: { property } };
    return short
      ? { key: 'common.isLengthShort', params: { property, min } }
      : { key: 'common.isLengthLong', params: { property, max: Number(args[1]) } };
  }
  const key = `common.${constraint === 'isUUID' ? 'isUuid' : constraint}`;
  if (!isMessageKey(key)) return undefined;
  return { key, params: { property, ...PARAMS[constraint]?.(args, error.value) } };
}

/** Flattens class-validator's tree into `field` paths such as `languages` or `input.title`. */
export function toFieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => {
      const i18n = messageOf(error, constraint);
      return i18n ? { field, message, i18n } : { field, message };
    });
    return [...own, ...toFieldProblems(error.children ?? [], field)];
  });
}

export function validationExceptionFactory(errors: ValidationError[]): InvalidInputError {
  return new InvalidInputError(toFieldProblems(errors));
}
