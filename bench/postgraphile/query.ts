/**
 * The peer's version of the benchmark's read (NEEDS_PAGE_QUERY in bench/http-data.ts) in
 * PostGraphile 5's names, and the map from its answer to the service's shape, so that the
 * two answers can be compared field by field on the same database.
 *
 * The same 20 needs in the same order: newest first by createdAt, ties by id descending
 * (the service's keyset order). Amber's `id` is the Node interface's global id: a row's
 * uuid key is its `rowId`. A need's twinnings come from `needs_twinnings(need)`, a
 * computed-column function bench/http.ts adds to the benchmark's schema (the only way
 * through the link table `twinning_needs` that PostGraphile can order by the twinning's
 * own columns), ordered like the service: newest first, ties by id descending. A
 * twinning's parties: the organization's side first (its organizationId is set, the
 * countries' is NULL, and ascending order puts NULLs last), then the countries by code.
 */
export const PEER_NEEDS_PAGE_QUERY = `query NeedsPage {
  allNeeds(first: 20, orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) {
    totalCount
    pageInfo { hasNextPage }
    edges {
      node {
        rowId title status priority languages modalities beneficiaries createdAt updatedAt
        countryByCountryCode { code nameEn }
        workingGroupByWorkingGroupCode { code nameEn }
        twinnings(orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) {
          nodes {
            rowId status note createdAt updatedAt confirmedAt completedAt
            offerByOfferId { rowId title organizationByOrganizationId { rowId name } }
            twinningPartiesByTwinningId(orderBy: [ORGANIZATION_ID_ASC, COUNTRY_CODE_ASC]) {
              nodes {
                response respondedAt comment
                countryByCountryCode { code nameEn }
                organizationByOrganizationId { rowId name }
              }
            }
          }
        }
      }
    }
  }
}`;

/** How every answer of the peer to PEER_NEEDS_PAGE_QUERY begins (autocannon checks it). */
export const PEER_ANSWER_START = '{"data":{"allNeeds":{"totalCount":';

/** The computed column behind `Need.twinnings`, in the benchmark's schema. */
export function needsTwinningsFunction(schema: string): string[] {
  const name = `"${schema}"."needs_twinnings"("need" "${schema}"."needs")`;
  return [
    `CREATE FUNCTION ${name} RETURNS SETOF "${schema}"."twinnings" LANGUAGE sql STABLE AS $$
      SELECT "twinning".* FROM "${schema}"."twinnings" "twinning"
      JOIN "${schema}"."twinning_needs" "link" ON "link"."twinningId" = "twinning"."id"
      WHERE "link"."needId" = "need"."id"
    $$`,
    // PostGraphile 5 offers orderBy on a function's connection only when told to.
    `COMMENT ON FUNCTION ${name} IS '@behavior +orderBy +order'`,
  ];
}

/** The tables PEER_NEEDS_PAGE_QUERY reads: all the peer's role may SELECT. */
export const PEER_TABLES = [
  'needs',
  'countries',
  'working_groups',
  'twinnings',
  'twinning_needs',
  'offers',
  'organizations',
  'twinning_parties',
];

interface Named {
  code: string;
  nameEn: string;
}
interface Organization {
  rowId: string;
  name: string;
}
interface PeerNeed {
  rowId: string;
  title: string;
  status: string;
  priority: string;
  languages: string;
  modalities: string;
  beneficiaries: number | null;
  createdAt: string;
  updatedAt: string;
  countryByCountryCode: Named;
  workingGroupByWorkingGroupCode: Named;
  twinnings: {
    nodes: {
      rowId: string;
      status: string;
      note: string | null;
      createdAt: string;
      updatedAt: string;
      confirmedAt: string | null;
      completedAt: string | null;
      offerByOfferId: {
        rowId: string;
        title: string;
        organizationByOrganizationId: Organization;
      };
      twinningPartiesByTwinningId: {
        nodes: {
          response: string;
          respondedAt: string | null;
          comment: string | null;
          countryByCountryCode: Named | null;
          organizationByOrganizationId: Organization | null;
        }[];
      };
    }[];
  };
}
export interface PeerAnswer {
  allNeeds: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean };
    edges: { node: PeerNeed }[];
  };
}

