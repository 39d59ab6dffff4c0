import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { ConflictError, FieldProblems } from '../common/errors/domain-errors';
import { Locale } from '../common/locale';
import { TransactionRunner } from '../database/transaction-runner';
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

/** Countries and working groups: read by everyone, checked by every input that names them. */
@Injectable()
export class ReferenceService {
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

  countriesByCodes(codes: readonly string[]): Promise<Country[]> {
    return this.countries.findBy({ code: In([...codes]) });
  }

  workingGroupsByCodes(codes: readonly string[]): Promise<WorkingGroup[]> {
    return this.workingGroups.findBy({ code: In([...codes]) });
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
      if (!country) problems.add(field, `"${code}" is not an ISO 3166-1 alpha-2 country code`);
      else if (options.mirpsOnly && !country.isMirpsState) {
        problems.add(field, `"${code}" is not a MIRPS state`);
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
      if (!found.has(code)) problems.add(field, `"${code}" is not a working group code`);
    }
  }

  createWorkingGroup(input: CreateWorkingGroupInput): Promise<WorkingGroup> {
    return this.transactions.run(async (manager) => {
      if (await manager.existsBy(WorkingGroup, { code: input.code })) {
        throw new ConflictError(`Working group ${input.code} already exists`);
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
  }
}
