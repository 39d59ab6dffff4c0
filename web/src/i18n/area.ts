type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/**
 * One area's words (a group of screens), in Spanish and English: the English table must
 * have exactly the Spanish keys (the compiler checks it; so does
 * test/browser/catalogs.browser-spec.ts, with the placeholders). Read as `t('<area>.<key>')`.
 */
export function area<const S extends object>(table: { es: S; en: Strings<S> }) {
  return table;
}