/** PostgreSQL's text of a timestamptz ("2025-01-06T15:00:00.5+00:00") as the service writes it. */
const iso = (value: string) => new Date(value).toISOString();
const isoOrNull = (value: string | null) => (value === null ? null : iso(value));

/**
 * The service's cursor of a need (src/common/pagination/keyset-page.ts, encodeCursor), made
 * from the need's own createdAt and id: the peer's cursors are its own opaque strings, so
 * `cursor` and `endCursor` are compared through the two columns they encode.
 */
const cursorOf = (node: PeerNeed) =>
  Buffer.from(`v1:${iso(node.createdAt)}|${node.rowId}`).toString('base64url');

/**
 * A place's name: the service answers a request without Accept-Language in English, from
 * the `nameEn` column of `countries` (filled from the ISO code by its reference seeder) or
 * `working_groups`; the peer reads that column.
 */
const place = (named: Named) => ({ code: named.code, name: named.nameEn });

const organization = (found: Organization) => ({ id: found.rowId, name: found.name });

/**
 * The peer's answer in the service's shape (the fields of NEEDS_PAGE_QUERY, in its order).
 * Besides the cursors and names above: `languages` and `modalities` are the JSON text the
 * service stores in those `text` columns (TypeORM simple-json), parsed; timestamps are
 * PostgreSQL's text of the same instant, written as ISO 8601 in UTC like the service.
 */
export function toServiceShape(answer: PeerAnswer): unknown {
  const { totalCount, pageInfo, edges } = answer.allNeeds;
  const mapped = edges.map(({ node }) => ({
    cursor: cursorOf(node),
    node: {
      id: node.rowId,
      title: node.title,
      status: node.status,
      priority: node.priority,
      languages: JSON.parse(node.languages) as unknown,
      modalities: JSON.parse(node.modalities) as unknown,
      beneficiaries: node.beneficiaries,
      createdAt: iso(node.createdAt),
      updatedAt: iso(node.updatedAt),
      country: place(node.countryByCountryCode),
      workingGroup: place(node.workingGroupByWorkingGroupCode),
      twinnings: node.twinnings.nodes.map((twinning) => ({
        id: twinning.rowId,
        status: twinning.status,
        note: twinning.note,
        createdAt: iso(twinning.createdAt),
        updatedAt: iso(twinning.updatedAt),
        confirmedAt: isoOrNull(twinning.confirmedAt),
        completedAt: isoOrNull(twinning.completedAt),
        offer: {
          id: twinning.offerByOfferId.rowId,
          title: twinning.offerByOfferId.title,
          organization: organization(twinning.offerByOfferId.organizationByOrganizationId),
        },
        parties: twinning.twinningPartiesByTwinningId.nodes.map((party) => ({
          response: party.response,
          respondedAt: isoOrNull(party.respondedAt),
          comment: party.comment,
          country: party.countryByCountryCode && place(party.countryByCountryCode),
          organization:
            party.organizationByOrganizationId && organization(party.organizationByOrganizationId),
        })),
      })),
    },
  }));
  return {
    needs: {
      totalCount,
      pageInfo: {
        hasNextPage: pageInfo.hasNextPage,
        endCursor: mapped.length > 0 ? mapped[mapped.length - 1].cursor : null,
      },
      edges: mapped,
    },
  };
}

/**
 * Where two JSON values differ, field by field: each path with both values (at most
 * `limit` of them); none when they are equal, the order of keys and of list items included.
 */
export function differences(a: unknown, b: unknown, limit = 10, path = '$'): string[] {
  const found: string[] = [];
  const walk = (x: unknown, y: unknown, at: string) => {
    if (found.length >= limit) return;
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length) found.push(`${at}: ${x.length} items vs ${y.length}`);
      for (let i = 0; i < Math.min(x.length, y.length); i++) walk(x[i], y[i], `${at}[${i}]`);
    } else if (isObject(x) && isObject(y)) {
      const keysX = Object.keys(x);
      const keysY = Object.keys(y);
      if (keysX.join() !== keysY.join())
        found.push(`${at}: keys ${keysX.join()} vs ${keysY.join()}`);
      for (const key of keysX) if (key in y) walk(x[key], y[key], `${at}.${key}`);
    } else if (JSON.stringify(x) !== JSON.stringify(y)) {
      found.push(`${at}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}`);
    }
  };
  walk(a, b, path);
  return found;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
