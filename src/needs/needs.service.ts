import { Clock } from '../common/clock/clock';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  And,
  EntityManager,
  In,
  IsNull,
  LessThanOrEqual,
  MoreThan,
  Repository,
  SelectQueryBuilder,
} from 'typeorm';
import type { User } from '../accounts/user.entity';
import { ConflictError, FieldProblems, NotFoundError } from '../common/errors/domain-errors';
import { ConnectionShape, PageArgs } from '../common/pagination/connection';
import { keysetPage } from '../common/pagination/keyset-page';
import { whereSearchMatches } from '../common/pagination/search-filter';
import { foldForSearch } from '../common/text';
import { checkNotNull, checkPeriod, definedOnly } from '../common/validation/input-rules';
import { TransactionRunner, writeLock } from '../database/transaction-runner';
import { EventBus } from '../events/event-bus';
import { CommitmentsService } from '../commitments/commitments.service';
import { PostingValidity } from '../expiry/posting-validity';
import { ReferenceService } from '../reference/reference.service';
import { CreateNeedInput } from './dto/create-need.input';
import { NeedFilter } from './dto/need-filter.input';
import { UpdateNeedInput } from './dto/update-need.input';
import { NeedStatus, Priority, Visibility } from './need-enums';
import {
  INITIAL_NEED_STATUS,
  NEED_TRANSITIONS,
  NeedAction,
  needActionBetween,
  needStatusesAllowing,
  nextNeedStatus,
  opensNeed,
} from './need-state';
import { Need } from './need.entity';
import { assertMayManageNeedsOf } from './need.policy';
import { restrictNeedsToReadable } from './need-visibility.queries';

/** What importing one row did to its need. */
export type NeedImportOutcome = 'created' | 'updated' | 'unchanged';

/** Whether a stored value equals an imported one (dates by instant, lists by items). */
function sameValue(stored: unknown, imported: unknown): boolean {
  if (stored instanceof Date || imported instanceof Date) {
    return (
      stored instanceof Date && imported instanceof Date && stored.getTime() === imported.getTime()
    );
  }
  if (Array.isArray(stored) || Array.isArray(imported)) {
    return JSON.stringify(stored) === JSON.stringify(imported);
  }
  return (stored ?? null) === (imported ?? null);
}

/** Needs of one MIRPS state and working group, counted by status (the coverage report). */
export interface NeedCounts {
  countryCode: string;
  workingGroupCode: string;
  /** Every need but the withdrawn ones. */
  needs: number;
  open: number;
  inTwinning: number;
  fulfilled: number;
}

function searchTextOf(need: Pick<Need, 'title' | 'description'>): string {
  return foldForSearch(`${need.title}\n${need.description}`);
}

@Injectable()
export class NeedsService {
  constructor(
    private readonly clock: Clock,
    @InjectRepository(Need) private readonly needs: Repository<Need>,
    private readonly reference: ReferenceService,
    private readonly commitments: CommitmentsService,
    private readonly transactions: TransactionRunner,
    private readonly events: EventBus,
    private readonly validity: PostingValidity,
  ) {}

  /** Any need, whoever asks: for the service's own work, never answered to a caller as is. */
  async get(id: string): Promise<Need> {
    const need = await this.needs.findOneBy({ id });
    if (!need) throw new NotFoundError('Need', id);
    return need;
  }

  /** A need `reader` may read; NOT_FOUND, as for a missing one, when it may not. */
  async getReadable(reader: User, id: string): Promise<Need> {
    const query = this.needs.createQueryBuilder('need').where('need.id = :id', { id });
    const need = await this.restrictToReadable(query, reader).getOne();
    if (!need) throw new NotFoundError('Need', id);
    return need;
  }

  /** Those of these ids that name needs `reader` may read. */
  async readableIds(reader: User, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const query = this.needs
      .createQueryBuilder('need')
      .select('need.id', 'id')
      .where('need.id IN (:...ids)', { ids: [...ids] });
    const rows = await this.restrictToReadable(query, reader).getRawMany<{ id: string }>();
    return new Set(rows.map((row) => row.id));
  }

  /** Whether `reader` may read this need (a PLATFORM need: without asking the database). */
  async mayRead(reader: User, need: Need): Promise<boolean> {
    if (need.visibility === Visibility.PLATFORM) return true;
    return (await this.readableIds(reader, [need.id])).has(need.id);
  }

