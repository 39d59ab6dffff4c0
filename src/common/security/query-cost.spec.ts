import { buildSchema, parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { itemsEstimator } from './query-cost';

const schema = buildSchema(`
  type Country { code: String! name: String! }
  type Need { id: ID! languages: [String!]! country: Country! twinnings: [Twinning!]! }
  type Twinning { id: ID! needs: [Need!]! }
  type NeedEdge { cursor: String! node: Need! }
  type NeedConnection { totalCount: Int! edges: [NeedEdge!]! }
  type Query { needs(first: Int): NeedConnection! need(id: ID!): Need! }
`);

function cost(query: string, variables: Record<string, unknown> = {}): number {
  return getComplexity({ schema, query: parse(query), variables, estimators: [itemsEstimator] });
}

describe('the query cost estimate', () => {
  it('counts each field once, a list of scalars included', () => {
    expect(cost('{ need(id: "1") { id languages country { code name } } }')).toBe(6);
  });

  it('multiplies a paged field by its page size, from a literal or a variable, and edges by nothing more', () => {
    // needs: 1 + 100 × (totalCount 1 + edges (1 + node (1 + id 1))) = 1 + 100 × 4
    expect(cost('{ needs(first: 100) { totalCount edges { node { id } } } }')).toBe(401);
    expect(
      cost('query ($n: Int) { needs(first: $n) { totalCount edges { node { id } } } }', { n: 100 }),
    ).toBe(401);
  });

  it('takes the default page size when no first is given', () => {
    expect(cost('{ needs { totalCount edges { node { id } } } }')).toBe(81);
  });

  it('counts 10 items for a list without a page size', () => {
    // need 1 + twinnings (1 + 10 × (needs 1 + 10 × id 1))
    expect(cost('{ need(id: "1") { twinnings { needs { id } } } }')).toBe(1 + 1 + 10 * (1 + 10));
  });
});
