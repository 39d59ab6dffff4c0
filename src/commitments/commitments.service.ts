import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, FindOptionsWhere, In, Repository } from 'typeorm';
import type { User } from '../accounts/user.entity';
import { Clock } from '../common/clock/clock';
import { ConflictError, FieldProblems, NotFoundError } from '../common/errors/domain-errors';
import { foldForSearch } from '../common/text';
import { checkNotNull } from '../common/validation/input-rules';
import { TransactionRunner, writeLock } from '../database/transaction-runner';
import { msg } from '../i18n/catalogs';
import { ReferenceService } from '../reference/reference.service';
import { Commitment } from './commitment.entity';
import { assertMayManageCommitmentsOf } from './commitment.policy';
import { CreateCommitmentInput } from './dto/create-commitment.input';
import { IndicatorInput } from './dto/indicator.input';
import { UpdateCommitmentInput } from './dto/update-commitment.input';
import { IndicatorValue } from './indicator-value.entity';
import { isOnTrack } from './indicator-progress';
import { Indicator } from './indicator.entity';

export interface CommitmentFilter {
  countryCode?: string;
  workingGroupCode?: string;
}

/** Commitments of one MIRPS state and working group, and their indicators on track (coverage). */
export interface CommitmentCounts {
  countryCode: string;
  workingGroupCode: string;
  commitments: number;
  indicatorsOnTrack: number;
}

/** What an indicator's name is matched by: trimmed, case and accents ignored. */
function nameKeyOf(name: string): string {
  return foldForSearch(name.trim());
}

/** BAD_USER_INPUT `indicators` for a name given twice. */
function checkDistinctNames(problems: FieldProblems, indicators: readonly IndicatorInput[]): void {
  const seen = new Set<string>();
  for (const indicator of indicators) {
    const key = nameKeyOf(indicator.name);
    if (seen.has(key)) {
      problems.add('indicators', msg('commitments.duplicateIndicator', { name: indicator.name }));
      return;
    }
    seen.add(key);
  }
}

/** The terms of an indicator as an input gives them (its values are not terms). */
function termsOf(input: IndicatorInput, position: number) {
  return {
    position,
    name: input.name.trim(),
    nameKey: nameKeyOf(input.name),
    unit: input.unit?.trim() ?? null,
    baseline: input.baseline ?? null,
    target: input.target ?? null,
    targetDate: input.targetDate ?? null,
  };
}

/**
 * National Action Plan commitments and their indicators: the plan as each country writes
 * it, and indicator values recorded over time (the latest by date is the indicator's
 * `current`, written with the value in the same transaction).
 */
