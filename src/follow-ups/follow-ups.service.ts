import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import type { User } from '../accounts/user.entity';
import { Clock } from '../common/clock/clock';
import { ConflictError, NotFoundError } from '../common/errors/domain-errors';
import { Environment } from '../config/environment';
import { TransactionRunner } from '../database/transaction-runner';
import { EventBus } from '../events/event-bus';
import { msg } from '../i18n/catalogs';
import type { OrganizationRating } from '../matching/engine/track-record';
import { TwinningParty } from '../twinnings/twinning-party.entity';
import { TwinningStatus } from '../twinnings/twinning-status';
import { TwinningStep, TwinningsService } from '../twinnings/twinnings.service';
import { FollowUpResponse } from './follow-up-response.entity';
import { followUpStatus, FollowUpStatus } from './follow-up-status';
import { FollowUp } from './follow-up.entity';
import { assertMayAnswer } from './follow-up.policy';

const DAY = 24 * 60 * 60 * 1000;

/** As TwinningArrangement.parties: the organization's side first, then the countries by code. */
function partyOrder(a: TwinningParty, b: TwinningParty): number {
  if (a.organizationId !== null && b.organizationId === null) return -1;
  if (a.organizationId === null && b.organizationId !== null) return 1;
  return (a.countryCode ?? '').localeCompare(b.countryCode ?? '');
}

/** A follow-up that fell due with answers missing, and the parties that still owe one. */
export interface FallenDue {
  followUp: FollowUp;
  unanswered: TwinningParty[];
}

/**
 * Follow-ups of completed twinnings: one is created in the transaction that completes a
 * twinning, due FOLLOW_UP_AFTER_DAYS later; each party answers it once, for its own side,
 * with a rating (1–5) and an outcome. Its status is computed at read time from the Clock
 * (followUpStatus), so every read agrees.
 */
@Injectable()
export class FollowUpsService implements OnModuleInit {
  private readonly afterDays: number;

  constructor(
    @InjectRepository(FollowUp) private readonly followUps: Repository<FollowUp>,
    @InjectRepository(FollowUpResponse) private readonly responses: Repository<FollowUpResponse>,
    private readonly twinnings: TwinningsService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly events: EventBus,
    config: ConfigService<Environment, true>,
  ) {
    this.afterDays = config.get('FOLLOW_UP_AFTER_DAYS', { infer: true });
  }

  onModuleInit(): void {
    this.twinnings.onStep((manager, step) => this.createAtCompletion(manager, step));
  }

  /** Inside the completing transaction: the twinning's follow-up, due after FOLLOW_UP_AFTER_DAYS. */
  private async createAtCompletion(manager: EntityManager, step: TwinningStep): Promise<void> {
    if (step.to !== TwinningStatus.COMPLETED || step.from === TwinningStatus.COMPLETED) return;
    const completedAt = step.twinning.completedAt ?? this.clock.now();
    await manager.insert(FollowUp, {
      twinningId: step.twinning.id,
      dueAt: new Date(completedAt.getTime() + this.afterDays * DAY),
      createdAt: completedAt,
      submittedAt: null,
    });
  }

  statusOf(followUp: FollowUp): FollowUpStatus {
    return followUpStatus(followUp, this.clock.now());
  }

  /** The follow-ups of several twinnings, the earliest due first. */
  ofTwinnings(twinningIds: readonly string[]): Promise<FollowUp[]> {
    return this.followUps.find({
      where: { twinningId: In([...twinningIds]) },
      order: { dueAt: 'ASC', id: 'ASC' },
    });
  }

  /**
   * The answers of several follow-ups, each with its party, in the order of the parties:
   * the offer's organization first, then the countries by code.
   */
  async responsesOf(followUpIds: readonly string[]): Promise<Required<FollowUpResponse>[]> {
    const responses = (await this.responses.find({
      where: { followUpId: In([...followUpIds]) },
      relations: { party: true },
    })) as Required<FollowUpResponse>[];
    return responses.sort((a, b) => partyOrder(a.party, b.party));
  }

