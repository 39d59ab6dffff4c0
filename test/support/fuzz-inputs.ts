import fc from 'fast-check';

/**
 * Hostile and random values for the fuzz tests: strings an attacker or a broken client
 * sends, numbers at and beyond the edges of GraphQL's Int, ids of nothing and of other
 * people's records. Everything here is plain data; `PoolRef` stands for an id that exists
 * at the moment the call is made (see `resolvePoolRefs`).
 */

export const INJECTIONS = [
  // SQL
  "' OR '1'='1",
  "'; DROP TABLE needs; --",
  "Robert'); DROP TABLE users;--",
  '" OR ""="',
  '1; SELECT * FROM users',
  "' UNION SELECT passwordHash FROM users --",
  '%',
  '_',
  '\\',
  "\\'",
  // GraphQL
  '{ __schema { types { name } } }',
  '") { id } } mutation { createUser(input: {email: "x@y", password: "123456789012", role: SECRETARIAT}) { id } } #',
  '$input',
  '...on Mutation { __typename }',
  '#',
  // HTML, templates, paths, formats
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '${7*7}',
  '{{7*7}}',
  '../../../../etc/passwd',
  '%s%s%s%n',
  '{"$gt": ""}',
  '__proto__',
  'constructor',
] as const;

export const UNICODE_EDGES = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF',
  'x\uD83D',
  '\uDE00y',
  '\u202Eevil\u202C',
  '\u200F\u200E',
  '\u200B',
  '\u200B\u200C\u200D\u2060\uFEFF',
  'e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301',
  'Z\u0334\u0321\u0322\u034E\u0330a\u0337l\u0336g\u0335o\u0338',
  '\uFFFD\uFFFE\uFFFF',
  '👩🏽‍⚖️🇭🇳',
  '\u00A0\u2003\u3000',
  '\r\n\t\u000B\u000C',
  'İıßǅﬁ',
  '\u0085\u2028\u2029',
  '𝓽𝓲𝓽𝓵𝓮',
] as const;

/**
 * Size of the longest strings sent, in bytes of JSON: a little under the 100 KB request
 * body limit (a lone surrogate takes 6 bytes, `\ud800`; an emoji 4).
 */
export const HUGE = 90_000;

/** `unit` repeated to about `bytes` bytes of JSON. */
export function repeatTo(unit: string, bytes: number): string {
  const size = Buffer.byteLength(JSON.stringify(unit)) - 2;
  return unit.repeat(Math.max(1, Math.floor(bytes / size)));
}

/** Any UTF-16 code unit, lone surrogates and control characters included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  fc.constantFrom(...UNICODE_EDGES),
  fc.string({ unit: codeUnit, maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '   ', '\t\n'),
  fc
    .tuple(
      fc.constantFrom(...INJECTIONS, ...UNICODE_EDGES, 'x', 'é'),
      fc.constantFrom(201, 1001, 5001, 20_000),
    )
    .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length))),
  fc.constantFrom('x', '😀', '\u0301', '\uD800', '<', '\u0000').map((unit) => repeatTo(unit, HUGE)),
);

/** Numbers at and past the edges of GraphQL's Int and of the service's ranges. */
export const hostileNumber: fc.Arbitrary<number | string> = fc.oneof(
  fc.constantFrom(
    0,
    -1,
    -0,
    1,
    2 ** 31 - 1,
    2 ** 31,
    -(2 ** 31),
    -(2 ** 31) - 1,
    2 ** 53,
    Number.MAX_SAFE_INTEGER + 2,
    1e308,
    -1e308,
    1.5,
    0.1,
    1001,
    999_999,
    1_000_000,
    1_000_001,
    1_000_000_001,
  ),
  fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e3', '0x10', '1', '', ' 1', '١٢٣'),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Date-times that are not, or are at the very edge of what Date can hold. */
export const hostileDate: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    '2026-13-45T00:00:00.000Z',
    '2026-02-30T00:00:00Z',
    '0000-01-01T00:00:00.000Z',
    '+275760-09-13T00:00:00.000Z',
    '-271821-04-20T00:00:00.000Z',
    '9999-12-31T23:59:59.999Z',
    '1970-01-01T00:00:00Z',
    '2026-06-01',
    '2026-06-01T25:61:61Z',
    'yesterday',
    'Invalid Date',
    // What a lax DateTime took (issue 11): a year before 0000, no offset, the edges of the
    // domain's 1990-2100 and an offset that moves a date past them.
    '-000001-01-01T00:00:00Z',
    '2026-06-01T00:00:00',
    '1989-12-31T23:59:59.999Z',
    '1990-01-01T00:00:00Z',
    '2100-12-31T23:59:59.999Z',
    '2101-01-01T00:00:00Z',
    '2100-12-31T20:00:00-06:00',
    '2026-06-01T09:00:00+14:00',
    '2026-06-30T23:59:60Z',
  ),
  fc
    .date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true })
    .map((date) => date.toISOString()),
  fc.constantFrom(0, -1, 1700000000, 1e15, 8.64e15 + 1),
  fc
    .date({ min: new Date('1985-01-01'), max: new Date('2105-01-01'), noInvalidDate: true })
    .map((date) => date.toISOString()),
);

