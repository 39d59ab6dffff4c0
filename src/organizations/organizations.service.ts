import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { User } from '../accounts/user.entity';
import { ConflictError, FieldProblems, NotFoundError } from '../common/errors/domain-errors';
import { foldForSearch } from '../common/text';
import { nameProblem } from '../common/validation/text-rules';
import { TransactionRunner, writeLock } from '../database/transaction-runner';
import { msg } from '../i18n/catalogs';
import { ReferenceService } from '../reference/reference.service';
import { CreateOrganizationInput } from './dto/create-organization.input';
import { OrganizationKind } from './organization-kind';
import { Organization } from './organization.entity';

function disabledMessage(organization: Organization) {
  return msg('organizations.organizationDisabled', { name: organization.name });
}

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

  /**
   * Adds a problem to `problems` when `id` names no organization, or (`active`) names a
   * disabled one: what is new (an offer, an account) cannot name a disabled organization,
   * what records the past (a pledge, a chair term) can.
   */
  async checkExists(
    problems: FieldProblems,
    field: string,
    id: string,
    { active = false }: { active?: boolean } = {},
  ): Promise<void> {
    const organization = await this.organizations.findOneBy({ id });
    if (!organization) {
      problems.add(field, msg('organizations.noSuchOrganization', { id }));
    } else if (active && !organization.active) {
      problems.add(field, disabledMessage(organization));
    }
  }

  /**
   * Inside a running transaction: CONFLICT (ORGANIZATION_DISABLED) when the organization is
   * disabled. Read under a share lock (FOR SHARE where the engine has row locks), so a
   * proposal and the organization's disabling cannot pass each other, while proposals to
   * its offers do not wait on one another.
   */
  async assertActive(manager: EntityManager, id: string): Promise<void> {
    const organization = await manager.findOne(Organization, {
      where: { id },
      lock: writeLock(manager) && { mode: 'pessimistic_read' },
    });
    if (organization && !organization.active) {
      throw new ConflictError(disabledMessage(organization), 'ORGANIZATION_DISABLED');
    }
  }

  /** The ids of the disabled organizations, in id order: few, and what matching leaves out. */
  async disabledIds(): Promise<string[]> {
    const rows = await this.organizations.find({
      select: { id: true },
      where: { active: false },
      order: { id: 'ASC' },
    });
    return rows.map((row) => row.id);
  }

  /**
   * Secretariat: enables or disables an organization. Disabling ends every session of its
   * focal points (their tokens are revoked, and stay so when it is enabled again); setting
   * the state it already has changes nothing.
   */
  setActive(id: string, active: boolean): Promise<Organization> {
    return this.transactions.run(async (manager) => {
      const organization = await manager.findOne(Organization, {
        where: { id },
        lock: writeLock(manager),
      });
      if (!organization) throw new NotFoundError('Organization', id);
      if (organization.active === active) return organization;
      organization.active = active;
      if (!active) await manager.increment(User, { organizationId: id }, 'tokenVersion', 1);
      return manager.save(organization);
    });
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
