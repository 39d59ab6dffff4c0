import { Clock } from '../common/clock/clock';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import type { User } from '../accounts/user.entity';
import { FieldProblems, InvalidInputError, NotFoundError } from '../common/errors/domain-errors';
import { ConnectionShape, PageArgs } from '../common/pagination/connection';
import { keysetPage } from '../common/pagination/keyset-page';
import { checkPeriod } from '../common/validation/input-rules';
import { TransactionRunner, writeLock } from '../database/transaction-runner';
import { EventBus } from '../events/event-bus';
import { msg } from '../i18n/catalogs';
import type { Message } from '../i18n/message';
import { ReferenceService } from '../reference/reference.service';
import { assertAllows, TwinningAction } from '../twinnings/twinning-state';
import { TwinningStatus } from '../twinnings/twinning-status';
import type { TwinningArrangement } from '../twinnings/twinning.entity';
import { TwinningsService } from '../twinnings/twinnings.service';
import { ActivityParticipantCountry } from './activity-participant-country.entity';
import { ActivityKind, ActivityStatus } from './activity-enums';
import {
  ActivityAction,
  activityStatusesAllowing,
  INITIAL_ACTIVITY_STATUS,
  nextActivityStatus,
} from './activity-state';
import { Activity } from './activity.entity';
import { assertMayFollowUp } from './activity.policy';
import { CompleteActivityInput } from './dto/complete-activity.input';
import { RecordActivityInput } from './dto/record-activity.input';

/** Which activities a list or the calendar shows; every field narrows it. */
export interface ActivityFilter {
  /** Still going on at or after this time. */
  from?: Date;
  /** Starting before this time. */
  to?: Date;
  /** Taking part: a participant country, or a party to the activity's twinning. */
  countryCode?: string;
  /** The activity's twinning serves a need of this working group. */
  workingGroupCode?: string;
}

/** The activities DONE in a period, summed up for a report. */
export interface ActivitiesDone {
  byKind: Map<ActivityKind, number>;
  women: number;
  men: number;
  other: number;
  /** Participant countries, each with the twinning of an activity it took part in. */
  participantCountries: { countryCode: string; twinningId: string }[];
  twinningIds: string[];
}

/** Why the planned activities of a twinning that ended were cancelled, by how it ended. */
const ENDED_TWINNING_REASONS: Partial<
  Record<TwinningStatus, (twinning: TwinningArrangement) => string>
> = {
  [TwinningStatus.CANCELLED]: (twinning) =>
    `The twinning was cancelled: ${twinning.cancellationReason}`,
  [TwinningStatus.COMPLETED]: () => 'The twinning was completed before this activity took place',
};

@Injectable()
export class ActivitiesService implements OnModuleInit {
  constructor(
    private readonly clock: Clock,
    @InjectRepository(Activity) private readonly activities: Repository<Activity>,
    @InjectRepository(ActivityParticipantCountry)
    private readonly participantCountries: Repository<ActivityParticipantCountry>,
    private readonly twinnings: TwinningsService,
    private readonly reference: ReferenceService,
    private readonly transactions: TransactionRunner,
    private readonly events: EventBus,
  ) {}

  /** A twinning that ends takes its planned activities with it (see cancelPlannedOf). */
  onModuleInit(): void {
    this.twinnings.onSettlement((manager, twinning) => this.cancelPlannedOf(manager, twinning));
  }

  /**
   * An activity `reader` may read (that of a twinning it may read: need.policy.ts);
   * NOT_FOUND, as for a missing one, when it may not.
   */
  async get(reader: User, id: string): Promise<Activity> {
    const query = this.activities.createQueryBuilder('activity').where('activity.id = :id', { id });
    const activity = await this.twinnings
      .restrictToReadable(query, reader, '"activity"."twinningId"')
      .getOne();
    if (!activity) throw new NotFoundError('Activity', id);
    return activity;
  }

  /** A page of the activities `reader` may read taking place (at least partly) in [from, to). */
  async list(
    reader: User,
    filter: ActivityFilter,
    page: PageArgs = {},
  ): Promise<ConnectionShape<Activity>> {
    const problems = new FieldProblems();
    checkPeriod(problems, 'to', filter.from, filter.to);
    problems.throwIfAny();
    return keysetPage(await this.filtered(reader, filter), page);
  }

