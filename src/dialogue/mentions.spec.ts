import { MAX_MENTIONS, mentionedEmails, newlyMentioned } from './mentions';

describe('mentions in a comment', () => {
  it('reads @ and an e-mail address, lower case, each once, in order', () => {
    expect(
      mentionedEmails('@Focal@HN.test, could you ask @member@irb.test? Thanks @focal@hn.test.'),
    ).toEqual(['focal@hn.test', 'member@irb.test']);
  });

  it('ends an address at its domain: punctuation after it is not part of it', () => {
    expect(mentionedEmails('(@a.b-c+d@mail.gob.hn).')).toEqual(['a.b-c+d@mail.gob.hn']);
    expect(mentionedEmails('Ask @focal@hn.test; then @other@gt.test!')).toEqual([
      'focal@hn.test',
      'other@gt.test',
    ]);
  });

  it('is not a plain address, nor an @ inside a word or an address', () => {
    expect(mentionedEmails('write to focal@hn.test')).toEqual([]);
    expect(mentionedEmails('me@focal@hn.test and x.@focal@hn.test')).toEqual([]);
    expect(mentionedEmails('@focal and @ focal@hn.test and @focal@localhost')).toEqual([]);
  });

  it(`notifies at most ${MAX_MENTIONS}`, () => {
    const body = Array.from({ length: 30 }, (_, i) => `@p${i}@hn.test`).join(' ');
    const emails = mentionedEmails(body);
    expect(emails).toHaveLength(MAX_MENTIONS);
    expect(emails[0]).toBe('p0@hn.test');
    expect(emails[MAX_MENTIONS - 1]).toBe(`p${MAX_MENTIONS - 1}@hn.test`);
  });

  it('on an edit, tells only those not mentioned before', () => {
    expect(newlyMentioned('@a@hn.test @b@gt.test', 'hello @A@hn.test')).toEqual(['b@gt.test']);
    expect(newlyMentioned('no one', '@a@hn.test')).toEqual([]);
  });
});
