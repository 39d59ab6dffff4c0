import DataLoader from 'dataloader';

/**
 * The DataLoaders of one GraphQL request. Each module asks for its loaders by name and
 * gives the batch function; the first field that needs a loader creates it, and every
 * later field of the same request shares it, so a page of N rows costs one query per
 * relation instead of N. A new instance is made per request: nothing is cached across
 * users or requests.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, batch: DataLoader.BatchLoadFn<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch);
      this.loaders.set(name, loader);
    }
    return loader;
  }
}

/** Orders batch results by the keys DataLoader asked for; missing keys become `null`. */
export function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const index = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => index.get(key) ?? null);
}

/** Groups batch results per key, for one-to-many relations; keys without rows get `[]`. */
export function groupByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/** For relations the database guarantees (a foreign key): a missing row is a fault, not input. */
export async function loadRequired<K, V>(
  loader: DataLoader<K, V | null>,
  key: K,
  what: string,
): Promise<V> {
  const value = await loader.load(key);
  if (value === null) throw new Error(`${what} ${String(key)} is missing`);
  return value;
}
