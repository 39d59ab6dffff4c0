import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { searchPatterns } from '../text';

/**
 * Keeps the rows whose folded `searchText` column contains every word of `search`,
 * ignoring case and accents ("capacitacion" finds "Capacitación").
 */
export function whereSearchMatches<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  search: string | undefined,
): SelectQueryBuilder<T> {
  searchPatterns(search ?? '').forEach((pattern, index) =>
    query.andWhere(`${query.alias}.searchText LIKE :searchWord${index} ESCAPE '\\'`, {
      [`searchWord${index}`]: pattern,
    }),
  );
  return query;
}
