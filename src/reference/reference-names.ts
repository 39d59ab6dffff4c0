import type { Message, MessageValue, ReferenceValue } from '../i18n/message';
import type { ReferenceService } from './reference.service';

function isReference(value: MessageValue): value is ReferenceValue {
  return typeof value === 'object' && value !== null && 'reference' in value;
}

function isMessage(value: MessageValue): value is Message {
  return typeof value === 'object' && value !== null && 'key' in value;
}

function referencesIn(message: Message, found: ReferenceValue[]): ReferenceValue[] {
  for (const value of Object.values(message.params ?? {})) {
    if (isReference(value)) found.push(value);
    else if (isMessage(value)) referencesIn(value, found);
    else if (Array.isArray(value)) {
      for (const item of value as readonly (string | Message)[]) {
        if (typeof item !== 'string') referencesIn(item, found);
      }
    }
  }
  return found;
}

/**
 * `message` with each country and working group it names by code (`{ reference, code }`)
 * replaced by their names in both languages, from the reference data: what a person reads
 * ("Honduras", "Sistemas de asilo") instead of a code. A code the data lacks stays a code.
 */
export async function withReferenceNames(
  message: Message,
  reference: ReferenceService,
): Promise<Message> {
  const references = referencesIn(message, []);
  if (references.length === 0) return message;
  const codesOf = (kind: ReferenceValue['reference']) =>
    references.filter((value) => value.reference === kind).map((value) => value.code);
  const [countries, groups] = await Promise.all([
    reference.countriesByCodes(codesOf('country')),
    reference.workingGroupsByCodes(codesOf('workingGroup')),
  ]);
  const names = new Map<string, MessageValue>([
    ...countries.map((country): [string, MessageValue] => [
      `country:${country.code}`,
      { byLocale: { EN: country.nameEn, ES: country.nameEs } },
    ]),
    ...groups.map((group): [string, MessageValue] => [
      `workingGroup:${group.code}`,
      { byLocale: { EN: group.nameEn, ES: group.nameEs } },
    ]),
  ]);
  const named = (value: MessageValue): MessageValue => {
    if (isReference(value)) return names.get(`${value.reference}:${value.code}`) ?? value;
    if (isMessage(value)) return rename(value);
    if (Array.isArray(value)) {
      return (value as readonly (string | Message)[]).map((item) =>
        typeof item === 'string' ? item : rename(item),
      );
    }
    return value;
  };
  const rename = (inner: Message): Message =>
    inner.params
      ? {
          key: inner.key,
          params: Object.fromEntries(
            Object.entries(inner.params).map(([name, value]) => [name, named(value)]),
          ),
        }
      : inner;
  return rename(message);
}
