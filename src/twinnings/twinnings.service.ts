import { Clock } from '../common/clock/clock';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  EntityManager,
  In,
  IsNull,
  LessThanOrEqual,
  Not,
  Repository,
  SelectQueryBuilder,
} from 'typeorm';
import { User } from '../accounts/user.entity';
import { ConflictError, FieldProblems, NotFoundError } from '../common/errors/domain-errors';
import { ConnectionShape, PageArgs } from '../common/pagination/connection';
import { keysetPage } from '../common/pagination/keyset-page';
import { TransactionRunner, writeLock } from '../database/transaction-runner';
import { EventBus } from '../events/event-bus';
import { msg } from '../i18n/catalogs';
import type { Message } from '../i18n/message';
import { FitOffer, refusal } from '../matching/engine/fit';
import { needCandidate, offerCandidate } from '../matching/engine-candidates';
import { NeedStatus } from '../needs/need-enums';
import { restrictedReachOf } from '../needs/need.policy';
import type { Need } from '../needs/need.entity';
import { NeedsService } from '../needs/needs.service';
import { OfferTerms, OffersService } from '../offers/offers.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { ProposeTwinningInput } from './dto/propose-twinning.input';
import { TwinningFilter } from './dto/twinning-filter.input';
import { StatusChange } from './status-change.entity';
import { TwinningNeed } from './twinning-need.entity';
import { TwinningParty } from './twinning-party.entity';
import {
  assertIsSecretariatOrParty,
  assertMayComplete,
  assertMayConfirm,
  assertMayPropose,
  assertMayRespond,
  Side,
} from './twinning.policy';
import {
  holdsSide,
  INITIAL_STATUS,
  NEEDS_AFTER,
  NEEDS_NOT_MET_AFTER,
  nextStatus,
  TRANSITIONS,
  TwinningAction,
} from './twinning-state';
import { PartyResponse, TwinningStatus } from './twinning-status';
import { TwinningArrangement } from './twinning.entity';
import { restrictTwinningsToReadable } from './twinning-visibility.queries';

/** Figures of a reporting period. */
export interface TwinningMilestones {
  confirmed: number;
  completed: number;
  /** The twinnings confirmed or completed in the period. */
  twinningIds: string[];
}

/**
 * Called inside the transaction that ends a twinning (COMPLETED, DECLINED, CANCELLED), after
 * its needs and capacity are settled: a module that depends on twinnings acts on the same
 * ending, atomically with it.
 */
export type SettlementListener = (
  manager: EntityManager,
  twinning: TwinningArrangement,
) => Promise<void>;

/**
 * A step of a twinning, as it is taken: its proposal (`from` null), an answer (`answered`:
 * the side that answered; the status may stay), or a change of status.
 */
export interface TwinningStep {
  twinning: TwinningArrangement;
  from: TwinningStatus | null;
  to: TwinningStatus;
  by: User;
  answered?: TwinningParty;
  /**
   * Taken by time, not by a person (an unanswered proposal expires): `by` is then the
   * proposer whose proposal lapsed, and is told like everyone else.
   */
  byClock?: boolean;
}

/**
 * Called inside the transaction of every step, after it is written: a module that tells
 * people of steps (notifications) does it atomically with the step.
 */
export type StepListener = (manager: EntityManager, step: TwinningStep) => Promise<void>;

/** The organization's side first, then the countries by code. */
function partyOrder(a: Side, b: Side): number {
  if (a.organizationId && !b.organizationId) return -1;
  if (!a.organizationId && b.organizationId) return 1;
  return (a.countryCode ?? '').localeCompare(b.countryCode ?? '');
}

function nameOfSide(side: Side): string | Message {
  return side.countryCode ?? msg('twinnings.offerOrganization');
}

/** The offer as the fit rules read it. */
function fitOfferOf(terms: OfferTerms): FitOffer {
  const { offer, workingGroupCodes, eligibleCountryCodes } = terms;
  return {
    ...offerCandidate(offer, workingGroupCodes, eligibleCountryCodes),
    status: offer.status,
  };
}

/**
 * A CONFLICT, with the rule's reason, when the need may not be twinned with the offer
 * (matching/engine/fit.ts: the rules the suggestions follow). `places`: the needs the
 * offer is asked to take room for (0 when its room is not in question).
 */
