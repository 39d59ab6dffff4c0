import { InvalidInputError } from '../errors/domain-errors';
import { decodeCursor, encodeCursor } from './keyset-page';

describe('cursors', () => {
  const node = {
    id: '0f8fad5b-d9cb-469f-a165-70867728950e',
    createdAt: new Date('2026-05-12T14:30:00.123Z'),
  };

  it('round-trip the position of a row', () => {
    expect(decodeCursor(encodeCursor(node))).toEqual(node);
  });

  it.each(['', 'garbage', Buffer.from('v1:yesterday|abc').toString('base64url')])(
    'refuse %j as BAD_USER_INPUT on `after`',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(InvalidInputError);
      try {
        decodeCursor(cursor);
      } catch (error) {
        expect((error as InvalidInputError).fields).toEqual([
          {
            field: 'after',
            message: 'is not a cursor this list returned',
            i18n: { key: 'common.cursor' },
          },
        ]);
      }
    },
  );
});
