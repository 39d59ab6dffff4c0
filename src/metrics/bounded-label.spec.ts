import { BoundedLabel, ERROR_CODE, OPERATION_NAME, OPERATION_NAMES } from './bounded-label';

describe('BoundedLabel', () => {
  it('keeps a value that fits, up to the capacity, then says "other" for new ones', () => {
    const label = new BoundedLabel(OPERATION_NAME, 2);
    expect(
      ['First', 'Second', 'Third', 'First', 'Second', 'Fourth'].map((v) => label.valueOf(v)),
    ).toEqual(['First', 'Second', 'other', 'First', 'Second', 'other']);
  });

  it('says "other" for a value that does not fit, without spending the capacity', () => {
    const label = new BoundedLabel(OPERATION_NAME, 1);
    expect(label.valueOf('with space')).toBe('other');
    expect(label.valueOf('9Digits')).toBe('other');
    expect(label.valueOf('Fits')).toBe('Fits');
  });

  it('takes operation names of up to 64 characters, and OPERATION_NAMES of them', () => {
    const label = new BoundedLabel(OPERATION_NAME, OPERATION_NAMES);
    expect(label.valueOf(`_${'a'.repeat(63)}`)).toBe(`_${'a'.repeat(63)}`);
    expect(label.valueOf(`_${'a'.repeat(64)}`)).toBe('other');
    for (let n = 1; n < OPERATION_NAMES; n++)
      expect(label.valueOf(`Operation${n}`)).not.toBe('other');
    expect(label.valueOf('OneTooMany')).toBe('other');
    expect(label.valueOf('Operation1')).toBe('Operation1');
  });

  it('takes error codes as the service writes them, and a fallback of its own', () => {
    const label = new BoundedLabel(ERROR_CODE, 10, 'OTHER');
    expect(
      ['UNAUTHENTICATED', 'GRAPHQL_PARSE_FAILED', 'lower', 'A"B'].map((v) => label.valueOf(v)),
    ).toEqual(['UNAUTHENTICATED', 'GRAPHQL_PARSE_FAILED', 'OTHER', 'OTHER']);
  });
});
