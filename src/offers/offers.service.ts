import { Clock } from '../common/clock/clock';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { And, EntityManager, In, LessThanOrEqual, MoreThan, Repository } from 'typeorm';
import type { User } from '../accounts/user.entity';
import { ConflictError, FieldProblems, NotFoundError } from '../common/errors/domain-errors';
import { ConnectionShape, PageArgs } from '../common/pagination/connection';
import { keysetPage } from '../common/pagination/keyset-page';
import { whereSearchMatches } from '../common/pagination/search-filter';
import { foldForSearch } from '../common/text';
import { checkNotNull, checkPeriod, definedOnly } from '../common/validation/input-rules';
import { TransactionRunner, writeLock } from '../database/transaction-runner';
import { EventBus } from '../events/event-bus';
import { PostingValidity } from '../expiry/posting-validity';
import { msg } from '../i18n/catalogs';
import { OrganizationsService } from '../organizations/organizations.service';
import { ReferenceService } from '../reference/reference.service';
import { CreateOfferInput } from './dto/create-offer.input';
import { OfferFilter } from './dto/offer-filter.input';
import { UpdateOfferInput } from './dto/update-offer.input';
import { OfferEligibleCountry } from './offer-eligible-country.entity';
import {
  assertOfferAllows,
  INITIAL_OFFER_STATUS,
  OFFER_TRANSITIONS,
  OfferAction,
  offerStatusAfter,
  offerStatusesAllowing,
  opensOffer,
} from './offer-state';
import { OfferStatus } from './offer-status';
import { OfferWorkingGroup } from './offer-working-group.entity';
import { Offer } from './offer.entity';
import { assertMayManageOffersOf } from './offer.policy';

function searchTextOf(offer: Pick<Offer, 'title' | 'description'>): string {
  return foldForSearch(`${offer.title}\n${offer.description}`);
}

export function remainingCapacityOf(offer: Pick<Offer, 'capacity' | 'reservedCapacity'>): number {
  return Math.max(0, offer.capacity - offer.reservedCapacity);
}

/** What a twinning needs to know of its offer, read inside the twinning's transaction. */
export interface OfferTerms {
  offer: Offer;
  workingGroupCodes: string[];
  /** Empty: open to every MIRPS state. */
  eligibleCountryCodes: string[];
}

