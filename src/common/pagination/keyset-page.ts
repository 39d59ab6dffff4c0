import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { msg } from '../../i18n/catalogs';
import { InvalidInputError } from '../errors/domain-errors';
import { ConnectionShape, DEFAULT_PAGE_SIZE, PageArgs } from './connection';

/** Entities listed newest first carry these two columns; together they order rows totally. */
export interface Listable extends ObjectLiteral {
  id: string;
  createdAt: Date;
}

interface CursorPosition {
  createdAt: Date;
  id: string;
}

const CURSOR_PREFIX = 'v1:';

export function encodeCursor(node: Listable): string {
  return Buffer.from(`${CURSOR_PREFIX}${node.createdAt.toISOString()}|${node.id}`).toString(
    'base64url',
  );
}

export function decodeCursor(cursor: string): CursorPosition {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^v1:(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)\|([0-9a-f-]{36})$/.exec(decoded);
  const createdAt = match ? new Date(match[1]) : null;
  if (!match || !createdAt || Number.isNaN(createdAt.getTime())) {
    throw InvalidInputError.of('after', msg('common.cursor'));
  }
  return { createdAt, id: match[2] };
}

/**
 * How many rows the filtered list holds. TypeORM's getCount() always counts
 * `DISTINCT id`, which makes the database build a temporary index of every matching id on
 * each call; the list queries select from one table (their filters are `EXISTS`
 * subqueries), so `COUNT(*)` is the same number, read straight from an index.
 */
async function countOf<T extends Listable>(query: SelectQueryBuilder<T>): Promise<number> {
  if (query.expressionMap.joinAttributes.length > 0) return query.clone().getCount();
  const row = await query
    .clone()
    .select('COUNT(*)', 'rows')
    .orderBy()
    .getRawOne<{ rows: number | string }>();
  return Number(row?.rows ?? 0);
}

/**
 * One page of a filtered list, newest first (or `oldest` first, as a thread reads), with
 * keyset pagination on (createdAt, id): stable under inserts, and the same on SQLite and
 * PostgreSQL because the cursor's timestamp is converted by the driver exactly as the
 * column is stored.
 */
export async function keysetPage<T extends Listable>(
  query: SelectQueryBuilder<T>,
  page: PageArgs,
  order: 'newest' | 'oldest' = 'newest',
): Promise<ConnectionShape<T>> {
  const alias = query.alias;
  const totalCount = await countOf(query);
  const first = page.first ?? DEFAULT_PAGE_SIZE;

  if (page.after) {
    const position = decodeCursor(page.after);
    const createdAtColumn =
      query.expressionMap.mainAlias!.metadata.findColumnWithPropertyName('createdAt')!;
    const createdAt: unknown = query.connection.driver.preparePersistentValue(
      position.createdAt,
      createdAtColumn,
    );
    const beyond = order === 'newest' ? '<' : '>';
    query.andWhere(
      `(${alias}.createdAt ${beyond} :cursorCreatedAt OR (${alias}.createdAt = :cursorCreatedAt AND ${alias}.id ${beyond} :cursorId))`,
      { cursorCreatedAt: createdAt, cursorId: position.id },
    );
  }

  const direction = order === 'newest' ? 'DESC' : 'ASC';
  const rows = await query
    .orderBy(`${alias}.createdAt`, direction)
    .addOrderBy(`${alias}.id`, direction)
    .limit(first + 1)
    .getMany();

  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(node), node }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > first,
      endCursor: edges.length > 0 ? edges[edges.length - 1].cursor : null,
    },
  };
}
