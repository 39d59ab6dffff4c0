/**
 * The ceiling of `npm run bench:http`: a bare Apollo Server (standalone, no Nest, no
 * database, no authentication) with the service's own schema, answering the benchmark's
 * query from the same data held in memory. Started by bench/http.ts as
 * `node -r ts-node/register/transpile-only bench/ceiling-server.ts PORT`.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchData, NeedRow, OfferRow, OrganizationRow, PartyRow, TwinningRow } from './http-data';

countries.registerLocale(english);

const data = benchData();
const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));
const organizations = byId(data.organizations);
const offers = byId(data.offers);
const workingGroups = new Map(data.workingGroups.map((group) => [group.code, group]));
// As the service lists them: newest first, ties broken by id.
const newestFirst = <T extends { id: string; createdAt: Date }>(a: T, b: T) =>
  b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id);
const needs = [...data.needs].sort(newestFirst);
const twinningsOfNeed = new Map<string, TwinningRow[]>();
for (const twinning of [...data.twinnings].sort(newestFirst)) {
  for (const needId of twinning.needIds) {
    twinningsOfNeed.set(needId, [...(twinningsOfNeed.get(needId) ?? []), twinning]);
  }
}

const country = (code: string | null) => (code === null ? null : { code });
const cursorOf = (node: NeedRow) =>
  Buffer.from(`v1:${node.createdAt.toISOString()}|${node.id}`).toString('base64url');

const resolvers = {
  Query: {
    needs: (_: unknown, args: { first?: number }) => {
      const first = args.first ?? 20;
      const page = needs.slice(0, first);
      const edges = page.map((node) => ({ cursor: cursorOf(node), node }));
      return {
        totalCount: needs.length,
        edges,
        pageInfo: {
          hasNextPage: needs.length > first,
          endCursor: edges.length ? edges[edges.length - 1].cursor : null,
        },
      };
    },
  },
  Need: {
    country: (need: NeedRow) => country(need.countryCode),
    workingGroup: (need: NeedRow) => workingGroups.get(need.workingGroupCode),
    twinnings: (need: NeedRow) => twinningsOfNeed.get(need.id) ?? [],
  },
  TwinningArrangement: {
    offer: (twinning: TwinningRow) => offers.get(twinning.offerId),
  },
  Offer: {
    organization: (offer: OfferRow) => organizations.get(offer.organizationId),
  },
  Organization: {
    country: (organization: OrganizationRow) => country(organization.countryCode),
  },
  TwinningParty: {
    country: (party: PartyRow) => country(party.countryCode),
    organization: (party: PartyRow) =>
      party.organizationId === null ? null : organizations.get(party.organizationId),
  },
  Country: {
    name: (place: { code: string }) => countries.getName(place.code, 'en') ?? place.code,
  },
  WorkingGroup: {
    name: (group: { nameEn: string }) => group.nameEn,
  },
};

async function main(): Promise<void> {
  const port = Number(process.argv[2]);
  const server = new ApolloServer({
    typeDefs: readFileSync(join(__dirname, '..', 'schema.gql'), 'utf8'),
    resolvers,
  });
  const { url } = await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
  console.log(`ceiling listens on ${url}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
