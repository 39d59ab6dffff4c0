import { isIsoCurrency, roundToCents, sumCents, toUsd } from './currency';

describe('currencies', () => {
  it('knows ISO 4217 codes, upper-case only', () => {
    for (const code of ['USD', 'EUR', 'CAD', 'MXN', 'HNL', 'GTQ', 'JPY']) {
      expect(isIsoCurrency(code)).toBe(true);
    }
    for (const code of ['usd', 'XXZ', 'EURO', '', 'US']) expect(isIsoCurrency(code)).toBe(false);
  });

  it('converts to US dollars at the rate, to the cent; USD at 1; null without a rate', () => {
    expect(toUsd(1_000_000, 'EUR', 1.08)).toBe(1_080_000);
    expect(toUsd(13_150_000, 'CAD', 0.7321)).toBe(9_627_115);
    expect(toUsd(250_000, 'USD', null)).toBe(250_000);
    expect(toUsd(0.125, 'USD', 0.5)).toBe(0.13);
    expect(toUsd(2_500, 'MXN', null)).toBeNull();
    expect(toUsd(1, 'JPY', 0.0066666)).toBe(0.01);
  });

  it('sums to the cent without floating-point residue', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumCents([0.1, 0.2])).toBe(0.3);
    expect(sumCents([])).toBe(0);
    expect(roundToCents(1.005 * 1000)).toBe(1005);
  });
});