  /** The needs serving several commitments that `reader` may read, oldest first. */
  ofCommitments(reader: User, commitmentIds: readonly string[]): Promise<Need[]> {
    const query = this.needs
      .createQueryBuilder('need')
      .where('need.commitmentId IN (:...commitmentIds)', { commitmentIds: [...commitmentIds] })
      .orderBy('need.createdAt', 'ASC')
      .addOrderBy('need.id', 'ASC');
    return this.restrictToReadable(query, reader).getMany();
  }

  /**
   * Narrows a query of needs (aliased `alias`) to those `reader` may read (see
   * need-visibility.queries.ts). Every list of needs answered to a caller goes through
   * here, and so must exports.
   */
  restrictToReadable<T extends object>(
    query: SelectQueryBuilder<T>,
    reader: User,
    alias = 'need',
  ): SelectQueryBuilder<T> {
    return restrictNeedsToReadable(query, reader, alias);
  }

  list(reader: User, filter: NeedFilter = {}, page: PageArgs = {}): Promise<ConnectionShape<Need>> {
    const query = this.restrictToReadable(this.needs.createQueryBuilder('need'), reader);
    if (filter.countryCode)
      query.andWhere('need.countryCode = :country', { country: filter.countryCode });
    if (filter.workingGroupCode) {
      query.andWhere('need.workingGroupCode = :group', { group: filter.workingGroupCode });
    }
    if (filter.status) query.andWhere('need.status = :status', { status: filter.status });
    return keysetPage(whereSearchMatches(query, filter.search), page);
  }

  /** Every OPEN need, in id order: what the matching engine works on. */
  listOpen(): Promise<Need[]> {
    return this.needs.find({ where: { status: NeedStatus.OPEN }, order: { id: 'ASC' } });
  }

  /**
   * Changes whenever a need is added or changed (every write moves updatedAt), so a
   * cache built from the needs can tell it is stale.
   */
  async changeStamp(): Promise<string> {
    const row = await this.needs
      .createQueryBuilder('need')
      .select('COUNT(*)', 'rows')
      .addSelect('MAX(need.updatedAt)', 'latest')
      .getRawOne<{ rows: number | string; latest: string | Date | null }>();
    const latest = row?.latest instanceof Date ? row.latest.toISOString() : String(row?.latest);
    return `${String(row?.rows ?? 0)}@${latest}`;
  }

  byIds(ids: readonly string[]): Promise<Need[]> {
    return this.needs.findBy({ id: In([...ids]) });
  }

  /**
   * Inside a running transaction: the needs with these ids, re-read under a write lock
   * (in id order, so that concurrent transactions lock them in the same order).
   * Ids that name no need are absent from the answer.
   */
  lockMany(manager: EntityManager, ids: readonly string[]): Promise<Need[]> {
    return manager.find(Need, {
      where: { id: In([...ids]) },
      order: { id: 'ASC' },
      lock: writeLock(manager),
    });
  }

  /**
   * Inside a running transaction: moves every one of these needs from `from` to `to`
   * (a twinning takes them, releases them or fulfils them: the lifecycle's action between
   * the two, need-state.ts). A need whose status does not allow it any more is a CONFLICT,
   * and the caller's transaction rolls back.
   */
  async setNeedsStatus(
    manager: EntityManager,
    ids: readonly string[],
    from: NeedStatus,
    to: NeedStatus,
  ): Promise<Need[]> {
    const needs = await this.lockMany(manager, ids);
    const found = new Set(needs.map((need) => need.id));
    const missing = ids.find((id) => !found.has(id));
    if (missing) throw new NotFoundError('Need', missing);
    const action = needActionBetween(from, to);
    const now = this.clock.now();
    // Back to OPEN (a twinning released them): open for matching again from now.
    const opens = opensNeed(from, to);
    for (const need of needs) {
      need.status = nextNeedStatus(need, action);
      need.updatedAt = now;
      if (opens) need.openedAt = now;
    }
    await manager.update(
      Need,
      { id: In([...ids]) },
      { status: to, updatedAt: now, ...(opens ? { openedAt: now } : {}) },
    );
    return needs;
  }

