import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { ConflictError, FieldProblems } from '../common/errors/domain-errors';
import { foldForSearch } from '../common/text';
import { nameProblem } from '../common/validation/text-rules';
import { TransactionRunner } from '../database/transaction-runner';
import { msg } from '../i18n/catalogs';
import { ReferenceService } from '../reference/reference.service';
import { CreateOrganizationInput } from './dto/create-organization.input';
import { OrganizationKind } from './organization-kind';
import { Organization } from './organization.entity';

/** "  UNHCR " and "unhcr" are the same organization. */
function nameKeyOf(name: string): string {
  return foldForSearch(name).replace(/\s+/g, ' ').trim();
}

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    private readonly reference: ReferenceService,
    private readonly transactions: TransactionRunner,
  ) {}

  list(kind?: OrganizationKind): Promise<Organization[]> {
    return this.organizations.find({
      where: kind ? { kind } : {},
      order: { nameKey: 'ASC' },
    });
  }

  /** How many organizations are of `kind` (PRIVATE_SECTOR: the partners network). */
  countOfKind(kind: OrganizationKind): Promise<number> {
    return this.organizations.countBy({ kind });
  }

  byIds(ids: readonly string[]): Promise<Organization[]> {
    return this.organizations.findBy({ id: In([...ids]) });
  }

  findById(id: string): Promise<Organization | null> {
    return this.organizations.findOneBy({ id });
  }

  /** Adds a problem to `problems` when `id` names no organization. */
  async checkExists(problems: FieldProblems, field: string, id: string): Promise<void> {
    if (!(await this.organizations.existsBy({ id }))) {
      problems.add(field, msg('organizations.noSuchOrganization', { id }));
    }
  }

  async create(input: CreateOrganizationInput): Promise<Organization> {
    const name = input.name.trim().replace(/\s+/g, ' ');
    const problems = new FieldProblems();
    const problem = nameProblem('name', name);
    if (problem) problems.add('name', problem);
    if (input.countryCode) {
      await this.reference.checkCountryCodes(problems, 'countryCode', [input.countryCode], {
        mirpsOnly: false,
      });
    }
    problems.throwIfAny();

    return this.transactions.run(async (manager) => {
      const nameKey = nameKeyOf(name);
      if (await manager.existsBy(Organization, { nameKey })) {
        throw new ConflictError(msg('organizations.nameTaken', { name }), 'DUPLICATE');
      }
      return manager.save(
        manager.create(Organization, {
          name,
          nameKey,
          kind: input.kind,
          countryCode: input.countryCode ?? null,
          createdAt: new Date(),
        }),
      );
    });
  }
}
