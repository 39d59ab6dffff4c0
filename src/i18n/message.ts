/**
 * A text a person reads, as data: a key of the message catalogs and the values it needs.
 * Services and the matching engine say what happened with a Message; the language it is
 * read in is chosen where the answer is written (see translate.ts), by whom it is for.
 */
/**
 * Values a message names: a list reads "a, b and c"; `{ anyOf }` reads "a, b or c";
 * `{ byLocale }` is a value the data holds in each language (a country's name); a Date is
 * formatted by the placeholder (`{{at, datetime}}`) in the reader's language; `{ languages }`
 * names ISO 639-1 codes in the reader's language ("español e inglés").
 */
export type MessageValue =
  | string
  | number
  | Date
  | readonly (string | Message)[]
  | { readonly anyOf: readonly string[] }
  | { readonly byLocale: Readonly<Record<'EN' | 'ES', string>> }
  | { readonly languages: readonly string[] }
  | ReferenceValue
  | Message;

/**
 * A country or working group by its code, for a reader who should see its name: the layer
 * that answers replaces it with the names from the reference data (reference-names.ts);
 * read as it is, it shows the code.
 */
export interface ReferenceValue {
  readonly reference: 'country' | 'workingGroup';
  readonly code: string;
}

export interface Message<K extends string = string> {
  key: K;
  params?: Readonly<Record<string, MessageValue>>;
}

/**
 * One module's messages in both languages: the Spanish table must have exactly the keys of
 * the English one (checked by the compiler here, and by i18n.spec.ts with the
 * placeholders each uses). Plural forms follow i18next: `key_one`, `key_other`.
 */
export function messageTable<const E extends Record<string, string>>(table: {
  en: E;
  es: { [K in keyof E]: string };
}): { en: E; es: { [K in keyof E]: string } } {
  return table;
}