  /**
   * One grouped query: the needs of every (country, working group) that has any, by
   * status; withdrawn needs are left out.
   */
  async countsByCountryAndGroup(workingGroupCode?: string): Promise<NeedCounts[]> {
    const query = this.needs
      .createQueryBuilder('need')
      .select('need.countryCode', 'countryCode')
      .addSelect('need.workingGroupCode', 'workingGroupCode')
      .addSelect('COUNT(*)', 'needs')
      .addSelect(`SUM(CASE WHEN need.status = :open THEN 1 ELSE 0 END)`, 'open')
      .addSelect(`SUM(CASE WHEN need.status = :inTwinning THEN 1 ELSE 0 END)`, 'inTwinning')
      .addSelect(`SUM(CASE WHEN need.status = :fulfilled THEN 1 ELSE 0 END)`, 'fulfilled')
      .where('need.status <> :withdrawn')
      .setParameters({
        open: NeedStatus.OPEN,
        inTwinning: NeedStatus.IN_TWINNING,
        fulfilled: NeedStatus.FULFILLED,
        withdrawn: NeedStatus.WITHDRAWN,
      })
      .groupBy('need.countryCode')
      .addGroupBy('need.workingGroupCode');
    if (workingGroupCode) {
      query.andWhere('need.workingGroupCode = :group', { group: workingGroupCode });
    }
    const rows = await query.getRawMany<Record<keyof NeedCounts, string | number>>();
    return rows.map((row) => ({
      countryCode: String(row.countryCode),
      workingGroupCode: String(row.workingGroupCode),
      needs: Number(row.needs),
      open: Number(row.open),
      inTwinning: Number(row.inTwinning),
      fulfilled: Number(row.fulfilled),
    }));
  }

  /** Needs posted in [from, to), whatever became of them. */
  countPostedBetween(from: Date, to: Date): Promise<number> {
    return this.needs
      .createQueryBuilder('need')
      .where('need.createdAt >= :from AND need.createdAt < :to', { from, to })
      .getCount();
  }

  /**
   * createNeed's checks past the input's own rules (class-validator): who may post for the
   * country, the references, the period, the commitment. FORBIDDEN or BAD_USER_INPUT.
   * Imports call it for every row: one set of rules.
   */
  async checkNew(user: User, input: CreateNeedInput): Promise<void> {
    assertMayManageNeedsOf(user, input.countryCode);
    const problems = new FieldProblems();
    await this.reference.checkCountryCodes(problems, 'countryCode', [input.countryCode], {
      mirpsOnly: true,
    });
    await this.reference.checkWorkingGroupCodes(problems, 'workingGroupCode', [
      input.workingGroupCode,
    ]);
    checkPeriod(problems, 'latestEnd', input.earliestStart, input.latestEnd);
    if (input.commitmentId) {
      await this.commitments.checkCommitmentOf(
        problems,
        'commitmentId',
        input.commitmentId,
        input.countryCode,
      );
    }
    problems.throwIfAny();
  }

  /** A need as createNeed posts it, not saved yet. */
  private newNeed(user: User, input: CreateNeedInput, now: Date): Need {
    const need = this.needs.create({
      countryCode: input.countryCode,
      workingGroupCode: input.workingGroupCode,
      title: input.title.trim(),
      description: input.description.trim(),
      modalities: input.modalities,
      languages: input.languages,
      beneficiaries: input.beneficiaries ?? null,
      earliestStart: input.earliestStart ?? null,
      latestEnd: input.latestEnd ?? null,
      napReference: input.napReference?.trim() ?? null,
      priority: input.priority ?? Priority.MEDIUM,
      visibility: input.visibility ?? Visibility.PLATFORM,
      commitmentId: input.commitmentId ?? null,
      status: INITIAL_NEED_STATUS,
      withdrawalReason: null,
      createdById: user.id,
      createdAt: now,
      updatedAt: now,
      openedAt: now,
      expiresAt: this.validity.expiresAtFrom(now),
    });
    need.searchText = searchTextOf(need);
    return need;
  }

  async create(user: User, input: CreateNeedInput): Promise<Need> {
    await this.checkNew(user, input);
    const need = this.newNeed(user, input, this.validity.now());
    const posted = await this.transactions.run((manager) => manager.save(need));
    await this.announcePosted([posted]);
    return posted;
  }

  /** Tells live subscribers of needs posted (or moved into a working group), once committed. */
  async announcePosted(needs: readonly Pick<Need, 'id' | 'workingGroupCode'>[]): Promise<void> {
    for (const need of needs) {
      await this.events.publish('needPosted', {
        needId: need.id,
        workingGroupCode: need.workingGroupCode,
      });
    }
  }

