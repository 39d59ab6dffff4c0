import { dateOf, integerOf, listOf, textOf } from './import-values';

describe('import cell values', () => {
  it('reads dates from date cells, ISO text and day-first text', () => {
    const cell = new Date(Date.UTC(2027, 2, 1));
    expect(dateOf(cell)).toBe(cell);
    expect(dateOf('2027-03-01')).toEqual(new Date(Date.UTC(2027, 2, 1)));
    expect(dateOf('2027-03-01T10:00:00Z')).toEqual(new Date(Date.UTC(2027, 2, 1, 10)));
    expect(dateOf('01/03/2027')).toEqual(new Date(Date.UTC(2027, 2, 1)));
    expect(dateOf('1/3/2027')).toEqual(new Date(Date.UTC(2027, 2, 1)));
    expect(dateOf('31/02/2027')).toBe('31/02/2027');
    expect(dateOf('pronto')).toBe('pronto');
    expect(dateOf(null)).toBeUndefined();
    expect(dateOf('  ')).toBeUndefined();
  });

  it('reads integers as either locale writes them', () => {
    expect(integerOf(12)).toBe(12);
    expect(integerOf('1.200')).toBe(1200);
    expect(integerOf('1,200')).toBe(1200);
    expect(integerOf('40')).toBe(40);
    expect(integerOf('cuarenta')).toBe('cuarenta');
    expect(integerOf('2,5')).toBe('2,5');
    expect(integerOf(null)).toBeUndefined();
  });

  it('splits lists and trims text', () => {
    expect(listOf('Capacitación, Taller')).toEqual(['Capacitación', 'Taller']);
    expect(listOf('es; en')).toEqual(['es', 'en']);
    expect(listOf('')).toBeUndefined();
    expect(textOf('  HN ')).toBe('HN');
    expect(textOf(new Date(Date.UTC(2027, 0, 5)))).toBe('2027-01-05');
  });
});
