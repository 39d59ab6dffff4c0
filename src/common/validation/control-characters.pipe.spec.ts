import { InvalidInputError } from '../errors/domain-errors';
import { ControlCharactersPipe } from './control-characters.pipe';

describe('ControlCharactersPipe', () => {
  const pipe = new ControlCharactersPipe();
  const refusal = (value: unknown, data?: string) => {
    try {
      pipe.transform(value, { type: 'body', data });
    } catch (error) {
      if (error instanceof InvalidInputError) return error.fields.map((problem) => problem.field);
      throw error;
    }
    return [];
  };

  it('passes text with tabs, line breaks and any letters, unchanged', () => {
    const input = {
      title: 'Capacitación\tañadida',
      notes: ['línea 1\r\nlínea 2'],
      at: new Date(0),
    };
    expect(pipe.transform(input, { type: 'body', data: 'input' })).toBe(input);
  });

  it('names every field holding a control character, nested and in lists', () => {
    expect(
      refusal(
        {
          title: 'a\u0000b',
          description: 'fine',
          languages: ['es', 'e\u001bn'],
          parties: [{ comment: 'ok' }, { comment: 'bell\u0007' }],
          nothing: null,
        },
        'input',
      ),
    ).toEqual(['title', 'languages[1]', 'parties[1].comment']);
  });

  it('names a scalar argument by its own name', () => {
    expect(refusal('done\u007f', 'summary')).toEqual(['summary']);
    expect(refusal('done', 'summary')).toEqual([]);
  });

  it('leaves anything that is not a GraphQL argument alone', () => {
    const context = { text: '\u0000' };
    expect(pipe.transform(context, { type: 'custom' })).toBe(context);
  });
});