  /**
   * Inside a running transaction (a batch of an import): each input, checked already
   * (`checkNew`), posts a need, or changes the need of its country with the same NAP
   * reference (without one: the need of its country with the same title and no NAP
   * reference), as updateNeed would; a need that would not change is left alone, so
   * importing a file again writes nothing. A need whose status allows no change answers
   * its CONFLICT for that input. Needs posted or moved to another working group are
   * answered in `posted`, to announce once the transaction commits.
   */
  async importMany(
    manager: EntityManager,
    user: User,
    inputs: readonly CreateNeedInput[],
  ): Promise<{ outcomes: (NeedImportOutcome | ConflictError)[]; posted: Need[] }> {
    const keyOf = (countryCode: string, napReference: string | null, title: string) =>
      napReference
        ? `${countryCode}\u0000ref\u0000${napReference}`
        : `${countryCode}\u0000title\u0000${title}`;
    const references = [...new Set(inputs.flatMap((input) => input.napReference?.trim() || []))];
    const titles = [
      ...new Set(
        inputs.filter((input) => !input.napReference?.trim()).map((input) => input.title.trim()),
      ),
    ];
    const countries = [...new Set(inputs.map((input) => input.countryCode))];
    const existing = new Map<string, Need>();
    const found: Need[] = [];
    if (references.length > 0) {
      found.push(
        ...(await manager.find(Need, {
          where: { countryCode: In(countries), napReference: In(references) },
          order: { createdAt: 'ASC', id: 'ASC' },
          lock: writeLock(manager),
        })),
      );
    }
    if (titles.length > 0) {
      found.push(
        ...(await manager.find(Need, {
          where: { countryCode: In(countries), napReference: IsNull(), title: In(titles) },
          order: { createdAt: 'ASC', id: 'ASC' },
          lock: writeLock(manager),
        })),
      );
    }
    for (const need of found) {
      const key = keyOf(need.countryCode, need.napReference, need.title);
      if (!existing.has(key)) existing.set(key, need);
    }
    const now = this.validity.now();
    const outcomes: (NeedImportOutcome | ConflictError)[] = [];
    const posted: Need[] = [];
    const toInsert: Need[] = [];
    const toSave = new Set<Need>();
    for (const input of inputs) {
      const key = keyOf(input.countryCode, input.napReference?.trim() || null, input.title.trim());
      const need = existing.get(key);
      if (!need) {
        const created = this.newNeed(user, input, now);
        existing.set(key, created);
        toInsert.push(created);
        outcomes.push('created');
        continue;
      }
      const changes = definedOnly({
        workingGroupCode: input.workingGroupCode,
        title: input.title.trim(),
        description: input.description.trim(),
        modalities: input.modalities,
        languages: input.languages,
        beneficiaries: input.beneficiaries,
        earliestStart: input.earliestStart,
        latestEnd: input.latestEnd,
        priority: input.priority,
        commitmentId: input.commitmentId,
        visibility: input.visibility,
      });
      const differs = Object.entries(changes).some(
        ([field, value]) => !sameValue(need[field as keyof Need], value),
      );
      if (!differs) {
        outcomes.push('unchanged');
        continue;
      }
      try {
        assertMayManageNeedsOf(user, need.countryCode);
        nextNeedStatus(need, NeedAction.CHANGE);
      } catch (error) {
        if (error instanceof ConflictError) {
          outcomes.push(error);
          continue;
        }
        throw error;
      }
      const movedGroup = need.workingGroupCode !== input.workingGroupCode;
      Object.assign(need, changes);
      need.searchText = searchTextOf(need);
      need.updatedAt = now;
      if (toInsert.includes(need)) outcomes.push('created');
      else {
        toSave.add(need);
        outcomes.push('updated');
        if (movedGroup) posted.push(need);
      }
    }
    if (toInsert.length > 0) {
      await manager.insert(Need, toInsert);
      posted.push(...toInsert);
    }
    if (toSave.size > 0) await manager.save([...toSave]);
    return { outcomes, posted };
  }