/** Ids that name nothing or are not ids at all. */
export const hostileId: fc.Arbitrary<unknown> = fc.oneof(
  fc.uuid(),
  fc.constantFrom(
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    "00000000-0000-4000-8000-000000000000' OR '1'='1",
    '1',
    '-1',
  ),
  fc.integer(),
  hostileString,
);

/** A value of any JSON type: the wrong type for almost every argument. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null) },
  {
    weight: 1,
    arbitrary: fc.array(fc.oneof(hostileString, hostileNumber, fc.constant(null)), {
      maxLength: 5,
    }),
  },
  { weight: 1, arbitrary: fc.dictionary(hostileString, hostileString, { maxKeys: 3 }) },
);

/** A list of up to `maxLength` items of `item`, sometimes with the same item twice. */
export function hostileList<T>(item: fc.Arbitrary<T>, maxLength = 25): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.array(item, { maxLength }),
    item.map((value) => [value, value]),
    fc.constant([]),
    anyJson,
  );
}

/** An id that exists when the call is made: the `index`-th (modulo) record of `pool`. */
export class PoolRef {
  constructor(
    readonly pool: string,
    readonly index: number,
  ) {}
}

export function fromPool(pool: string): fc.Arbitrary<PoolRef> {
  return fc.nat().map((index) => new PoolRef(pool, index));
}

/** Replaces every PoolRef inside `value` with an id of its pool (an unknown id if empty). */
export function resolvePoolRefs(value: unknown, pools: Record<string, string[]>): unknown {
  if (value instanceof PoolRef) {
    const ids = pools[value.pool] ?? [];
    return ids.length ? ids[value.index % ids.length] : '00000000-0000-4000-8000-000000000001';
  }
  if (Array.isArray(value)) return value.map((item) => resolvePoolRefs(item, pools));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, resolvePoolRefs(item, pools)]),
    );
  }
  return value;
}

const KEEP = Symbol('keep');
const DROP = Symbol('drop');

/**
 * A valid object with some of its fields spoiled: each field named in `hostile` is kept
 * (most often), replaced by a value of its own hostile arbitrary or by any JSON value, or
 * left out; now and then an unknown field is added. A third of the values are left valid,
 * so that calls also get through to the service and write.
 */
export function spoiled(
  validValue: Record<string, unknown> | fc.Arbitrary<Record<string, unknown>>,
  hostile: Record<string, fc.Arbitrary<unknown>>,
): fc.Arbitrary<Record<string, unknown>> {
  const validArbitrary = validValue instanceof fc.Arbitrary ? validValue : fc.constant(validValue);
  const fields = Object.keys(hostile);
  const choice = (field: string): fc.Arbitrary<unknown> =>
    fc.oneof(
      { weight: 16, arbitrary: fc.constant(KEEP) },
      { weight: 3, arbitrary: hostile[field] ?? anyJson },
      { weight: 1, arbitrary: anyJson },
      { weight: 1, arbitrary: fc.constant(DROP) },
    );
  const spoiledArbitrary = fc
    .tuple(
      validArbitrary,
      fc.record(Object.fromEntries(fields.map((field) => [field, choice(field)]))),
      fc.option(fc.tuple(hostileString, anyJson), { freq: 10 }),
    )
    .map(([valid, choices, extra]) => {
      const result: Record<string, unknown> = { ...valid };
      for (const field of fields) {
        const picked = choices[field];
        if (picked === DROP) delete result[field];
        else if (picked !== KEEP) result[field] = picked;
      }
      if (extra) result[extra[0] || 'unknownField'] = extra[1];
      return result;
    });
  return fc.oneof(
    { weight: 1, arbitrary: validArbitrary },
    { weight: 2, arbitrary: spoiledArbitrary },
  );
}

/** GraphQL's literal for a JSON value (strings stay strings, so enum fields are refused). */
export function toGraphQLLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '"NaN"';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(toGraphQLLiteral).join(', ')}]`;
  const fields = Object.entries(value as Record<string, unknown>)
    .filter(([key]) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(key))
    .map(([key, item]) => `${key}: ${toGraphQLLiteral(item)}`);
  return `{ ${fields.join(', ')} }`;
}
