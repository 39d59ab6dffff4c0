import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import type { User } from '../accounts/user.entity';
import { ConflictError, FieldProblems, NotFoundError } from '../common/errors/domain-errors';
import { ConnectionShape, PageArgs } from '../common/pagination/connection';
import { keysetPage } from '../common/pagination/keyset-page';
import { whereSearchMatches } from '../common/pagination/search-filter';
import { foldForSearch } from '../common/text';
import { checkNotNull, checkPeriod, definedOnly } from '../common/validation/input-rules';
import { TransactionRunner, writeLock } from '../database/transaction-runner';
import { OrganizationsService } from '../organizations/organizations.service';
import { ReferenceService } from '../reference/reference.service';
import { CreateOfferInput } from './dto/create-offer.input';
import { OfferFilter } from './dto/offer-filter.input';
import { UpdateOfferInput } from './dto/update-offer.input';
import { OfferEligibleCountry } from './offer-eligible-country.entity';
import { OfferStatus } from './offer-status';
import { OfferWorkingGroup } from './offer-working-group.entity';
import { Offer } from './offer.entity';
import { assertMayManageOffersOf } from './offer.policy';

function searchTextOf(offer: Pick<Offer, 'title' | 'description'>): string {
  return foldForSearch(`${offer.title}\n${offer.description}`);
}

/** OPEN while capacity is left, FULL when live twinnings hold all of it. */
function statusForCapacity(offer: Pick<Offer, 'capacity' | 'reservedCapacity'>): OfferStatus {
  return offer.reservedCapacity >= offer.capacity ? OfferStatus.FULL : OfferStatus.OPEN;
}

export function remainingCapacityOf(offer: Pick<Offer, 'capacity' | 'reservedCapacity'>): number {
  return Math.max(0, offer.capacity - offer.reservedCapacity);
}

@Injectable()
export class OffersService {
  constructor(
    @InjectRepository(Offer) private readonly offers: Repository<Offer>,
    @InjectRepository(OfferWorkingGroup)
    private readonly offerWorkingGroups: Repository<OfferWorkingGroup>,
    @InjectRepository(OfferEligibleCountry)
    private readonly offerEligibleCountries: Repository<OfferEligibleCountry>,
    private readonly reference: ReferenceService,
    private readonly organizations: OrganizationsService,
    private readonly transactions: TransactionRunner,
  ) {}

  async get(id: string): Promise<Offer> {
    const offer = await this.offers.findOneBy({ id });
    if (!offer) throw new NotFoundError('Offer', id);
    return offer;
  }