@Injectable()
export class OffersService {
  constructor(
    private readonly clock: Clock,
    @InjectRepository(Offer) private readonly offers: Repository<Offer>,
    @InjectRepository(OfferWorkingGroup)
    private readonly offerWorkingGroups: Repository<OfferWorkingGroup>,
    @InjectRepository(OfferEligibleCountry)
    private readonly offerEligibleCountries: Repository<OfferEligibleCountry>,
    private readonly reference: ReferenceService,
    private readonly organizations: OrganizationsService,
    private readonly transactions: TransactionRunner,
    private readonly events: EventBus,
    private readonly validity: PostingValidity,
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
        'EXISTS (SELECT 1 FROM "offer_working_groups" "serves" WHERE "serves"."offerId" = "offer"."id" AND "serves"."workingGroupCode" = :group)',
        { group: filter.workingGroupCode },
      );
    }
    if (filter.status) query.andWhere('offer.status = :status', { status: filter.status });
    return keysetPage(whereSearchMatches(query, filter.search), page);
  }

  /**
   * Every OPEN offer of an active organization, in id order: what the matching engine works
   * on (a disabled organization's offers are never suggested).
   */
  listOpen(): Promise<Offer[]> {
    return this.offers.find({
      where: { status: OfferStatus.OPEN, organization: { active: true } },
      order: { id: 'ASC' },
    });
  }

  /**
   * Changes whenever an offer is added or changed (every write moves updatedAt), or an
   * organization is disabled or enabled, so a cache built from `listOpen` can tell it is
   * stale.
   */
  async changeStamp(): Promise<string> {
    const [offers, disabled] = await Promise.all([
      this.offersStamp(),
      this.organizations.disabledIds(),
    ]);
    return `${offers}/${disabled.join(',')}`;
  }

  private async offersStamp(): Promise<string> {
    const row = await this.offers
      .createQueryBuilder('offer')
      .select('COUNT(*)', 'rows')
      .addSelect('MAX(offer.updatedAt)', 'latest')
      .getRawOne<{ rows: number | string; latest: string | Date | null }>();
    const latest = row?.latest instanceof Date ? row.latest.toISOString() : String(row?.latest);
    return `${String(row?.rows ?? 0)}@${latest}`;
  }

  byIds(ids: readonly string[]): Promise<Offer[]> {
    return this.offers.findBy({ id: In([...ids]) });
  }

  /**
   * Inside a running transaction: the offer re-read under a write lock, with the working
   * groups it serves and the states it is open to; null when no offer has this id.
   */
  async lockTerms(manager: EntityManager, id: string): Promise<OfferTerms | null> {
    const offer = await manager.findOne(Offer, { where: { id }, lock: writeLock(manager) });
    if (!offer) return null;
    const groups = await manager.find(OfferWorkingGroup, { where: { offerId: id } });
    const eligible = await manager.find(OfferEligibleCountry, { where: { offerId: id } });
    return {
      offer,
      workingGroupCodes: groups.map((link) => link.workingGroupCode).sort(),
      eligibleCountryCodes: eligible.map((link) => link.countryCode).sort(),
    };
  }

  /**
   * Inside a running transaction: reserves `count` units of the offer's capacity for a
   * twinning. The offer is re-read under a write lock, so two transactions racing for
   * the last unit cannot both win: the second sees it taken and gets a CONFLICT.
   */
  async reserveCapacity(manager: EntityManager, offerId: string, count: number): Promise<Offer> {
    const offer = await this.lockOffer(manager, offerId);
    assertOfferAllows(offer, OfferAction.RESERVE);
    const remaining = remainingCapacityOf(offer);
    if (remaining < count) {
      throw new ConflictError(
        msg('offers.capacityExhausted', { remaining, capacity: offer.capacity, count }),
        'CAPACITY_EXHAUSTED',
      );
    }
    return this.saveReservation(
      manager,
      offer,
      offer.reservedCapacity + count,
      OfferAction.RESERVE,
    );
  }

  /** Inside a running transaction: gives back `count` units a twinning held. */
  async releaseCapacity(manager: EntityManager, offerId: string, count: number): Promise<Offer> {
    const offer = await this.lockOffer(manager, offerId);
    if (offer.reservedCapacity < count) {
      // The books do not balance: a fault, not the caller's input.
      throw new Error(
        `Offer ${offerId} holds ${offer.reservedCapacity} units, cannot release ${count}`,
      );
    }
    return this.saveReservation(
      manager,
      offer,
      offer.reservedCapacity - count,
      OfferAction.RELEASE,
    );
  }

  /** The (offer, working group) links of several offers, without loading the groups. */
  workingGroupLinksOf(offerIds: readonly string[]): Promise<OfferWorkingGroup[]> {
    return this.offerWorkingGroups.find({
      where: { offerId: In([...offerIds]) },
      order: { offerId: 'ASC', workingGroupCode: 'ASC' },
    });
  }

  /** The (offer, eligible country) links of several offers, without loading the countries. */
  eligibleCountryLinksOf(offerIds: readonly string[]): Promise<OfferEligibleCountry[]> {
    return this.offerEligibleCountries.find({
      where: { offerId: In([...offerIds]) },
      order: { offerId: 'ASC', countryCode: 'ASC' },
    });
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

  /**
   * createOffer's checks past the input's own rules (class-validator): who may post for
   * the organization, the references, the period. FORBIDDEN or BAD_USER_INPUT. Imports call
   * it for every row: one set of rules.
   */
  async checkNew(user: User, input: CreateOfferInput): Promise<void> {
    assertMayManageOffersOf(user, input.organizationId);
    const problems = new FieldProblems();
    await this.organizations.checkExists(problems, 'organizationId', input.organizationId, {
      active: true,
    });
    await this.checkReferences(problems, input);
    checkPeriod(problems, 'availableTo', input.availableFrom, input.availableTo);
    problems.throwIfAny();
  }

  /**
   * One row of an import, checked already (`checkNew`): posts the offer, or changes the
   * organization's offer with the same title as updateOffer does (its rules: CONFLICT when
   * it may not change). An offer that would not change is left alone, so importing a file
   * again writes nothing; with `dryRun`, nothing is written and the outcome is told.
   */
  async importOne(
    user: User,
    input: CreateOfferInput,
    dryRun: boolean,
  ): Promise<'created' | 'updated' | 'unchanged'> {
    const offer = await this.offers.findOne({
      where: { organizationId: input.organizationId, title: input.title.trim() },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    if (!offer) {
      if (!dryRun) await this.create(user, input);
      return 'created';
    }
    const [groups, countries] = await Promise.all([
      this.workingGroupsOf([offer.id]),
      this.eligibleCountriesOf([offer.id]),
    ]);
    const sorted = (codes: readonly string[]) => JSON.stringify([...new Set(codes)].sort());
    const sameDate = (a: Date | null, b: Date | null | undefined) =>
      (a?.getTime() ?? null) === (b?.getTime() ?? null);
    const unchanged =
      offer.description === input.description.trim() &&
      JSON.stringify(offer.modalities) === JSON.stringify(input.modalities) &&
      JSON.stringify(offer.languages) === JSON.stringify(input.languages) &&
      offer.capacity === input.capacity &&
      sameDate(offer.availableFrom, input.availableFrom) &&
      sameDate(offer.availableTo, input.availableTo) &&
      sorted(groups.map((link) => link.workingGroupCode)) === sorted(input.workingGroupCodes) &&
      sorted(countries.map((link) => link.countryCode)) ===
        sorted(input.eligibleCountryCodes ?? []);
    if (unchanged) return 'unchanged';
    if (dryRun) {
      assertMayManageOffersOf(user, offer.organizationId);
      assertOfferAllows(offer, OfferAction.CHANGE);
    } else {
      const { organizationId: _organization, ...changes } = input;
      await this.update(user, offer.id, {
        ...changes,
        availableFrom: input.availableFrom ?? null,
        availableTo: input.availableTo ?? null,
        eligibleCountryCodes: input.eligibleCountryCodes ?? [],
      });
    }
    return 'updated';
  }

  async create(user: User, input: CreateOfferInput): Promise<Offer> {
    await this.checkNew(user, input);

    const now = this.validity.now();
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
      status: INITIAL_OFFER_STATUS,
      withdrawalReason: null,
      createdById: user.id,
      createdAt: now,
      updatedAt: now,
      openedAt: now,
      expiresAt: this.validity.expiresAtFrom(now),
    });
    offer.searchText = searchTextOf(offer);
    const posted = await this.transactions.run(async (manager) => {
      const saved = await manager.save(offer);
      await this.replaceLinks(
        manager,
        saved.id,
        input.workingGroupCodes,
        input.eligibleCountryCodes ?? [],
      );
      return saved;
    });
    await this.events.publish('offerPosted', {
      offerId: posted.id,
      workingGroupCodes: [...new Set(input.workingGroupCodes)],
    });
    return posted;
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

    let newGroups: string[] = [];
    const changed = await this.transactions.run(async (manager) => {
      const offer = await this.lockOfferFor(manager, user, id, OfferAction.CHANGE);
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
          msg('offers.heldByTwinnings', { reserved: updated.reservedCapacity }),
          'HELD_BY_TWINNINGS',
        );
      }
      const wasStatus = updated.status;
      updated.status = offerStatusAfter(updated, OfferAction.CHANGE);
      updated.searchText = searchTextOf(updated);
      updated.updatedAt = this.clock.now();
      // A FULL offer given more capacity is OPEN: open for matching again from now.
      if (opensOffer(wasStatus, updated.status)) updated.openedAt = updated.updatedAt;
      const saved = await manager.save(updated);
      if (workingGroupCodes) {
        const served = await manager.find(OfferWorkingGroup, { where: { offerId: id } });
        const before = new Set(served.map((link) => link.workingGroupCode));
        newGroups = [...new Set(workingGroupCodes)].filter((code) => !before.has(code));
      }
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
    // Serving more working groups: it is new in those.
    if (newGroups.length > 0) {
      await this.events.publish('offerPosted', { offerId: id, workingGroupCodes: newGroups });
    }
    return changed;
  }

  withdraw(user: User, id: string, reason?: string | null): Promise<Offer> {
    return this.transactions.run(async (manager) => {
      const offer = await this.lockOfferFor(manager, user, id, OfferAction.WITHDRAW);
      if (offer.reservedCapacity > 0) {
        throw new ConflictError(msg('offers.hasLiveTwinnings'), 'HELD_BY_TWINNINGS');
      }
      offer.status = offerStatusAfter(offer, OfferAction.WITHDRAW);
      offer.withdrawalReason = reason?.trim() ?? null;
      offer.updatedAt = this.clock.now();
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

  private async lockOffer(manager: EntityManager, id: string): Promise<Offer> {
    const offer = await manager.findOne(Offer, { where: { id }, lock: writeLock(manager) });
    if (!offer) throw new NotFoundError('Offer', id);
    return offer;
  }

  /**
   * reservedCapacity changes only here; the status follows the lifecycle (a live offer is
   * FULL when no room is left; an expired one stays so).
   */
  private saveReservation(
    manager: EntityManager,
    offer: Offer,
    reservedCapacity: number,
    action: OfferAction.RESERVE | OfferAction.RELEASE,
  ): Promise<Offer> {
    const from = offer.status;
    offer.reservedCapacity = reservedCapacity;
    offer.status = offerStatusAfter(offer, action);
    offer.updatedAt = this.clock.now();
    // A FULL offer a twinning gave room back to is OPEN: open for matching again from now.
    if (opensOffer(from, offer.status)) offer.openedAt = offer.updatedAt;
    return manager.save(offer);
  }

  /**
   * Restarts the offer's validity from now (POSTING_VALIDITY_DAYS), at any time, by its
   * owners or the secretariat: an EXPIRED offer is live again (OPEN, or FULL if its live
   * twinnings hold all of it) and new to its working groups' subscribers.
   */
  async renew(user: User, id: string): Promise<Offer> {
    let reopened = false;
    const renewed = await this.transactions.run(async (manager) => {
      const offer = await this.lockOfferFor(manager, user, id, OfferAction.RENEW);
      const now = this.validity.now();
      const next = offerStatusAfter(offer, OfferAction.RENEW);
      // Only an EXPIRED offer moves (to OPEN or FULL): it is back in matching.
      reopened = next !== offer.status;
      if (opensOffer(offer.status, next)) offer.openedAt = now;
      offer.status = next;
      offer.expiresAt = this.validity.expiresAtFrom(now);
      offer.updatedAt = now;
      return manager.save(offer);
    });
    if (reopened) {
      const served = await this.offerWorkingGroups.find({ where: { offerId: id } });
      await this.events.publish('offerPosted', {
        offerId: id,
        workingGroupCodes: served.map((link) => link.workingGroupCode),
      });
    }
    return renewed;
  }

  /**
   * The offers that may expire (offer-state.ts: live ones) whose validity runs out in
   * (from, to]: whose owners are to be told. Oldest expiry first.
   */
  expiringBetween(from: Date, to: Date): Promise<Offer[]> {
    return this.offers.find({
      where: offerStatusesAllowing(OfferAction.EXPIRE).map((status) => ({
        status,
        expiresAt: And(MoreThan(from), LessThanOrEqual(to)),
      })),
      order: { expiresAt: 'ASC', id: 'ASC' },
    });
  }

  /**
   * Every offer that may expire whose validity ran out by `now` becomes EXPIRED, in one
   * statement per status: an offer renewed meanwhile no longer matches, and of two
   * instances running this at once each offer is moved by one. The twinnings it has keep
   * the capacity they hold. Answers how many moved.
   */
  async expireDue(now: Date): Promise<number> {
    let expired = 0;
    for (const from of offerStatusesAllowing(OfferAction.EXPIRE)) {
      const result = await this.offers.update(
        { status: from, expiresAt: LessThanOrEqual(now) },
        { status: OFFER_TRANSITIONS[from][OfferAction.EXPIRE], updatedAt: now },
      );
      expired += result.affected ?? 0;
    }
    return expired;
  }

  /**
   * The offer under a write lock, once `user` may manage it and its status allows `action`
   * (a CONFLICT naming its status otherwise: offer-state.ts).
   */
  private async lockOfferFor(
    manager: EntityManager,
    user: User,
    id: string,
    action: OfferAction,
  ): Promise<Offer> {
    const offer = await manager.findOne(Offer, { where: { id }, lock: writeLock(manager) });
    if (!offer) throw new NotFoundError('Offer', id);
    assertMayManageOffersOf(user, offer.organizationId);
    assertOfferAllows(offer, action);
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
