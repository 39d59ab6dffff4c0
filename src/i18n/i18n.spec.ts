import { Locale } from '../common/locale';
import { CATALOGS, msg } from './catalogs';
import { english, isMessageKey, translate } from './translate';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

describe('the message catalogs', () => {
  const tables = Object.entries(CATALOGS);

  it.each(tables)('%s: every key in both languages, with the same placeholders', (_name, table) => {
    const en = table.en as Record<string, string>;
    const es = table.es as Record<string, string>;
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect({ key, placeholders: placeholders(es[key]) }).toEqual({
        key,
        placeholders: placeholders(en[key]),
      });
      expect(es[key].trim()).not.toBe('');
    }
  });

  it('reads a message in each language, lists as lists of that language, messages inside messages', () => {
    const notFound = msg('common.notFound', { entity: msg('common.entityNeed'), id: 'n1' });
    expect(translate(Locale.EN, notFound)).toBe('Need n1 was not found');
    expect(translate(Locale.ES, notFound)).toBe('No se encontró la necesidad n1');
    expect(english(msg('common.blank', { property: 'title' }))).toBe('title must not be blank');
    const list = { key: 'common.isEnum', params: { property: 'p', values: ['HN', 'GT', 'SV'] } };
    expect(translate(Locale.ES, list)).toBe('p debe ser uno de estos valores: HN, GT y SV');
    expect(translate(Locale.EN, list)).toBe(
      'p must be one of the following values: HN, GT, and SV',
    );
  });

  it('knows its keys', () => {
    expect(isMessageKey('common.blank')).toBe(true);
    expect(isMessageKey('common.nothing')).toBe(false);
  });
});