  list(filter: OfferFilter = {}, page: PageArgs = {}): Promise<ConnectionShape<Offer>> {
    const query = this.offers.createQueryBuilder('offer');
    if (filter.organizationId) {
      query.andWhere('offer.organizationId = :organization', {
        organization: filter.organizationId,
      });
    }
    if (filter.workingGroupCode) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM offer_working_groups serves WHERE serves.offerId = offer.id AND serves.workingGroupCode = :group)',
        { group: filter.workingGroupCode },
      );
    }
    if (filter.status) query.andWhere('offer.status = :status', { status: filter.status });
    return keysetPage(whereSearchMatches(query, filter.search), page);
  }

  /** The working groups of several offers at once, with the groups themselves. */
  workingGroupsOf(offerIds: readonly string[]): Promise<OfferWorkingGroup[]> {
    return this.offerWorkingGroups.find({
      where: { offerId: In([...offerIds]) },
      relations: { workingGroup: true },
      order: { workingGroupCode: 'ASC' },
    });
  }

  /** The eligible countries of several offers at once, with the countries themselves. */
  eligibleCountriesOf(offerIds: readonly string[]): Promise<OfferEligibleCountry[]> {
    return this.offerEligibleCountries.find({
      where: { offerId: In([...offerIds]) },
      relations: { country: true },
      order: { countryCode: 'ASC' },
    });
  }

  async create(user: User, input: CreateOfferInput): Promise<Offer> {
    assertMayManageOffersOf(user, input.organizationId);
    const problems = new FieldProblems();
    await this.organizations.checkExists(problems, 'organizationId', input.organizationId);
    await this.checkReferences(problems, input);
    checkPeriod(problems, 'availableTo', input.availableFrom, input.availableTo);
    problems.throwIfAny();

    const now = new Date();
    const offer = this.offers.create({
      organizationId: input.organizationId,
      title: input.title.trim(),
      description: input.description.trim(),
      modalities: input.modalities,
      languages: input.languages,
      capacity: input.capacity,
      reservedCapacity: 0,
      availableFrom: input.availableFrom ?? null,
      availableTo: input.availableTo ?? null,
      status: OfferStatus.OPEN,
      withdrawalReason: null,
      createdById: user.id,
      createdAt: now,
      updatedAt: now,
    });
    offer.searchText = searchTextOf(offer);
    return this.transactions.run(async (manager) => {
      const saved = await manager.save(offer);
      await this.replaceLinks(
        manager,
        saved.id,
        input.workingGroupCodes,
        input.eligibleCountryCodes ?? [],
      );
      return saved;
    });
  }

  async update(user: User, id: string, input: UpdateOfferInput): Promise<Offer> {
    const problems = new FieldProblems();
    checkNotNull(problems, input, [
      'workingGroupCodes',
      'title',
      'description',
      'modalities',
      'languages',
      'capacity',
    ]);
    await this.checkReferences(problems, input);
    problems.throwIfAny();

    return this.transactions.run(async (manager) => {
      const offer = await this.lockLiveOffer(manager, user, id, 'changed');
      const { workingGroupCodes, eligibleCountryCodes, ...fields } = input;
      const updated = Object.assign(offer, definedOnly(fields), {
        title: input.title?.trim() ?? offer.title,
        description: input.description?.trim() ?? offer.description,
      });
      const periodProblems = new FieldProblems();
      checkPeriod(periodProblems, 'availableTo', updated.availableFrom, updated.availableTo);
      periodProblems.throwIfAny();
      if (updated.capacity < updated.reservedCapacity) {
        throw new ConflictError(
          `Live twinnings already hold ${updated.reservedCapacity} of this offer's capacity: it cannot go below that`,
        );
      }
      updated.status = statusForCapacity(updated);
      updated.searchText = searchTextOf(updated);
      updated.updatedAt = new Date();
      const saved = await manager.save(updated);
      if (workingGroupCodes || eligibleCountryCodes !== undefined) {
        await this.replaceLinks(
          manager,
          id,
          workingGroupCodes ?? undefined,
          eligibleCountryCodes === undefined ? undefined : (eligibleCountryCodes ?? []),
        );
      }
      return saved;
    });
  }

  withdraw(user: User, id: string, reason?: string | null): Promise<Offer> {
    return this.transactions.run(async (manager) => {
      const offer = await this.lockLiveOffer(manager, user, id, 'withdrawn');
      if (offer.reservedCapacity > 0) {
        throw new ConflictError('The offer has live twinnings: cancel or complete them first');
      }
      offer.status = OfferStatus.WITHDRAWN;
      offer.withdrawalReason = reason?.trim() ?? null;
      offer.updatedAt = new Date();
      return manager.save(offer);
    });
  }

  private async checkReferences(
    problems: FieldProblems,
    input: Pick<UpdateOfferInput, 'workingGroupCodes' | 'eligibleCountryCodes'>,
  ): Promise<void> {
    await this.reference.checkWorkingGroupCodes(
      problems,
      'workingGroupCodes',
      input.workingGroupCodes ?? [],
    );
    await this.reference.checkCountryCodes(
      problems,
      'eligibleCountryCodes',
      input.eligibleCountryCodes ?? [],
      { mirpsOnly: true },
    );
  }

  /** A withdrawn offer is closed for good. */
  private async lockLiveOffer(
    manager: EntityManager,
    user: User,
    id: string,
    action: string,
  ): Promise<Offer> {
    const offer = await manager.findOne(Offer, { where: { id }, lock: writeLock(manager) });
    if (!offer) throw new NotFoundError('Offer', id);
    assertMayManageOffersOf(user, offer.organizationId);
    if (offer.status === OfferStatus.WITHDRAWN) {
      throw new ConflictError(`The offer is WITHDRAWN: it cannot be ${action}`);
    }
    return offer;
  }

  private async replaceLinks(
    manager: EntityManager,
    offerId: string,
    workingGroupCodes: string[] | undefined,
    eligibleCountryCodes: string[] | undefined,
  ): Promise<void> {
    if (workingGroupCodes) {
      await manager.delete(OfferWorkingGroup, { offerId });
      await manager.insert(
        OfferWorkingGroup,
        workingGroupCodes.map((workingGroupCode) => ({ offerId, workingGroupCode })),
      );
    }
    if (eligibleCountryCodes) {
      await manager.delete(OfferEligibleCountry, { offerId });
      if (eligibleCountryCodes.length > 0) {
        await manager.insert(
          OfferEligibleCountry,
          eligibleCountryCodes.map((countryCode) => ({ offerId, countryCode })),
        );
      }
    }
  }
}