@Injectable()
export class CommitmentsService {
  constructor(
    @InjectRepository(Commitment) private readonly commitments: Repository<Commitment>,
    @InjectRepository(Indicator) private readonly indicators: Repository<Indicator>,
    @InjectRepository(IndicatorValue) private readonly values: Repository<IndicatorValue>,
    private readonly reference: ReferenceService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /** By country, then the plan's code. */
  list(filter: CommitmentFilter = {}): Promise<Commitment[]> {
    const where: FindOptionsWhere<Commitment> = {};
    if (filter.countryCode) where.countryCode = filter.countryCode;
    if (filter.workingGroupCode) where.workingGroupCode = filter.workingGroupCode;
    return this.commitments.find({ where, order: { countryCode: 'ASC', code: 'ASC' } });
  }

  async get(id: string): Promise<Commitment> {
    const commitment = await this.commitments.findOneBy({ id });
    if (!commitment) throw new NotFoundError('Commitment', id);
    return commitment;
  }

  byIds(ids: readonly string[]): Promise<Commitment[]> {
    return this.commitments.findBy({ id: In([...ids]) });
  }

  /** The indicators of several commitments, each commitment's in its own order. */
  indicatorsOf(commitmentIds: readonly string[]): Promise<Indicator[]> {
    return this.indicators.find({
      where: { commitmentId: In([...commitmentIds]) },
      order: { commitmentId: 'ASC', position: 'ASC' },
    });
  }

  /** The values of several indicators, oldest first. */
  valuesOf(indicatorIds: readonly string[]): Promise<IndicatorValue[]> {
    return this.values.find({
      where: { indicatorId: In([...indicatorIds]) },
      order: { at: 'ASC', recordedAt: 'ASC' },
    });
  }

  /**
   * Inside or outside a transaction: BAD_USER_INPUT on `field` unless `id` names a
   * commitment of `countryCode` (a need serves its own country's plan only).
   */
  async checkCommitmentOf(
    problems: FieldProblems,
    field: string,
    id: string,
    countryCode: string,
  ): Promise<void> {
    const commitment = await this.commitments.findOneBy({ id });
    if (!commitment) {
      problems.add(field, msg('commitments.noSuchCommitment', { id }));
    } else if (commitment.countryCode !== countryCode) {
      problems.add(
        field,
        msg('commitments.otherCountry', {
          code: commitment.code,
          commitmentCountry: commitment.countryCode,
          countryCode,
        }),
      );
    }
  }

  /**
   * Every (country, working group) with commitments: how many, and how many of their
   * indicators are on track at the clock's now (indicator-progress.ts).
   */
  async countsByCountryAndGroup(workingGroupCode?: string): Promise<CommitmentCounts[]> {
    // One statement: the commitments joined with their indicators.
    const commitments = await this.commitments.find({
      where: workingGroupCode ? { workingGroupCode } : {},
      relations: { indicatorRows: true },
    });
    const now = this.clock.now();
    const cells = new Map<string, CommitmentCounts>();
    for (const commitment of commitments) {
      const key = `${commitment.countryCode}|${commitment.workingGroupCode}`;
      const cell = cells.get(key) ?? {
        countryCode: commitment.countryCode,
        workingGroupCode: commitment.workingGroupCode,
        commitments: 0,
        indicatorsOnTrack: 0,
      };
      cell.commitments += 1;
      cell.indicatorsOnTrack += (commitment.indicatorRows ?? []).filter((indicator) =>
        isOnTrack({ ...indicator, startedAt: indicator.createdAt }, now),
      ).length;
      cells.set(key, cell);
    }
    return [...cells.values()];
  }

  async create(user: User, input: CreateCommitmentInput): Promise<Commitment> {
    assertMayManageCommitmentsOf(user, input.countryCode);
    const problems = new FieldProblems();
    await this.reference.checkCountryCodes(problems, 'countryCode', [input.countryCode], {
      mirpsOnly: true,
    });
    await this.reference.checkWorkingGroupCodes(problems, 'workingGroupCode', [
      input.workingGroupCode,
    ]);
    checkDistinctNames(problems, input.indicators ?? []);
    problems.throwIfAny();

    const code = input.code.trim();
    return this.transactions.run(async (manager) => {
      if (await manager.existsBy(Commitment, { countryCode: input.countryCode, code })) {
        throw new ConflictError(
          msg('commitments.duplicateCode', { countryCode: input.countryCode, code }),
          'DUPLICATE',
        );
      }
      const now = this.clock.now();
      const commitment = await manager.save(
        manager.create(Commitment, {
          countryCode: input.countryCode,
          code,
          title: input.title.trim(),
          workingGroupCode: input.workingGroupCode,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await this.addIndicators(manager, commitment.id, input.indicators ?? [], now);
      return commitment;
    });
  }

  async update(user: User, id: string, input: UpdateCommitmentInput): Promise<Commitment> {
    const problems = new FieldProblems();
    checkNotNull(problems, input, ['title', 'workingGroupCode', 'indicators']);
    if (input.workingGroupCode) {
      await this.reference.checkWorkingGroupCodes(problems, 'workingGroupCode', [
        input.workingGroupCode,
      ]);
    }
    if (input.indicators) checkDistinctNames(problems, input.indicators);
    problems.throwIfAny();

    return this.transactions.run(async (manager) => {
      const commitment = await manager.findOne(Commitment, {
        where: { id },
        lock: writeLock(manager),
      });
      if (!commitment) throw new NotFoundError('Commitment', id);
      assertMayManageCommitmentsOf(user, commitment.countryCode);
      const now = this.clock.now();
      if (input.title) commitment.title = input.title.trim();
      if (input.workingGroupCode) commitment.workingGroupCode = input.workingGroupCode;
      commitment.updatedAt = now;
      if (input.indicators) await this.replaceIndicators(manager, id, input.indicators, now);
      return manager.save(commitment);
    });
  }

  /**
   * Records a value of an indicator at a date (not in the future). The indicator's
   * `current` and `measuredAt` follow the latest value by date: a value dated before the
   * latest one is kept in the history without changing them; one dated the same moment
   * as the latest replaces it as current (the later correction wins).
   */
  async recordValue(
    user: User,
    indicatorId: string,
    value: number,
    at: Date,
    source?: string | null,
  ): Promise<Indicator> {
    const now = this.clock.now();
    if (at.getTime() > now.getTime()) {
      const problems = new FieldProblems();
      problems.add('at', msg('commitments.futureValue'));
      problems.throwIfAny();
    }
    return this.transactions.run(async (manager) => {
      const indicator = await manager.findOne(Indicator, {
        where: { id: indicatorId },
        lock: writeLock(manager),
      });
      if (!indicator) throw new NotFoundError('Indicator', indicatorId);
      const commitment = await manager.findOneByOrFail(Commitment, {
        id: indicator.commitmentId,
      });
      assertMayManageCommitmentsOf(user, commitment.countryCode);
      await manager.insert(IndicatorValue, {
        indicatorId,
        value,
        at,
        source: source?.trim() ?? null,
        recordedById: user.id,
        recordedAt: now,
      });
      if (!indicator.measuredAt || at.getTime() >= indicator.measuredAt.getTime()) {
        indicator.current = value;
        indicator.measuredAt = at;
        await manager.save(indicator);
      }
      return indicator;
    });
  }

  private async addIndicators(
    manager: EntityManager,
    commitmentId: string,
    inputs: readonly IndicatorInput[],
    now: Date,
    firstPosition = 0,
  ): Promise<void> {
    if (inputs.length === 0) return;
    await manager.insert(
      Indicator,
      inputs.map((input, index) =>
        manager.create(Indicator, {
          commitmentId,
          ...termsOf(input, firstPosition + index),
          current: null,
          measuredAt: null,
          createdAt: now,
        }),
      ),
    );
  }

  /**
   * The list replaces the commitment's indicators: those matched by name keep their id and
   * values and take the new terms and place; the others go, with their values.
   */
  private async replaceIndicators(
    manager: EntityManager,
    commitmentId: string,
    inputs: readonly IndicatorInput[],
    now: Date,
  ): Promise<void> {
    const existing = await manager.find(Indicator, { where: { commitmentId } });
    const byKey = new Map(existing.map((indicator) => [indicator.nameKey, indicator]));
    const kept = new Set<string>();
    const added: { input: IndicatorInput; position: number }[] = [];
    inputs.forEach((input, position) => {
      const match = byKey.get(nameKeyOf(input.name));
      if (match) kept.add(match.id);
      else added.push({ input, position });
    });
    const removed = existing.filter((indicator) => !kept.has(indicator.id));
    if (removed.length > 0) {
      await manager.delete(Indicator, { id: In(removed.map((indicator) => indicator.id)) });
    }
    for (const [position, input] of inputs.entries()) {
      const match = byKey.get(nameKeyOf(input.name));
      if (match) await manager.update(Indicator, { id: match.id }, termsOf(input, position));
    }
    for (const { input, position } of added) {
      await this.addIndicators(manager, commitmentId, [input], now, position);
    }
  }
}