  async update(user: User, id: string, input: UpdateNeedInput): Promise<Need> {
    const problems = new FieldProblems();
    checkNotNull(problems, input, [
      'workingGroupCode',
      'title',
      'description',
      'modalities',
      'languages',
      'priority',
      'visibility',
    ]);
    if (input.workingGroupCode) {
      await this.reference.checkWorkingGroupCodes(problems, 'workingGroupCode', [
        input.workingGroupCode,
      ]);
    }
    problems.throwIfAny();
    const { countryCode } = await this.getReadable(user, id);
    if (input.commitmentId) {
      const commitmentProblems = new FieldProblems();
      await this.commitments.checkCommitmentOf(
        commitmentProblems,
        'commitmentId',
        input.commitmentId,
        countryCode,
      );
      commitmentProblems.throwIfAny();
    }

    let previousGroup: string | undefined;
    const changed = await this.transactions.run(async (manager) => {
      const need = await this.lockNeedFor(manager, user, id, NeedAction.CHANGE);
      previousGroup = need.workingGroupCode;
      const updated = Object.assign(need, definedOnly(input), {
        title: input.title?.trim() ?? need.title,
        description: input.description?.trim() ?? need.description,
        napReference:
          input.napReference === undefined
            ? need.napReference
            : (input.napReference?.trim() ?? null),
      });
      const periodProblems = new FieldProblems();
      checkPeriod(periodProblems, 'latestEnd', updated.earliestStart, updated.latestEnd);
      periodProblems.throwIfAny();
      updated.searchText = searchTextOf(updated);
      updated.updatedAt = this.clock.now();
      return manager.save(updated);
    });
    // Moved to another working group: it is new there.
    if (changed.workingGroupCode !== previousGroup) {
      await this.events.publish('needPosted', {
        needId: changed.id,
        workingGroupCode: changed.workingGroupCode,
      });
    }
    return changed;
  }

  async withdraw(user: User, id: string, reason?: string | null): Promise<Need> {
    await this.getReadable(user, id);
    return this.transactions.run(async (manager) => {
      const need = await this.lockNeedFor(manager, user, id, NeedAction.WITHDRAW);
      need.status = nextNeedStatus(need, NeedAction.WITHDRAW);
      need.withdrawalReason = reason?.trim() ?? null;
      need.updatedAt = this.clock.now();
      return manager.save(need);
    });
  }

  /**
   * Restarts the need's validity from now (POSTING_VALIDITY_DAYS), at any time, by its
   * owners or the secretariat: an EXPIRED need is OPEN again (and new to its working
   * group's subscribers); an OPEN or IN_TWINNING one keeps its status.
   */
  async renew(user: User, id: string): Promise<Need> {
    let reopened = false;
    const renewed = await this.transactions.run(async (manager) => {
      const need = await this.lockNeedFor(manager, user, id, NeedAction.RENEW);
      const now = this.validity.now();
      const next = nextNeedStatus(need, NeedAction.RENEW);
      // Only an EXPIRED need moves (to OPEN): it is back in matching.
      reopened = opensNeed(need.status, next);
      if (reopened) need.openedAt = now;
      need.status = next;
      need.expiresAt = this.validity.expiresAtFrom(now);
      need.updatedAt = now;
      return manager.save(need);
    });
    if (reopened) {
      await this.events.publish('needPosted', {
        needId: renewed.id,
        workingGroupCode: renewed.workingGroupCode,
      });
    }
    return renewed;
  }

  /**
   * The needs that may expire (need-state.ts: OPEN ones) whose validity runs out in
   * (from, to]: whose owners are to be told. Oldest expiry first.
   */
  expiringBetween(from: Date, to: Date): Promise<Need[]> {
    return this.needs.find({
      where: needStatusesAllowing(NeedAction.EXPIRE).map((status) => ({
        status,
        expiresAt: And(MoreThan(from), LessThanOrEqual(to)),
      })),
      order: { expiresAt: 'ASC', id: 'ASC' },
    });
  }

  /**
   * Every need that may expire whose validity ran out by `now` becomes EXPIRED, in one
   * statement per status: a need renewed meanwhile no longer matches, and of two
   * instances running this at once each need is moved by one. Answers how many moved.
   */
  async expireDue(now: Date): Promise<number> {
    let expired = 0;
    for (const from of needStatusesAllowing(NeedAction.EXPIRE)) {
      const result = await this.needs.update(
        { status: from, expiresAt: LessThanOrEqual(now) },
        { status: NEED_TRANSITIONS[from][NeedAction.EXPIRE], updatedAt: now },
      );
      expired += result.affected ?? 0;
    }
    return expired;
  }

  /**
   * The need under a write lock, once `user` may manage it and its status allows `action`
   * (a CONFLICT naming its status otherwise: need-state.ts).
   */
  private async lockNeedFor(
    manager: EntityManager,
    user: User,
    id: string,
    action: NeedAction,
  ): Promise<Need> {
    const need = await manager.findOne(Need, { where: { id }, lock: writeLock(manager) });
    if (!need) throw new NotFoundError('Need', id);
    assertMayManageNeedsOf(user, need.countryCode);
    nextNeedStatus(need, action);
    return need;
  }
}
