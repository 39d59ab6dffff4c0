import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Need } from '../src/needs/need.entity';
import { NeedStatus, Priority } from '../src/needs/need-enums';
import { OfferEligibleCountry } from '../src/offers/offer-eligible-country.entity';
import { OfferStatus } from '../src/offers/offer-status';
import { OfferWorkingGroup } from '../src/offers/offer-working-group.entity';
import { Offer } from '../src/offers/offer.entity';
import { Organization } from '../src/organizations/organization.entity';
import { OrganizationKind } from '../src/organizations/organization-kind';
import { Modality } from '../src/reference/modality';
import { WorkingGroup } from '../src/reference/working-group.entity';
import { User } from '../src/accounts/user.entity';
import { seededRandom, syntheticData, WORKING_GROUPS } from '../test/support/synthetic-data';

/** Postings seeded here stay valid for a year: none expires while the bench runs. */
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;
import { SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD, startTestApp } from '../test/support/test-app';

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

/**
 * Latencies of `suggestedOffers` over real HTTP against the whole service on SQLite,
 * with `offers` open offers and `needs` open needs stored; the first request (which
 * builds the engine's index) is not counted.
 */
export async function graphqlSuggestionLatencies(options: {
  offers: number;
  needs: number;
  requests: number;
}): Promise<number[]> {
  const app = await startTestApp();
  try {
    const data = syntheticData({ needs: options.needs, offers: options.offers, seed: 99 });
    const secretariat = await app.dataSource.getRepository(User).findOneByOrFail({
      email: SECRETARIAT_EMAIL,
    });
    const now = Date.now();
    const needIds = await app.dataSource.transaction(async (manager) => {
      await manager.insert(
        WorkingGroup,
        WORKING_GROUPS.map((code) => ({ code, nameEn: code, nameEs: code, createdAt: new Date() })),
      );
      const organization = await manager.save(
        manager.create(Organization, {
          name: 'Benchmark member',
          nameKey: 'benchmark member',
          kind: OrganizationKind.STATE,
          countryCode: 'CA',
          createdAt: new Date(),
        }),
      );
      const ids = new Map<string, string>();
      const needRows = data.needs.map((need, index) => {
        const id = randomUUID();
        ids.set(need.id, id);
        return {
          id,
          countryCode: need.countryCode,
          workingGroupCode: need.workingGroupCode,
          title: need.title,
          description: need.description,
          modalities: need.modalities as Modality[],
          languages: [...need.languages],
          beneficiaries: null,
          earliestStart: date(need.earliestStart),
          latestEnd: date(need.latestEnd),
          napReference: null,
          priority: Priority.MEDIUM,
          status: NeedStatus.OPEN,
          withdrawalReason: null,
          searchText: need.title.toLowerCase(),
          createdById: secretariat.id,
          createdAt: new Date(now + index),
          updatedAt: new Date(now + index),
          openedAt: new Date(now + index),
          expiresAt: new Date(now + YEAR_MS),
        };
      });
      for (let start = 0; start < needRows.length; start += 500) {
        await manager.insert(Need, needRows.slice(start, start + 500));
      }
      const offerRows = data.offers.map((offer, index) => ({
        id: randomUUID(),
        organizationId: organization.id,
        title: offer.title,
        description: offer.description,
        modalities: offer.modalities as Modality[],
        languages: [...offer.languages],
        capacity: offer.capacity,
        reservedCapacity: 0,
        availableFrom: date(offer.availableFrom),
        availableTo: date(offer.availableTo),
        status: OfferStatus.OPEN,
        withdrawalReason: null,
        searchText: offer.title.toLowerCase(),
        createdById: secretariat.id,
        createdAt: new Date(now + index),
        updatedAt: new Date(now + index),
        openedAt: new Date(now + index),
        expiresAt: new Date(now + YEAR_MS),
      }));
      for (let start = 0; start < offerRows.length; start += 500) {
        await manager.insert(Offer, offerRows.slice(start, start + 500));
      }
      const groupLinks = data.offers.flatMap((offer, index) =>
        offer.workingGroupCodes.map((workingGroupCode) => ({
          offerId: offerRows[index].id,
          workingGroupCode,
        })),
      );
      const countryLinks = data.offers.flatMap((offer, index) =>
        offer.eligibleCountryCodes.map((countryCode) => ({
          offerId: offerRows[index].id,
          countryCode,
        })),
      );
      for (let start = 0; start < groupLinks.length; start += 2000) {
        await manager.insert(OfferWorkingGroup, groupLinks.slice(start, start + 2000));
      }
      for (let start = 0; start < countryLinks.length; start += 2000) {
        await manager.insert(OfferEligibleCountry, countryLinks.slice(start, start + 2000));
      }
      return [...ids.values()];
    });

    await app.app.listen(0, '127.0.0.1');
    const server = app.app.getHttpServer() as Server;
    const { port } = server.address() as AddressInfo;
    const token = await app.login(SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD);
    const query = `query ($needId: ID!) {
      suggestedOffers(needId: $needId, first: 10) {
        score reasons { factor weight score detail }
        offer { id title organization { name } workingGroups { code } }
        need { id title country { code name } }
      }
    }`;
    const ask = async (needId: string) => {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables: { needId } }),
      });
      const body = (await response.json()) as { errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    };
    const random = seededRandom(5);
    const pick = () => needIds[Math.floor(random() * needIds.length)];
    for (let warm = 0; warm < 20; warm += 1) await ask(pick());
    const samples: number[] = [];
    for (let request = 0; request < options.requests; request += 1) {
      const started = performance.now();
      await ask(pick());
      samples.push(performance.now() - started);
    }
    return samples;
  } finally {
    await app.close();
  }
}