function assertFits(need: Need, offer: FitOffer, places: number): void {
  const refused = refusal({ ...needCandidate(need), status: need.status }, offer, places);
  if (refused) throw new ConflictError(refused.message, refused.reason);
}

/**
 * Whether the secretariat proposed the twinning. A party's focal point who proposes
 * answers for its own side at once; the secretariat answers for no side, ever.
 */
function proposedBySecretariat(twinning: TwinningArrangement, parties: readonly TwinningParty[]) {
  return !parties.some((party) => party.respondedById === twinning.createdById);
}

/** The sides whose needs and capacity the twinning holds now (see holdsSide). */
function heldSides(
  twinning: TwinningArrangement,
  parties: readonly TwinningParty[],
): TwinningParty[] {
  const bySecretariat = proposedBySecretariat(twinning, parties);
  return parties.filter((party) => holdsSide(party.response, bySecretariat));
}

@Injectable()
export class TwinningsService {
  private readonly settlementListeners: SettlementListener[] = [];
  private readonly stepListeners: StepListener[] = [];

  constructor(
    private readonly clock: Clock,
    @InjectRepository(TwinningArrangement)
    private readonly twinnings: Repository<TwinningArrangement>,
    @InjectRepository(TwinningNeed) private readonly twinningNeeds: Repository<TwinningNeed>,
    @InjectRepository(TwinningParty) private readonly parties: Repository<TwinningParty>,
    @InjectRepository(StatusChange) private readonly statusChanges: Repository<StatusChange>,
    private readonly needsService: NeedsService,
    private readonly offersService: OffersService,
    private readonly organizations: OrganizationsService,
    private readonly transactions: TransactionRunner,
    private readonly events: EventBus,
  ) {}

  /** Registers a listener for twinnings that end (see SettlementListener). */
  onSettlement(listener: SettlementListener): void {
    this.settlementListeners.push(listener);
  }

  async get(id: string): Promise<TwinningArrangement> {
    const twinning = await this.twinnings.findOneBy({ id });
    if (!twinning) throw new NotFoundError('Twinning', id);
    return twinning;
  }

  /** A twinning `reader` may read; NOT_FOUND, as for a missing one, when it may not. */
  async getReadable(reader: User, id: string): Promise<TwinningArrangement> {
    const query = this.twinnings.createQueryBuilder('twinning').where('twinning.id = :id', { id });
    const twinning = await this.restrictToReadable(query, reader, '"twinning"."id"').getOne();
    if (!twinning) throw new NotFoundError('Twinning', id);
    return twinning;
  }

  /** Those of these twinning ids that `reader` may read. */
  async readableIds(reader: User, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const query = this.twinnings
      .createQueryBuilder('twinning')
      .select('twinning.id', 'id')
      .where('twinning.id IN (:...ids)', { ids: [...ids] });
    // Asked of the database for every reader, so that an id of no twinning is never in it.
    const readable = restrictedReachOf(reader).everything
      ? query
      : this.restrictToReadable(query, reader, '"twinning"."id"');
    const rows = await readable.getRawMany<{ id: string }>();
    return new Set(rows.map((row) => row.id));
  }

  /**
   * Narrows a query to the twinnings `reader` may read, `twinningId` being the SQL of the
   * twinning's id in it (`"activity"."twinningId"`): see twinning-visibility.queries.ts.
   */
  restrictToReadable<T extends object>(
    query: SelectQueryBuilder<T>,
    reader: User,
    twinningId: string,
  ): SelectQueryBuilder<T> {
    return restrictTwinningsToReadable(query, reader, twinningId);
  }

