/** United States dollars: the unit every total is given in, at 1 per unit. */
export const USD = 'USD';

/** The ISO 4217 codes this runtime knows (Intl's list: current currencies, no funds codes). */
const ISO_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** Whether `code` is an upper-case ISO 4217 currency code. */
export function isIsoCurrency(code: string): boolean {
  return ISO_CURRENCIES.has(code);
}

/** Money is reported to the cent. */
export function roundToCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}

/**
 * An amount in US dollars at `usdPerUnit` (1 for USD itself), to the cent; null without a
 * rate.
 */
export function toUsd(
  amount: number,
  currency: string,
  usdPerUnit: number | null | undefined,
): number | null {
  if (currency === USD) return roundToCents(amount);
  if (usdPerUnit === null || usdPerUnit === undefined) return null;
  return roundToCents(amount * usdPerUnit);
}

/** The sum of amounts already in cents, to the cent (no floating-point residue). */
export function sumCents(amounts: readonly number[]): number {
  return amounts.reduce((total, amount) => total + Math.round(amount * 100), 0) / 100;
}
