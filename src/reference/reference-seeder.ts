import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner';
import { Country } from './country.entity';
import { countrySeeds, WORKING_GROUP_SEEDS } from './reference-data';
import { WorkingGroup } from './working-group.entity';

export interface SeedReport {
  countriesAdded: number;
  countriesRenamed: number;
  workingGroupsAdded: number;
}

/**
 * Seeds the reference data at start-up, idempotently: a second start changes nothing.
 * Countries follow the library's names; working groups are only added, never
 * overwritten, because the secretariat may edit them.
 */
@Injectable()
export class ReferenceSeeder implements OnApplicationBootstrap {
  private readonly log = new Logger(ReferenceSeeder.name);

  constructor(private readonly transactions: TransactionRunner) {}

  async onApplicationBootstrap(): Promise<void> {
    const report = await this.seed();
    this.log.log(
      `Reference data: ${report.countriesAdded} countries added, ${report.countriesRenamed} renamed, ` +
        `${report.workingGroupsAdded} working groups added`,
    );
  }

  seed(): Promise<SeedReport> {
    return this.transactions.run(async (manager) => ({
      ...(await this.seedCountries(manager)),
      workingGroupsAdded: await this.seedWorkingGroups(manager),
    }));
  }

  private async seedCountries(
    manager: EntityManager,
  ): Promise<Pick<SeedReport, 'countriesAdded' | 'countriesRenamed'>> {
    const existing = new Map((await manager.find(Country)).map((c) => [c.code, c]));
    const added: Country[] = [];
    const renamed: Country[] = [];
    for (const seed of countrySeeds()) {
      const current = existing.get(seed.code);
      if (!current) added.push(manager.create(Country, seed));
      else if (
        current.nameEn !== seed.nameEn ||
        current.nameEs !== seed.nameEs ||
        current.isMirpsState !== seed.isMirpsState
      ) {
        renamed.push(Object.assign(current, seed));
      }
    }
    if (added.length > 0) await manager.insert(Country, added);
    if (renamed.length > 0) await manager.save(Country, renamed);
    return { countriesAdded: added.length, countriesRenamed: renamed.length };
  }

  private async seedWorkingGroups(manager: EntityManager): Promise<number> {
    const existing = new Set((await manager.find(WorkingGroup)).map((group) => group.code));
    const now = new Date();
    const added = WORKING_GROUP_SEEDS.filter((seed) => !existing.has(seed.code)).map((seed) =>
      manager.create(WorkingGroup, { ...seed, createdAt: now }),
    );
    if (added.length > 0) await manager.insert(WorkingGroup, added);
    return added.length;
  }
}