  list(
    reader: User,
    filter: TwinningFilter = {},
    page: PageArgs = {},
  ): Promise<ConnectionShape<TwinningArrangement>> {
    const query = this.restrictToReadable(
      this.twinnings.createQueryBuilder('twinning'),
      reader,
      '"twinning"."id"',
    );
    if (filter.status) query.andWhere('twinning.status = :status', { status: filter.status });
    if (filter.countryCode) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM "twinning_parties" "party" WHERE "party"."twinningId" = "twinning"."id" AND "party"."countryCode" = :country)',
        { country: filter.countryCode },
      );
    }
    if (filter.organizationId) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM "twinning_parties" "party" WHERE "party"."twinningId" = "twinning"."id" AND "party"."organizationId" = :organization)',
        { organization: filter.organizationId },
      );
    }
    return keysetPage(query, page);
  }

  byIds(ids: readonly string[]): Promise<TwinningArrangement[]> {
    return this.twinnings.findBy({ id: In([...ids]) });
  }

  /** The twinnings of several offers that `reader` may read, newest first. */
  ofOffers(reader: User, offerIds: readonly string[]): Promise<TwinningArrangement[]> {
    const query = this.twinnings
      .createQueryBuilder('twinning')
      .where('twinning.offerId IN (:...offerIds)', { offerIds: [...offerIds] })
      .orderBy('twinning.createdAt', 'DESC')
      .addOrderBy('twinning.id', 'DESC');
    return this.restrictToReadable(query, reader, '"twinning"."id"').getMany();
  }

  /** The twinnings of several needs that `reader` may read (each link with its twinning), newest first. */
  async linksOfNeeds(reader: User, needIds: readonly string[]): Promise<Required<TwinningNeed>[]> {
    const query = this.twinningNeeds
      .createQueryBuilder('link')
      .innerJoinAndSelect('link.twinning', 'twinning')
      .where('link.needId IN (:...needIds)', { needIds: [...needIds] });
    const links = await this.restrictToReadable(query, reader, '"link"."twinningId"').getMany();
    return (links as Required<TwinningNeed>[]).sort(
      (a, b) =>
        b.twinning.createdAt.getTime() - a.twinning.createdAt.getTime() ||
        b.twinningId.localeCompare(a.twinningId),
    );
  }

  /** The needs of several twinnings (each link with its need), oldest need first. */
  async needLinksOf(twinningIds: readonly string[]): Promise<Required<TwinningNeed>[]> {
    const links = await this.twinningNeeds.find({
      where: { twinningId: In([...twinningIds]) },
      relations: { need: true },
    });
    return (links as Required<TwinningNeed>[]).sort(
      (a, b) =>
        a.need.createdAt.getTime() - b.need.createdAt.getTime() || a.needId.localeCompare(b.needId),
    );
  }

  /** The parties of several twinnings: the organization's side first, then the countries. */
  async partiesOf(twinningIds: readonly string[]): Promise<TwinningParty[]> {
    const parties = await this.parties.find({ where: { twinningId: In([...twinningIds]) } });
    return parties.sort(partyOrder);
  }

  /** The history of several twinnings, oldest step first. */
  historyOf(twinningIds: readonly string[]): Promise<StatusChange[]> {
    return this.statusChanges.find({
      where: { twinningId: In([...twinningIds]) },
      order: { twinningId: 'ASC', sequence: 'ASC' },
    });
  }

  /** Twinnings a country is a party to. */
  async idsInvolvingCountry(countryCode: string): Promise<string[]> {
    const parties = await this.parties.find({
      where: { countryCode },
      select: { twinningId: true },
    });
    return parties.map((party) => party.twinningId);
  }

  /** Twinnings that serve a need of this working group. */
  async idsInWorkingGroup(workingGroupCode: string): Promise<string[]> {
    const rows = await this.twinningNeeds
      .createQueryBuilder('link')
      .innerJoin('link.need', 'need')
      .where('need.workingGroupCode = :group', { group: workingGroupCode })
      .select('link.twinningId', 'twinningId')
      .distinct(true)
      .getRawMany<{ twinningId: string }>();
    return rows.map((row) => row.twinningId);
  }

  /** Twinnings confirmed and completed in [from, to), whatever became of them later. */
  async milestonesBetween(from: Date, to: Date): Promise<TwinningMilestones> {
    const confirmed = await this.twinnings
      .createQueryBuilder('twinning')
      .select('twinning.id', 'id')
      .where('twinning.confirmedAt >= :from AND twinning.confirmedAt < :to', { from, to })
      .getRawMany<{ id: string }>();
    const completed = await this.twinnings
      .createQueryBuilder('twinning')
      .select('twinning.id', 'id')
      .where('twinning.completedAt >= :from AND twinning.completedAt < :to', { from, to })
      .getRawMany<{ id: string }>();
    return {
      confirmed: confirmed.length,
      completed: completed.length,
      twinningIds: [...new Set([...confirmed, ...completed].map((row) => row.id))],
    };
  }

  /**
   * Proposes a twinning, in one transaction: the offer and the needs are re-read under a
   * write lock and held to the fit rules; what the proposer may hold is held (its own
   * side's needs move to IN_TWINNING, the offer's capacity is reserved if the proposer is
   * its organization; everything when the secretariat proposes); the parties and the first
   * step of the history are written. Anything refused leaves nothing behind.
   */
  async propose(user: User, input: ProposeTwinningInput): Promise<TwinningArrangement> {
    // A need the proposer may not read is, to it, no need at all (need.policy.ts).
    const readable = await this.needsService.readableIds(user, input.needIds);
    const proposed = await this.transactions.run(async (manager) => {
      const terms = await this.offersService.lockTerms(manager, input.offerId);
      const needs = (await this.needsService.lockMany(manager, input.needIds)).filter((need) =>
        readable.has(need.id),
      );
      const problems = new FieldProblems();
      if (!terms) problems.add('offerId', msg('twinnings.noSuchOffer', { id: input.offerId }));
      const found = new Set(needs.map((need) => need.id));
      for (const id of input.needIds) {
        if (!found.has(id)) problems.add('needIds', msg('twinnings.noSuchNeed', { id }));
      }
      problems.throwIfAny();
      const { offer } = terms!;
      // A disabled organization's offers are not suggested, and take no new twinning.
      await this.organizations.assertActive(manager, offer.organizationId);

      const countryCodes = [...new Set(needs.map((need) => need.countryCode))].sort();
      const sides: Side[] = [
        { countryCode: null, organizationId: offer.organizationId },
        ...countryCodes.map((countryCode) => ({ countryCode, organizationId: null })),
      ];
      const proposerSide = assertMayPropose(user, sides);
      const fitOffer = fitOfferOf(terms!);
      for (const need of needs) assertFits(need, fitOffer, needs.length);

      // The consent rule: the proposer holds its own side only; the secretariat, every side.
      const held = (side: Side) =>
        holdsSide(
          side === proposerSide ? PartyResponse.ACCEPTED : PartyResponse.PENDING,
          proposerSide === undefined,
        );
      if (held(sides[0])) {
        await this.offersService.reserveCapacity(manager, offer.id, needs.length);
      }
      const heldCountries = new Set(sides.filter(held).map((side) => side.countryCode));
      await this.takeNeeds(
        manager,
        needs.filter((need) => heldCountries.has(need.countryCode)),
      );

      const now = this.clock.now();
      const note = input.note?.trim() ?? null;
      const twinning = await manager.save(
        manager.create(TwinningArrangement, {
          offerId: offer.id,
          status: INITIAL_STATUS,
          note,
          createdById: user.id,
          createdAt: now,
          updatedAt: now,
          confirmedAt: null,
          completedAt: null,
          summary: null,
          cancellationReason: null,
        }),
      );
      await manager.insert(
        TwinningNeed,
        needs.map((need) => ({ twinningId: twinning.id, needId: need.id })),
      );
      await manager.insert(
        TwinningParty,
        sides.map((side) => {
          const own = side === proposerSide;
          return manager.create(TwinningParty, {
            twinningId: twinning.id,
            ...side,
            response: own ? PartyResponse.ACCEPTED : PartyResponse.PENDING,
            respondedAt: own ? now : null,
            respondedById: own ? user.id : null,
            comment: null,
          });
        }),
      );
      await this.appendHistory(manager, twinning.id, null, INITIAL_STATUS, user, note, now);
      await this.stepTaken(manager, { twinning, from: null, to: INITIAL_STATUS, by: user });
      return twinning;
    });
    return this.announced(proposed);
  }

  /**
   * A party answers for its own side. Accepting takes what the twinning did not yet hold of
   * that side (the offer's capacity for its organization, a country's needs), or fails with
   * CONFLICT if it is no longer available; the last acceptance makes the twinning ACCEPTED.
   * A refusal makes it DECLINED, which gives back whatever it held.
   */
  async respond(
    user: User,
    id: string,
    accept: boolean,
    comment?: string | null,
  ): Promise<TwinningArrangement> {
    const answered = await this.transactions.run(async (manager) => {
      const twinning = await this.lockTwinning(manager, id);
      const parties = await manager.find(TwinningParty, { where: { twinningId: id } });
      const side = assertMayRespond(user, parties);
      if (side.response !== PartyResponse.PENDING) {
        throw new ConflictError(
          msg('twinnings.alreadyAnswered', { side: nameOfSide(side), response: side.response }),
          'ALREADY_ANSWERED',
        );
      }
      const othersAccepted = parties.every(
        (party) => party === side || party.response === PartyResponse.ACCEPTED,
      );
      const action = !accept
        ? TwinningAction.DECLINE
        : othersAccepted
          ? TwinningAction.ACCEPT
          : TwinningAction.RESPOND;
      const next = nextStatus(twinning.status, action);
      const held = heldSides(twinning, parties);
      if (accept && !held.includes(side)) await this.takeSide(manager, twinning, side);

      const note = comment?.trim() ?? null;
      side.response = accept ? PartyResponse.ACCEPTED : PartyResponse.DECLINED;
      side.respondedAt = this.clock.now();
      side.respondedById = user.id;
      side.comment = note;
      await manager.save(side);
      return this.moveTo(manager, twinning, next, user, note, held, { answered: side });
    });
    return this.announced(answered);
  }

  /** The secretariat confirms a twinning every party has accepted. */
  async confirm(user: User, id: string): Promise<TwinningArrangement> {
    const confirmed = await this.transactions.run(async (manager) => {
      assertMayConfirm(user);
      const twinning = await this.lockTwinning(manager, id);
      const next = nextStatus(twinning.status, TwinningAction.CONFIRM);
      return this.moveTo(manager, twinning, next, user, null);
    });
    return this.announced(confirmed);
  }

  /**
   * The needs are met: they become FULFILLED and the offer's capacity is given back. A need
   * listed in `reopenNeedIds` was not met (partial fulfilment): it goes back to OPEN
   * instead. Each listed need must be one of the twinning's (BAD_USER_INPUT naming
   * `reopenNeedIds` otherwise, and nothing is written).
   */
  async complete(
    user: User,
    id: string,
    summary?: string | null,
    reopenNeedIds: readonly string[] = [],
  ): Promise<TwinningArrangement> {
    const completed = await this.transactions.run(async (manager) => {
      const twinning = await this.lockTwinning(manager, id);
      assertMayComplete(user, await this.organizationOf(manager, id));
      const next = nextStatus(twinning.status, TwinningAction.COMPLETE);
      const own = new Set((await this.needLinksIn(manager, id)).map((link) => link.needId));
      const problems = new FieldProblems();
      for (const needId of reopenNeedIds) {
        if (!own.has(needId)) {
          problems.add('reopenNeedIds', msg('twinnings.notItsNeed', { id: needId }));
        }
      }
      problems.throwIfAny();
      twinning.summary = summary?.trim() ?? null;
      return this.moveTo(manager, twinning, next, user, twinning.summary, undefined, {
        reopenNeedIds: new Set(reopenNeedIds),
      });
    });
    return this.announced(completed);
  }

  /** Called off before it ends: the needs are OPEN again and the capacity is given back. */
  async cancel(user: User, id: string, reason: string): Promise<TwinningArrangement> {
    const cancelled = await this.transactions.run(async (manager) => {
      const twinning = await this.lockTwinning(manager, id);
      const parties = await manager.find(TwinningParty, { where: { twinningId: id } });
      assertIsSecretariatOrParty(user, parties, msg('twinnings.cancelIt'));
      const next = nextStatus(twinning.status, TwinningAction.CANCEL);
      twinning.cancellationReason = reason.trim();
      return this.moveTo(
        manager,
        twinning,
        next,
        user,
        twinning.cancellationReason,
        heldSides(twinning, parties),
      );
    });
    return this.announced(cancelled);
  }

  /**
   * The proposals (twinnings whose status may expire: PROPOSED, so with a party still to
   * answer) made at or before `proposedBy`, oldest first.
   */
  async proposalsMadeBy(proposedBy: Date): Promise<string[]> {
    const expiring = (Object.keys(TRANSITIONS) as TwinningStatus[]).filter(
      (status) => TRANSITIONS[status][TwinningAction.EXPIRE] !== undefined,
    );
    const rows = await this.twinnings.find({
      select: { id: true },
      where: expiring.map((status) => ({ status, createdAt: LessThanOrEqual(proposedBy) })),
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map((row) => row.id);
  }

  /**
   * A proposal made at or before `proposedBy` and still unanswered by some party expires:
   * what it held is given back as a refusal gives it back (its needs OPEN again, the
   * offer's capacity released), the step joins its history (by the proposer, whose
   * proposal lapsed) and its parties are told. Answers null, doing nothing, when it no
   * longer qualifies (answered, cancelled or expired meanwhile, by another instance too).
   */
  async expireProposal(id: string, proposedBy: Date): Promise<TwinningArrangement | null> {
    const expired = await this.transactions.run(async (manager) => {
      const twinning = await this.lockTwinning(manager, id);
      const next = TRANSITIONS[twinning.status][TwinningAction.EXPIRE];
      if (next === undefined || twinning.createdAt.getTime() > proposedBy.getTime()) return null;
      const parties = await manager.find(TwinningParty, { where: { twinningId: id } });
      const proposer = await manager.findOneByOrFail(User, { id: twinning.createdById });
      return this.moveTo(manager, twinning, next, proposer, null, heldSides(twinning, parties), {
        byClock: true,
      });
    });
    return expired && this.announced(expired);
  }

  /**
   * Tells live subscribers that a twinning changed, once the change is committed: a
   * rolled-back change never gets here.
   */
  private async announced(twinning: TwinningArrangement): Promise<TwinningArrangement> {
    await this.events.publish('twinningChanged', { twinningId: twinning.id });
    return twinning;
  }

  /**
   * Inside a running transaction, for follow-up activities: the twinning under a write
   * lock, with its parties; null when no twinning has this id.
   */
  async lockWithParties(
    manager: EntityManager,
    id: string,
  ): Promise<{ twinning: TwinningArrangement; parties: TwinningParty[] } | null> {
    const twinning = await manager.findOne(TwinningArrangement, {
      where: { id },
      lock: writeLock(manager),
    });
    if (!twinning) return null;
    const parties = await manager.find(TwinningParty, { where: { twinningId: id } });
    return { twinning, parties };
  }

  private async lockTwinning(manager: EntityManager, id: string): Promise<TwinningArrangement> {
    const twinning = await manager.findOne(TwinningArrangement, {
      where: { id },
      lock: writeLock(manager),
    });
    if (!twinning) throw new NotFoundError('Twinning', id);
    return twinning;
  }

  /** The offer's organization: the one side of a twinning that is not a country. */
  private async organizationOf(manager: EntityManager, twinningId: string): Promise<string> {
    const party = await manager.findOneOrFail(TwinningParty, {
      where: { twinningId, organizationId: Not(IsNull()) },
    });
    return party.organizationId!;
  }

  /**
   * Moves the twinning to `next` and records the step. A final status settles what the
   * twinning held (`held`: the sides held before this step; read now when not given):
   * the needs as the transition table says (`reopenNeedIds`: needs a completion did not
   * meet), and the offer's capacity given back. `answered`: the side whose answer it is.
   */
  private async moveTo(
    manager: EntityManager,
    twinning: TwinningArrangement,
    next: TwinningStatus,
    user: User,
    note: string | null,
    held?: readonly TwinningParty[],
    {
      answered,
      byClock,
      reopenNeedIds,
    }: Pick<TwinningStep, 'answered' | 'byClock'> & { reopenNeedIds?: ReadonlySet<string> } = {},
  ): Promise<TwinningArrangement> {
    const now = this.clock.now();
    const from = twinning.status;
    twinning.updatedAt = now;
    if (next !== from) {
      twinning.status = next;
      if (next === TwinningStatus.CONFIRMED) twinning.confirmedAt = now;
      if (next === TwinningStatus.COMPLETED) twinning.completedAt = now;
      await this.appendHistory(manager, twinning.id, from, next, user, note, now);
      const needsAfter = NEEDS_AFTER[next];
      if (needsAfter) {
        const sides =
          held ??
          heldSides(
            twinning,
            await manager.find(TwinningParty, { where: { twinningId: twinning.id } }),
          );
        await this.settle(manager, twinning, needsAfter, sides, reopenNeedIds);
      }
    }
    const saved = await manager.save(twinning);
    await this.stepTaken(manager, {
      twinning: saved,
      from,
      to: next,
      by: user,
      answered,
      byClock,
    });
    return saved;
  }

  /** `listener` is called inside the transaction of every step (see StepListener). */
  onStep(listener: StepListener): void {
    this.stepListeners.push(listener);
  }

  private async stepTaken(manager: EntityManager, step: TwinningStep): Promise<void> {
    for (const listener of this.stepListeners) await listener(manager, step);
  }

  private async settle(
    manager: EntityManager,
    twinning: TwinningArrangement,
    needsAfter: NeedStatus,
    held: readonly TwinningParty[],
    notMet: ReadonlySet<string> = new Set(),
  ): Promise<void> {
    const links = await this.needLinksIn(manager, twinning.id);
    if (held.some((side) => side.organizationId !== null)) {
      await this.offersService.releaseCapacity(manager, twinning.offerId, links.length);
    }
    const heldCountries = new Set(held.map((side) => side.countryCode));
    const heldNeedIds = links
      .filter((link) => heldCountries.has(link.need.countryCode))
      .map((link) => link.needId);
    const met = heldNeedIds.filter((needId) => !notMet.has(needId));
    if (met.length > 0) {
      await this.needsService.setNeedsStatus(manager, met, NeedStatus.IN_TWINNING, needsAfter);
    }
    const reopened = heldNeedIds.filter((needId) => notMet.has(needId));
    const reopenedAfter = NEEDS_NOT_MET_AFTER[twinning.status];
    if (reopened.length > 0 && reopenedAfter) {
      await this.needsService.setNeedsStatus(
        manager,
        reopened,
        NeedStatus.IN_TWINNING,
        reopenedAfter,
      );
    }
    for (const listener of this.settlementListeners) await listener(manager, twinning);
  }

  /**
   * A party accepts a side the twinning did not hold: its consent takes it now, if still
   * available. The organization's side reserves the offer's capacity for every need
   * (CAPACITY_EXHAUSTED, OFFER_NOT_OPEN); a country's side takes its needs, which must
   * still fit the offer (NEED_NOT_OPEN when taken or withdrawn meanwhile, or the rule
   * they now break). The offer is locked before the needs, as everywhere.
   */
  private async takeSide(
    manager: EntityManager,
    twinning: TwinningArrangement,
    side: TwinningParty,
  ): Promise<void> {
    const links = await this.needLinksIn(manager, twinning.id);
    if (side.organizationId !== null) {
      await this.offersService.reserveCapacity(manager, twinning.offerId, links.length);
      return;
    }
    const terms = await this.offersService.lockTerms(manager, twinning.offerId);
    const ids = links
      .filter((link) => link.need.countryCode === side.countryCode)
      .map((link) => link.needId);
    const needs = await this.needsService.lockMany(manager, ids);
    const fitOffer = fitOfferOf(terms!);
    for (const need of needs) assertFits(need, fitOffer, 0);
    await this.takeNeeds(manager, needs);
  }

  /** Inside a running transaction: the needs move from OPEN to IN_TWINNING. */
  private async takeNeeds(manager: EntityManager, needs: readonly Need[]): Promise<void> {
    if (needs.length === 0) return;
    await this.needsService.setNeedsStatus(
      manager,
      needs.map((need) => need.id),
      NeedStatus.OPEN,
      NeedStatus.IN_TWINNING,
    );
  }

  /** The twinning's needs, each link with its need (read without a lock: for countries). */
  private async needLinksIn(
    manager: EntityManager,
    twinningId: string,
  ): Promise<Required<TwinningNeed>[]> {
    const links = await manager.find(TwinningNeed, {
      where: { twinningId },
      relations: { need: true },
    });
    return links as Required<TwinningNeed>[];
  }

  private async appendHistory(
    manager: EntityManager,
    twinningId: string,
    from: TwinningStatus | null,
    to: TwinningStatus,
    user: User,
    note: string | null,
    at: Date,
  ): Promise<void> {
    const sequence = (await manager.count(StatusChange, { where: { twinningId } })) + 1;
    await manager.insert(
      StatusChange,
      manager.create(StatusChange, { twinningId, sequence, from, to, byId: user.id, at, note }),
    );
  }
}
