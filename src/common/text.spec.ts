import { foldForSearch, searchPatterns } from './text';

describe('foldForSearch', () => {
  it('lower-cases and strips accents so Spanish and plain spellings meet', () => {
    expect(foldForSearch('Capacitación en ADJUDICACIÓN, niñas y mujeres')).toBe(
      'capacitacion en adjudicacion, ninas y mujeres',
    );
  });
});

describe('searchPatterns', () => {
  it('makes one escaped LIKE pattern per word', () => {
    expect(searchPatterns('  Género   asilo ')).toEqual(['%genero%', '%asilo%']);
  });

  it('escapes LIKE wildcards and the escape character', () => {
    expect(searchPatterns('100% a_b c\\d')).toEqual(['%100\\%%', '%a\\_b%', '%c\\\\d%']);
  });

  it('gives nothing for a blank search', () => {
    expect(searchPatterns('   ')).toEqual([]);
  });
});
