import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ConflictError, FieldProblems } from '../common/errors/domain-errors';
import { Locale } from '../common/locale';
import { TransactionRunner } from '../database/transaction-runner';
import { msg } from '../i18n/catalogs';
import { Country } from './country.entity';
import { CreateWorkingGroupInput } from './dto/create-working-group.input';
import { WorkingGroup } from './working-group.entity';

export function countryName(country: Country, locale: Locale): string {
  return locale === Locale.ES ? country.nameEs : country.nameEn;
}

export function workingGroupName(group: WorkingGroup, locale: Locale): string {
  return locale === Locale.ES ? group.nameEs : group.nameEn;
}

export function workingGroupDescription(group: WorkingGroup, locale: Locale): string | null {
  return locale === Locale.ES ? group.descriptionEs : group.descriptionEn;
}

/** Every country and working group, by code: what the hot read paths look codes up in. */
interface ReferenceSnapshot {
  countries: Map<string, Country>;
  workingGroups: Map<string, WorkingGroup>;
}

/**
 * Countries and working groups: read by everyone, checked by every input that names them.
 * Lookups by code are answered from memory: both tables are small and, while the service
 * runs, only grow (countries change only with the seed, at start-up, before any lookup; a
 * working group, once created, is never changed or removed). So
 * the snapshot is dropped when this instance adds a working group, and re-read from the
 * database when a code is asked for that it does not hold, which is how an instance learns
 * of a working group that another instance created. Entities from the snapshot are shared
 * between requests: callers treat them as read-only.
 */
@Injectable()
export class ReferenceService {
  private snapshot?: Promise<ReferenceSnapshot>;

  constructor(
    @InjectRepository(Country) private readonly countries: Repository<Country>,
    @InjectRepository(WorkingGroup) private readonly workingGroups: Repository<WorkingGroup>,
    private readonly transactions: TransactionRunner,
  ) {}

  /** Sorted by name in the reader's language. */
  async listCountries(mirpsOnly: boolean, locale: Locale): Promise<Country[]> {
    const rows = await this.countries.find({ where: mirpsOnly ? { isMirpsState: true } : {} });
    const collator = new Intl.Collator(locale === Locale.ES ? 'es' : 'en');
    return rows.sort((a, b) => collator.compare(countryName(a, locale), countryName(b, locale)));
  }

  listWorkingGroups(): Promise<WorkingGroup[]> {
    return this.workingGroups.find({ order: { createdAt: 'ASC', code: 'ASC' } });
  }

  /** The countries with these codes; codes that name no country are absent. */
  async countriesByCodes(codes: readonly string[]): Promise<Country[]> {
    return this.lookUp(codes, (snapshot) => snapshot.countries);
  }

  /** The working groups with these codes; codes that name no working group are absent. */
  async workingGroupsByCodes(codes: readonly string[]): Promise<WorkingGroup[]> {
    return this.lookUp(codes, (snapshot) => snapshot.workingGroups);
  }

  private async lookUp<T>(
    codes: readonly string[],
    table: (snapshot: ReferenceSnapshot) => Map<string, T>,
  ): Promise<T[]> {
    let rows = table(await this.current());
    if (codes.some((code) => !rows.has(code))) {
      // Perhaps created since the snapshot was read (by another instance): read it again.
      this.snapshot = undefined;
      rows = table(await this.current());
    }
    return [...new Set(codes)].flatMap((code) => rows.get(code) ?? []);
  }

  private current(): Promise<ReferenceSnapshot> {
    if (!this.snapshot) {
      const loading = Promise.all([this.countries.find(), this.workingGroups.find()]).then(
        ([countries, groups]) => ({
          countries: new Map(countries.map((country) => [country.code, country])),
          workingGroups: new Map(groups.map((group) => [group.code, group])),
        }),
      );
      // A failed read is not kept: the next lookup tries again.
      loading.catch(() => {
        if (this.snapshot === loading) this.snapshot = undefined;
      });
      this.snapshot = loading;
    }
    return this.snapshot;
  }

  /**
   * Adds a problem to `problems` for each code that is not a seeded country (or, with
   * `mirpsOnly`, not a MIRPS state).
   */
  async checkCountryCodes(
    problems: FieldProblems,
    field: string,
    codes: readonly string[],
    options: { mirpsOnly: boolean },
  ): Promise<void> {
    if (codes.length === 0) return;
    const found = new Map((await this.countriesByCodes(codes)).map((c) => [c.code, c]));
    for (const code of new Set(codes)) {
      const country = found.get(code);
      if (!country) problems.add(field, msg('reference.notCountryCode', { code }));
      else if (options.mirpsOnly && !country.isMirpsState) {
        problems.add(field, msg('reference.notMirpsState', { code }));
      }
    }
  }

  /** Adds a problem to `problems` for each code that is not a working group. */
  async checkWorkingGroupCodes(
    problems: FieldProblems,
    field: string,
    codes: readonly string[],
  ): Promise<void> {
    if (codes.length === 0) return;
    const found = new Set((await this.workingGroupsByCodes(codes)).map((group) => group.code));
    for (const code of new Set(codes)) {
      if (!found.has(code)) problems.add(field, msg('reference.notWorkingGroupCode', { code }));
    }
  }

  async createWorkingGroup(input: CreateWorkingGroupInput): Promise<WorkingGroup> {
    const created = await this.transactions.run(async (manager) => {
      if (await manager.existsBy(WorkingGroup, { code: input.code })) {
        throw new ConflictError(
          msg('reference.workingGroupExists', { code: input.code }),
          'DUPLICATE',
        );
      }
      const group = manager.create(WorkingGroup, {
        code: input.code,
        nameEn: input.nameEn.trim(),
        nameEs: input.nameEs.trim(),
        descriptionEn: input.descriptionEn?.trim() || null,
        descriptionEs: input.descriptionEs?.trim() || null,
        createdAt: new Date(),
      });
      return manager.save(group);
    });
    this.snapshot = undefined;
    return created;
  }
}
