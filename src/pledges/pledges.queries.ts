import { In, LessThanOrEqual, Repository } from 'typeorm';
import { ExchangeRate } from './exchange-rate.entity';

/**
 * The rate in force at `at` of each of these currencies that has one: the latest by
 * `asOf` not after `at`, the later recorded of two with the same `asOf`. One statement;
 * the history of a few currencies is short.
 */
export async function ratesInForce(
  rates: Repository<ExchangeRate>,
  currencies: readonly string[],
  at: Date,
): Promise<Map<string, number>> {
  const inForce = new Map<string, number>();
  if (currencies.length === 0) return inForce;
  const rows = await rates.find({
    where: { currency: In([...new Set(currencies)]), asOf: LessThanOrEqual(at) },
    order: { asOf: 'ASC', recordedAt: 'ASC', id: 'ASC' },
  });
  for (const row of rows) inForce.set(row.currency, row.usdPerUnit);
  return inForce;
}
