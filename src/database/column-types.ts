import { ColumnOptions, getMetadataArgsStorage } from 'typeorm';

export type DatabaseEngine = 'sqlite' | 'postgres';

/**
 * The columns whose type differs by engine, and what each engine stores them as.
 *
 * - `timestamp`: SQLite has no date type (TypeORM's `datetime` is UTC text with
 *   milliseconds); PostgreSQL gets `timestamptz(3)`, milliseconds like a JS Date, so a
 *   keyset cursor (a JS Date) compares equal to the row it came from.
 * - `uuid`: a column holding another row's UUID key. On PostgreSQL a foreign key needs the
 *   type of the key it references (`uuid`); SQLite keeps the `varchar(36)` its deployed
 *   files were built with.
 */
const TYPES_BY_ENGINE = {
  timestamp: {
    sqlite: { type: 'datetime', precision: undefined },
    postgres: { type: 'timestamp with time zone', precision: 3 },
  },
  uuid: {
    sqlite: { type: 'varchar', length: 36 },
    postgres: { type: 'uuid', length: undefined },
  },
} satisfies Record<string, Record<DatabaseEngine, ColumnOptions>>;

type EngineColumnKind = keyof typeof TYPES_BY_ENGINE;
type EngineColumnOptions = Omit<ColumnOptions, 'type' | 'length' | 'precision'>;

/**
 * Marks the options of an engine-dependent column. TypeORM keeps the options given to a
 * column decorator (or a copy, which carries the mark along) in its metadata storage and
 * reads them when a DataSource builds its metadata, at `initialize()`: setting their types
 * just before is enough, and nothing is decided at import time.
 */
const ENGINE_COLUMN = Symbol('engine-dependent column');
type MarkedOptions = ColumnOptions & { [ENGINE_COLUMN]?: EngineColumnKind };

/** The options given, with the type (and length or precision) SQLite stores them as. */
function engineColumn<O extends EngineColumnOptions>(kind: EngineColumnKind, options: O): O {
  return { ...options, ...TYPES_BY_ENGINE[kind].sqlite, [ENGINE_COLUMN]: kind };
}

/** Options of a timestamp column: `@Column(timestampColumn({ nullable: true }))`. */
export function timestampColumn<O extends EngineColumnOptions = Record<never, never>>(
  options?: O,
): NoInfer<O> {
  return engineColumn('timestamp', options ?? ({} as O));
}

/**
 * Options of a column holding the UUID key of another row: `@Column(uuidColumn())`, or
 * `@PrimaryColumn(uuidColumn())` in a join table.
 */
export function uuidColumn<O extends EngineColumnOptions = Record<never, never>>(
  options?: O,
): NoInfer<O> {
  return engineColumn('uuid', options ?? ({} as O));
}

/**
 * Gives the engine-dependent columns of every entity the types of `engine`. Called by
 * `dataSourceOptions`, so a DataSource is always built with the types of its own engine
 * (a process that opens DataSources of both engines, as a test may, opens them in turn).
 */
export function useColumnTypesOf(engine: DatabaseEngine): void {
  for (const column of getMetadataArgsStorage().columns) {
    const options: MarkedOptions = column.options;
    const kind = options[ENGINE_COLUMN];
    if (kind) Object.assign(options, TYPES_BY_ENGINE[kind][engine]);
  }
}
