import { validateSync } from 'class-validator';
import { english } from '../../i18n/translate';
import { IsName, IsText, nameProblem } from './text-rules';

class Sample {
  @IsName(1, 20)
  title: string;

  @IsText(1, 200)
  description: string;
}

/** The messages validation gives, by property; none when the sample is valid. */
function problems(values: Partial<Sample>): Record<string, string[]> {
  const sample = Object.assign(new Sample(), {
    title: 'Asylum',
    description: 'Training',
    ...values,
  });
  return Object.fromEntries(
    validateSync(sample).map((error) => [error.property, Object.values(error.constraints ?? {})]),
  );
}

describe('text rules', () => {
  it.each([
    ['spaces', '   '],
    ['zero-width spaces', '\u200B\u200B\u200B'],
    ['a byte-order mark, a word joiner and a no-break space', '\uFEFF\u2060\u00A0'],
    ['zero-width joiners and a soft hyphen', '\u200D\u200C\u00AD'],
    ['an ideographic space and a line break', '\u3000\n'],
  ])('calls a text of %s blank', (_, blank) => {
    expect(problems({ title: blank, description: blank })).toEqual({
      title: ['title must not be blank'],
      description: ['description must not be blank'],
    });
  });

  it.each([
    ['a right-to-left override', 'Asylum \u202Egniniart'],
    ['a left-to-right embedding', '\u202AAsylum'],
    ['a pop directional formatting', 'Asylum\u202C'],
    ['a first-strong isolate and its pop', '\u2068Asylum\u2069'],
  ])('refuses %s in a name or title, not in a longer text', (_, text) => {
    expect(problems({ title: text, description: text })).toEqual({
      title: [
        'title must not contain bidirectional control characters (U+202A–U+202E, U+2066–U+2069)',
      ],
    });
  });

  it('takes names in any script, with accents and marks that are visible', () => {
    for (const title of ['Capacitación', 'ልማት', 'التدريب', 'Ñandú', 'e\u0301xito']) {
      expect(problems({ title })).toEqual({});
    }
  });

  it('gives a service the same verdicts and messages for a name (nameProblem)', () => {
    expect(english(nameProblem('name', '\u200B')!)).toBe('name must not be blank');
    expect(english(nameProblem('name', '\u2067OIM\u2069')!)).toBe(
      'name must not contain bidirectional control characters (U+202A–U+202E, U+2066–U+2069)',
    );
    expect(nameProblem('name', 'OIM')).toBeUndefined();
  });
});
