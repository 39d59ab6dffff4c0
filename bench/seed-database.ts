import { DataSource } from 'typeorm';
import type { BenchData } from './http-data';

/**
 * Bulk inserts of `data` through the service's own entities, into the tables its
 * migrations made (`npm run bench:http` and `bench:web`); `readers` become observers with
 * the secretariat's password (its hash: scrypt runs at sign-in only).
 */
export async function seedDatabase(
  databaseUrl: string,
  data: BenchData,
  secretariatEmail: string,
  readers: readonly string[] = [],
): Promise<void> {
  // Loaded here: the entities' column types follow the engine of the URL.
  const { dataSourceOptions } = await import('../src/database/data-source-options');
  const dataSource = new DataSource({ ...dataSourceOptions(databaseUrl), migrationsRun: false });
  await dataSource.initialize();
  try {
    await dataSource.transaction(async (manager) => {
      const { id: secretariatId, passwordHash } = await manager
        .getRepository<{ id: string; email: string; passwordHash: string }>('User')
        .findOneByOrFail({ email: secretariatEmail });
      const insert = async (entity: string, rows: object[], size = 400) => {
        for (let start = 0; start < rows.length; start += size) {
          await manager.insert(entity, rows.slice(start, start + size));
        }
      };
      await insert(
        'User',
        readers.map((email) => ({ email, passwordHash, role: 'OBSERVER', createdAt: new Date() })),
      );
      await insert('WorkingGroup', data.workingGroups);
      await insert('Organization', data.organizations);
      await insert(
        'Need',
        data.needs.map((need) => ({ ...need, createdById: secretariatId })),
      );
      await insert(
        'Offer',
        data.offers.map(({ workingGroupCodes: _, eligibleCountryCodes: __, ...offer }) => ({
          ...offer,
          createdById: secretariatId,
        })),
      );
      await insert(
        'OfferWorkingGroup',
        data.offers.flatMap((offer) =>
          offer.workingGroupCodes.map((workingGroupCode) => ({
            offerId: offer.id,
            workingGroupCode,
          })),
        ),
        2000,
      );
      await insert(
        'OfferEligibleCountry',
        data.offers.flatMap((offer) =>
          offer.eligibleCountryCodes.map((countryCode) => ({ offerId: offer.id, countryCode })),
        ),
        2000,
      );
      await insert(
        'TwinningArrangement',
        data.twinnings.map(({ needIds: _, parties: __, history: ___, ...twinning }) => ({
          ...twinning,
          createdById: secretariatId,
        })),
      );
      await insert(
        'TwinningNeed',
        data.twinnings.flatMap((twinning) =>
          twinning.needIds.map((needId) => ({ twinningId: twinning.id, needId })),
        ),
        2000,
      );
      await insert(
        'TwinningParty',
        data.twinnings.flatMap((twinning) =>
          twinning.parties.map((party) => ({
            ...party,
            respondedById: party.respondedAt ? secretariatId : null,
          })),
        ),
      );
      await insert(
        'StatusChange',
        data.twinnings.flatMap((twinning) =>
          twinning.history.map((change) => ({ ...change, byId: secretariatId })),
        ),
      );
    });
  } finally {
    await dataSource.destroy();
  }
}
