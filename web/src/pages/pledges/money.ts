import { useFormat } from '../../components/format';

/** Amounts in a currency, in the page's language ("13.150.000,00 CAD" / "CA$13,150,000.00"). */
export function useMoney() {
  const { locale } = useFormat();
  return {
    in: (amount: number, currency: string) => {
      try {
        return new Intl.NumberFormat(locale, {
          style: 'currency',
          currency,
          currencyDisplay: 'code',
        }).format(amount);
      } catch {
        return `${new Intl.NumberFormat(locale).format(amount)} ${currency}`;
      }
    },
    usd: (amount: number) =>
      new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: 'USD',
        currencyDisplay: 'code',
      }).format(amount),
  };
}