  /**
   * A party's answer, given by one of its focal points: once per party (CONFLICT
   * ALREADY_ANSWERED the second time); the last answer makes the follow-up SUBMITTED.
   * The twinning is locked, so two answers at once are taken one after the other. Once
   * committed, the twinning's live subscribers are told (`twinningChanged`).
   */
  async submit(user: User, id: string, rating: number, outcome: string): Promise<FollowUp> {
    const submitted = await this.transactions.run(async (manager) => {
      const followUp = await manager.findOneBy(FollowUp, { id });
      if (!followUp) throw new NotFoundError('FollowUp', id);
      const { parties } = (await this.twinnings.lockWithParties(manager, followUp.twinningId))!;
      const party = assertMayAnswer(user, parties);
      const answered = await manager.findBy(FollowUpResponse, { followUpId: id });
      if (answered.some((response) => response.partyId === party.id)) {
        throw new ConflictError(
          msg('followUps.alreadyAnswered', {
            side: party.countryCode ?? msg('twinnings.offerOrganization'),
          }),
          'ALREADY_ANSWERED',
        );
      }
      const now = this.clock.now();
      await manager.insert(FollowUpResponse, {
        followUpId: id,
        partyId: party.id,
        rating,
        outcome: outcome.trim(),
        at: now,
        byId: user.id,
      });
      if (answered.length + 1 >= parties.length) {
        followUp.submittedAt = now;
        await manager.update(FollowUp, { id }, { submittedAt: now });
      }
      return followUp;
    });
    await this.events.publish('twinningChanged', { twinningId: submitted.twinningId });
    return submitted;
  }

  /**
   * The follow-ups whose due date fell in (`after`, `until`] (all up to `until` when
   * `after` is null) and that still miss an answer, each with the parties that owe one.
   */
  async fallenDue(after: Date | null, until: Date): Promise<FallenDue[]> {
    const query = this.followUps
      .createQueryBuilder('followUp')
      .where('followUp.submittedAt IS NULL')
      .andWhere('followUp.dueAt <= :until', { until })
      .orderBy('followUp.dueAt', 'ASC')
      .addOrderBy('followUp.id', 'ASC');
    if (after) query.andWhere('followUp.dueAt > :after', { after });
    const due = await query.getMany();
    if (due.length === 0) return [];
    const [parties, responses] = await Promise.all([
      this.twinnings.partiesOf(due.map((followUp) => followUp.twinningId)),
      this.responses.findBy({ followUpId: In(due.map((followUp) => followUp.id)) }),
    ]);
    const answered = new Set(responses.map((r) => `${r.followUpId}:${r.partyId}`));
    return due.map((followUp) => ({
      followUp,
      unanswered: parties.filter(
        (party) =>
          party.twinningId === followUp.twinningId && !answered.has(`${followUp.id}:${party.id}`),
      ),
    }));
  }

  /**
   * The ratings the matching engine's TRACK_RECORD reads (engine/track-record.ts): those
   * the countries gave, in follow-ups, to twinnings of each offering organization. The
   * organization's own answers rate its own work and are left out.
   */
  async organizationRatings(): Promise<OrganizationRating[]> {
    const rows = await this.responses
      .createQueryBuilder('response')
      .innerJoin('response.party', 'rater', 'rater.countryCode IS NOT NULL')
      .innerJoin('response.followUp', 'followUp')
      .innerJoin(
        TwinningParty,
        'rated',
        'rated.twinningId = followUp.twinningId AND rated.organizationId IS NOT NULL',
      )
      .select('rated.organizationId', 'organizationId')
      .addSelect('followUp.twinningId', 'twinningId')
      .addSelect('response.rating', 'rating')
      .getRawMany<{ organizationId: string; twinningId: string; rating: number | string }>();
    return rows.map((row) => ({ ...row, rating: Number(row.rating) }));
  }

  /** Changes whenever an answer is given: the matching engine rebuilds its index then. */
  async changeStamp(): Promise<string> {
    const row = await this.responses
      .createQueryBuilder('response')
      .select('COUNT(*)', 'rows')
      .addSelect('MAX(response.at)', 'latest')
      .getRawOne<{ rows: number | string; latest: string | Date | null }>();
    const latest = row?.latest instanceof Date ? row.latest.toISOString() : String(row?.latest);
    return `${String(row?.rows ?? 0)}@${latest}`;
  }
}