  /** Every activity `reader` may read that the filter lets through, by start time (the calendar). */
  async listByStart(reader: User, filter: ActivityFilter): Promise<Activity[]> {
    const query = await this.filtered(reader, filter);
    return query.orderBy('activity.startsAt', 'ASC').addOrderBy('activity.id', 'ASC').getMany();
  }

  /** The activities of several twinnings, by start time. */
  ofTwinnings(twinningIds: readonly string[]): Promise<Activity[]> {
    return this.activities.find({
      where: { twinningId: In([...twinningIds]) },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
  }

  /** The participant countries of several activities, with the countries themselves. */
  participantCountriesOf(activityIds: readonly string[]): Promise<ActivityParticipantCountry[]> {
    return this.participantCountries.find({
      where: { activityId: In([...activityIds]) },
      relations: { country: true },
      order: { countryCode: 'ASC' },
    });
  }

  /** The activities DONE that started in [from, to): counts by kind and participants. */
  async doneBetween(from: Date, to: Date): Promise<ActivitiesDone> {
    const done = () =>
      this.activities
        .createQueryBuilder('activity')
        .where('activity.status = :done', { done: ActivityStatus.DONE })
        .andWhere('activity.startsAt >= :from AND activity.startsAt < :to', { from, to });
    const kinds = await done()
      .select('activity.kind', 'kind')
      .addSelect('COUNT(*)', 'count')
      .addSelect('SUM(activity.women)', 'women')
      .addSelect('SUM(activity.men)', 'men')
      .addSelect('SUM(activity.other)', 'other')
      .groupBy('activity.kind')
      .getRawMany<{
        kind: ActivityKind;
        count: string;
        women: string;
        men: string;
        other: string;
      }>();
    const twinnings = await done()
      .select('activity.twinningId', 'twinningId')
      .distinct(true)
      .getRawMany<{ twinningId: string }>();
    const countries = await done()
      .innerJoin(ActivityParticipantCountry, 'participant', 'participant.activityId = activity.id')
      .select('participant.countryCode', 'countryCode')
      .addSelect('activity.twinningId', 'twinningId')
      .distinct(true)
      .getRawMany<{ countryCode: string; twinningId: string }>();
    const sum = (field: 'women' | 'men' | 'other') =>
      kinds.reduce((total, row) => total + Number(row[field] ?? 0), 0);
    return {
      byKind: new Map(kinds.map((row) => [row.kind, Number(row.count)])),
      women: sum('women'),
      men: sum('men'),
      other: sum('other'),
      participantCountries: countries
        .map(({ countryCode, twinningId }) => ({ countryCode, twinningId }))
        .sort((a, b) => a.countryCode.localeCompare(b.countryCode)),
      twinningIds: twinnings.map((row) => row.twinningId),
    };
  }

  /** Records a PLANNED activity on a CONFIRMED twinning, by the secretariat or a party. */
  async record(user: User, input: RecordActivityInput): Promise<Activity> {
    const countryCodes = input.participantCountryCodes ?? [];
    const problems = new FieldProblems();
    if (input.endsAt && input.endsAt.getTime() < input.startsAt.getTime()) {
      problems.add('endsAt', msg('activities.endsBeforeStarts'));
    }
    await this.reference.checkCountryCodes(problems, 'participantCountryCodes', countryCodes, {
      mirpsOnly: false,
    });
    problems.throwIfAny();

    const recorded = await this.transactions.run(async (manager) => {
      const followed = await this.twinnings.lockWithParties(manager, input.twinningId);
      if (!followed) {
        throw InvalidInputError.of(
          'twinningId',
          msg('activities.noSuchTwinning', { id: input.twinningId }),
        );
      }
      const { twinning, parties } = followed;
      assertMayFollowUp(user, parties, msg('activities.recordThem'));
      assertAllows(twinning.status, TwinningAction.RECORD_ACTIVITY);
      const now = this.clock.now();
      const activity = await manager.save(
        manager.create(Activity, {
          twinningId: twinning.id,
          kind: input.kind,
          title: input.title.trim(),
          startsAt: input.startsAt,
          endsAt: input.endsAt ?? null,
          location: input.location?.trim() ?? null,
          virtual: input.virtual ?? false,
          status: INITIAL_ACTIVITY_STATUS,
          women: null,
          men: null,
          other: null,
          outcome: null,
          cancellationReason: null,
          createdById: user.id,
          createdAt: now,
          updatedAt: now,
        }),
      );
      if (countryCodes.length > 0) {
        await manager.insert(
          ActivityParticipantCountry,
          countryCodes.map((countryCode) => ({ activityId: activity.id, countryCode })),
        );
      }
      return activity;
    });
    await this.events.publish('twinningChanged', { twinningId: recorded.twinningId });
    return recorded;
  }

  /** The activity took place: DONE, with who took part and what came of it. */
  async complete(user: User, id: string, input: CompleteActivityInput): Promise<Activity> {
    const completed = await this.transactions.run(async (manager) => {
      const activity = await this.lockActivity(
        manager,
        user,
        id,
        msg('activities.recordWhatTheyDid'),
      );
      activity.status = nextActivityStatus(activity.status, ActivityAction.COMPLETE);
      activity.women = input.women;
      activity.men = input.men;
      activity.other = input.other;
      activity.outcome = input.outcome.trim();
      activity.updatedAt = this.clock.now();
      return manager.save(activity);
    });
    await this.events.publish('twinningChanged', { twinningId: completed.twinningId });
    return completed;
  }

  /** The activity will not take place; it stays in the calendar as CANCELLED. */
  async cancel(user: User, id: string, reason: string): Promise<Activity> {
    const cancelled = await this.transactions.run(async (manager) => {
      const activity = await this.lockActivity(manager, user, id, msg('activities.cancelThem'));
      activity.status = nextActivityStatus(activity.status, ActivityAction.CANCEL);
      activity.cancellationReason = reason.trim();
      activity.updatedAt = this.clock.now();
      return manager.save(activity);
    });
    await this.events.publish('twinningChanged', { twinningId: cancelled.twinningId });
    return cancelled;
  }

  /**
   * A twinning that ends leaves no activity PLANNED: cancelled, its planned activities will
   * not take place; completed, the follow-up is over, and what was still planned did not
   * take place under it. Either way they stay in the calendar as CANCELLED, with the reason.
   */
  private async cancelPlannedOf(
    manager: EntityManager,
    twinning: TwinningArrangement,
  ): Promise<void> {
    const reason = ENDED_TWINNING_REASONS[twinning.status]?.(twinning);
    if (!reason) return;
    const [from] = activityStatusesAllowing(ActivityAction.CANCEL);
    await manager.update(
      Activity,
      { twinningId: twinning.id, status: from },
      {
        status: nextActivityStatus(from, ActivityAction.CANCEL),
        cancellationReason: reason.slice(0, 1000),
        updatedAt: this.clock.now(),
      },
    );
  }

  /** The activity under a write lock, once `user` may follow its twinning up. */
  private async lockActivity(
    manager: EntityManager,
    user: User,
    id: string,
    what: Message,
  ): Promise<Activity> {
    const activity = await manager.findOne(Activity, { where: { id }, lock: writeLock(manager) });
    if (!activity) throw new NotFoundError('Activity', id);
    const followed = await this.twinnings.lockWithParties(manager, activity.twinningId);
    assertMayFollowUp(user, followed!.parties, what);
    // Follow-up happens while the twinning is under way, as recording an activity does.
    assertAllows(followed!.twinning.status, TwinningAction.RECORD_ACTIVITY);
    return activity;
  }

  private async filtered(
    reader: User,
    filter: ActivityFilter,
  ): Promise<SelectQueryBuilder<Activity>> {
    const query = this.twinnings.restrictToReadable(
      this.activities.createQueryBuilder('activity'),
      reader,
      '"activity"."twinningId"',
    );
    if (filter.from) {
      query.andWhere('COALESCE(activity.endsAt, activity.startsAt) >= :from', {
        from: filter.from,
      });
    }
    if (filter.to) query.andWhere('activity.startsAt < :to', { to: filter.to });
    if (filter.countryCode) {
      const partyTo = await this.twinnings.idsInvolvingCountry(filter.countryCode);
      query.andWhere(
        new Brackets((either) => {
          either.where(
            'EXISTS (SELECT 1 FROM "activity_participant_countries" "participant" WHERE "participant"."activityId" = "activity"."id" AND "participant"."countryCode" = :country)',
            { country: filter.countryCode },
          );
          if (partyTo.length > 0) {
            either.orWhere('activity.twinningId IN (:...partyTo)', { partyTo });
          }
        }),
      );
    }
    if (filter.workingGroupCode) {
      const inGroup = await this.twinnings.idsInWorkingGroup(filter.workingGroupCode);
      if (inGroup.length === 0) query.andWhere('1 = 0');
      else query.andWhere('activity.twinningId IN (:...inGroup)', { inGroup });
    }
    return query;
  }
}
