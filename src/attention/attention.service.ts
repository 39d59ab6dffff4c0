import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import type { User } from '../accounts/user.entity';
import { ActivityStatus } from '../activities/activity-enums';
import { Clock } from '../common/clock/clock';
import type { Environment } from '../config/environment';
import { NeedStatus } from '../needs/need-enums';
import { OfferStatus } from '../offers/offer-status';
import { Offer } from '../offers/offer.entity';
import { Need } from '../needs/need.entity';
import { TwinningArrangement } from '../twinnings/twinning.entity';
import { PartyResponse, TwinningStatus } from '../twinnings/twinning-status';
import { AttentionItem } from './attention-item';
import { AttentionKind } from './attention-kind';
import { attentionScopeOf, AttentionScope } from './attention.policy';
import {
  byUrgency,
  daysSince,
  expiryWarningFrom,
  levelOfExpiry,
  levelOfWait,
  parseThresholds,
  Thresholds,
  waitingSince,
} from './attention-rules';

export interface AttentionFilter {
  countryCode?: string;
  workingGroupCode?: string;
  first: number;
}

/** The twinning statuses in which a need is being met or waits for an answer. */
const LIVE = [TwinningStatus.PROPOSED, TwinningStatus.ACCEPTED, TwinningStatus.CONFIRMED];

/** A timestamp as raw SQL hands it back: a Date on PostgreSQL, UTC text on SQLite. */
function rawDate(value: Date | string | null): Date | null {
  if (value === null) return null;
  if (value instanceof Date) return value;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}

/**
 * The attention list: what waits for someone to act, coloured by how long it has waited
 * (thresholds in the ATTENTION_* settings), reddest and oldest first. Each caller gets
 * what they may act on (attention.policy.ts).
 */
@Injectable()
export class AttentionService {
  private readonly thresholds: Record<AttentionKind, Thresholds>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    config: ConfigService<Environment, true>,
  ) {
    const read = (key: keyof Environment) => parseThresholds(String(config.get(key)));
    this.thresholds = {
      [AttentionKind.NEED_UNMATCHED]: read('ATTENTION_NEED_UNMATCHED_DAYS'),
      [AttentionKind.PROPOSAL_UNANSWERED]: read('ATTENTION_PROPOSAL_UNANSWERED_DAYS'),
      [AttentionKind.TWINNING_WITHOUT_ACTIVITY]: read('ATTENTION_TWINNING_WITHOUT_ACTIVITY_DAYS'),
      [AttentionKind.FOLLOW_UP_OVERDUE]: read('ATTENTION_FOLLOW_UP_OVERDUE_DAYS'),
      [AttentionKind.POSTING_EXPIRING]: read('ATTENTION_POSTING_EXPIRING_DAYS'),
    };
  }

  async listFor(user: User, filter: AttentionFilter): Promise<AttentionItem[]> {
    const scope = attentionScopeOf(user);
    if (scope.of === 'nobody') return [];
    const now = this.clock.now();
    const found = (
      await Promise.all([
        this.unmatchedNeeds(scope, filter, now),
        this.unansweredProposals(scope, filter, now),
        this.twinningsWithoutActivity(scope, filter, now),
        this.overdueFollowUps(scope, filter, now),
        this.expiringNeeds(scope, filter, now),
        this.expiringOffers(scope, filter, now),
      ])
    ).flat();
    return found
      .map((item) => ({ item, key: item.needId ?? item.offerId ?? item.twinningId ?? '' }))
      .sort((a, b) => byUrgency({ ...a.item, key: a.key }, { ...b.item, key: b.key }))
      .slice(0, filter.first)
      .map(({ item }) => item);
  }

  /** An item of `kind` waiting since `since`, if it has waited long enough to show. */
  private item(
    kind: AttentionKind,
    since: Date,
    now: Date,
    about: Pick<AttentionItem, 'needId' | 'offerId' | 'twinningId'>,
  ): AttentionItem[] {
    const level = levelOfWait(since, now, this.thresholds[kind]);
    if (!level) return [];
    return [
      Object.assign(new AttentionItem(), {
        kind,
        level,
        since,
        days: daysSince(since, now),
        ...about,
      }),
    ];
  }

  /**
   * Open needs with no live twinning (none proposed, accepted or confirmed), waiting since
   * they were posted or since their last twinning ended, whichever is later. Members are
   * told of such needs by the daily NEW_MATCHES digest instead.
   */
  private async unmatchedNeeds(
    scope: AttentionScope,
    filter: AttentionFilter,
    now: Date,
  ): Promise<AttentionItem[]> {
    if (scope.of === 'organization') return [];
    const cut = waitingSince(now, this.thresholds[AttentionKind.NEED_UNMATCHED].amber);
    const query = this.dataSource
      .getRepository(Need)
      .createQueryBuilder('need')
      .select('need.id', 'id')
      .addSelect('need.createdAt', 'createdAt')
      .addSelect(
        '(SELECT MAX("t"."updatedAt") FROM "twinning_needs" "tn" JOIN "twinnings" "t" ON "t"."id" = "tn"."twinningId" WHERE "tn"."needId" = "need"."id")',
        'endedAt',
      )
      .where('need.status = :open', { open: NeedStatus.OPEN })
      .andWhere('need.createdAt <= :cut', { cut })
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM "twinning_needs" "tn" JOIN "twinnings" "t" ON "t"."id" = "tn"."twinningId" WHERE "tn"."needId" = "need"."id" AND ("t"."status" IN (:...live) OR "t"."updatedAt" > :cut))',
        { live: LIVE },
      );
    if (scope.of === 'country')
      query.andWhere('need.countryCode = :own', { own: scope.countryCode });
    if (filter.countryCode)
      query.andWhere('need.countryCode = :country', { country: filter.countryCode });
    if (filter.workingGroupCode) {
      query.andWhere('need.workingGroupCode = :group', { group: filter.workingGroupCode });
    }
    const rows = await query.getRawMany<{
      id: string;
      createdAt: Date | string;
      endedAt: Date | string | null;
    }>();
    return rows.flatMap((row) => {
      const posted = rawDate(row.createdAt)!;
      const ended = rawDate(row.endedAt);
      const since = ended && ended > posted ? ended : posted;
      return this.item(AttentionKind.NEED_UNMATCHED, since, now, { needId: row.id });
    });
  }

  /** Proposals with a party still to answer (the caller's own side, unless secretariat). */
  private async unansweredProposals(
    scope: AttentionScope,
    filter: AttentionFilter,
    now: Date,
  ): Promise<AttentionItem[]> {
    const cut = waitingSince(now, this.thresholds[AttentionKind.PROPOSAL_UNANSWERED].amber);
    const query = this.twinnings(filter)
      .addSelect('twinning.createdAt', 'since')
      .andWhere('twinning.status = :proposed', { proposed: TwinningStatus.PROPOSED })
      .andWhere('twinning.createdAt <= :cut', { cut })
      .andWhere(
        `EXISTS (SELECT 1 FROM "twinning_parties" "p" WHERE "p"."twinningId" = "twinning"."id" AND "p"."response" = :pending${ownSide(scope, 'p')})`,
        { pending: PartyResponse.PENDING, ...ownSideParameters(scope) },
      );
    return this.twinningItems(AttentionKind.PROPOSAL_UNANSWERED, query, now);
  }

  /** Confirmed twinnings with no activity recorded (none cancelled counts) since. */
  private async twinningsWithoutActivity(
    scope: AttentionScope,
    filter: AttentionFilter,
    now: Date,
  ): Promise<AttentionItem[]> {
    const cut = waitingSince(now, this.thresholds[AttentionKind.TWINNING_WITHOUT_ACTIVITY].amber);
    const query = this.twinnings(filter)
      .addSelect('twinning.confirmedAt', 'since')
      .andWhere('twinning.status = :confirmed', { confirmed: TwinningStatus.CONFIRMED })
      .andWhere('twinning.confirmedAt <= :cut', { cut })
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM "activities" "a" WHERE "a"."twinningId" = "twinning"."id" AND "a"."status" <> :cancelled)',
        { cancelled: ActivityStatus.CANCELLED },
      );
    if (scope.of !== 'everyone') {
      query.andWhere(
        `EXISTS (SELECT 1 FROM "twinning_parties" "p" WHERE "p"."twinningId" = "twinning"."id"${ownSide(scope, 'p')})`,
        ownSideParameters(scope),
      );
    }
    return this.twinningItems(AttentionKind.TWINNING_WITHOUT_ACTIVITY, query, now);
  }

  /**
   * Follow-ups past due with an answer missing (the caller's own party's, unless
   * secretariat), waiting since they fell due; the item is about the twinning.
   */
  private async overdueFollowUps(
    scope: AttentionScope,
    filter: AttentionFilter,
    now: Date,
  ): Promise<AttentionItem[]> {
    const cut = waitingSince(now, this.thresholds[AttentionKind.FOLLOW_UP_OVERDUE].amber);
    const query = this.twinnings(filter)
      .innerJoin('follow_ups', 'followUp', '"followUp"."twinningId" = "twinning"."id"')
      .addSelect('"followUp"."dueAt"', 'since')
      .andWhere('"followUp"."submittedAt" IS NULL')
      .andWhere('"followUp"."dueAt" < :now', { now })
      .andWhere('"followUp"."dueAt" <= :cut', { cut })
      .andWhere(
        `EXISTS (SELECT 1 FROM "twinning_parties" "p" WHERE "p"."twinningId" = "twinning"."id"${ownSide(scope, 'p')} AND NOT EXISTS (SELECT 1 FROM "follow_up_responses" "r" WHERE "r"."followUpId" = "followUp"."id" AND "r"."partyId" = "p"."id"))`,
        ownSideParameters(scope),
      );
    return this.twinningItems(AttentionKind.FOLLOW_UP_OVERDUE, query, now);
  }

  /**
   * Open needs whose validity ends within the amber days (or has ended, before the hourly
   * expiry has run): their country's focal points and the secretariat may renew them.
   */
  private async expiringNeeds(
    scope: AttentionScope,
    filter: AttentionFilter,
    now: Date,
  ): Promise<AttentionItem[]> {
    if (scope.of === 'organization') return [];
    const query = this.dataSource
      .getRepository(Need)
      .createQueryBuilder('need')
      .select(['need.id', 'need.expiresAt'])
      .where('need.status = :open', { open: NeedStatus.OPEN })
      .andWhere('need.expiresAt <= :horizon', { horizon: this.expiryHorizon(now) });
    if (scope.of === 'country')
      query.andWhere('need.countryCode = :own', { own: scope.countryCode });
    if (filter.countryCode)
      query.andWhere('need.countryCode = :country', { country: filter.countryCode });
    if (filter.workingGroupCode) {
      query.andWhere('need.workingGroupCode = :group', { group: filter.workingGroupCode });
    }
    const needs = await query.getMany();
    return needs.flatMap((need) => this.expiryItem(need.expiresAt, now, { needId: need.id }));
  }

  /**
   * Live offers (open or full) whose validity ends within the amber days: their
   * organization's focal points and the secretariat may renew them. The country filter
   * keeps the offers that country is eligible for.
   */
  private async expiringOffers(
    scope: AttentionScope,
    filter: AttentionFilter,
    now: Date,
  ): Promise<AttentionItem[]> {
    if (scope.of === 'country') return [];
    const query = this.dataSource
      .getRepository(Offer)
      .createQueryBuilder('offer')
      .select(['offer.id', 'offer.expiresAt'])
      .where('offer.status IN (:...live)', { live: [OfferStatus.OPEN, OfferStatus.FULL] })
      .andWhere('offer.expiresAt <= :horizon', { horizon: this.expiryHorizon(now) });
    if (scope.of === 'organization') {
      query.andWhere('offer.organizationId = :own', { own: scope.organizationId });
    }
    if (filter.countryCode) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM "offer_eligible_countries" "e" WHERE "e"."offerId" = "offer"."id" AND "e"."countryCode" = :country)',
        { country: filter.countryCode },
      );
    }
    if (filter.workingGroupCode) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM "offer_working_groups" "w" WHERE "w"."offerId" = "offer"."id" AND "w"."workingGroupCode" = :group)',
        { group: filter.workingGroupCode },
      );
    }
    const offers = await query.getMany();
    return offers.flatMap((offer) => this.expiryItem(offer.expiresAt, now, { offerId: offer.id }));
  }

  /** The latest expiry that already needs attention now. */
  private expiryHorizon(now: Date): Date {
    return waitingSince(now, -this.thresholds[AttentionKind.POSTING_EXPIRING].amber);
  }

  /** A POSTING_EXPIRING item, waiting since its warning began. */
  private expiryItem(
    expiresAt: Date,
    now: Date,
    about: Pick<AttentionItem, 'needId' | 'offerId'>,
  ): AttentionItem[] {
    const thresholds = this.thresholds[AttentionKind.POSTING_EXPIRING];
    const level = levelOfExpiry(expiresAt, now, thresholds);
    if (!level) return [];
    const since = expiryWarningFrom(expiresAt, thresholds);
    return [
      Object.assign(new AttentionItem(), {
        kind: AttentionKind.POSTING_EXPIRING,
        level,
        since,
        days: daysSince(since, now),
        ...about,
      }),
    ];
  }

  /** Twinnings, narrowed by the filter: a party of the country, a need of the working group. */
  private twinnings(filter: AttentionFilter): SelectQueryBuilder<TwinningArrangement> {
    const query = this.dataSource
      .getRepository(TwinningArrangement)
      .createQueryBuilder('twinning')
      .select('twinning.id', 'id');
    if (filter.countryCode) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM "twinning_parties" "fp" WHERE "fp"."twinningId" = "twinning"."id" AND "fp"."countryCode" = :country)',
        { country: filter.countryCode },
      );
    }
    if (filter.workingGroupCode) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM "twinning_needs" "ftn" JOIN "needs" "fn" ON "fn"."id" = "ftn"."needId" WHERE "ftn"."twinningId" = "twinning"."id" AND "fn"."workingGroupCode" = :group)',
        { group: filter.workingGroupCode },
      );
    }
    return query;
  }

  private async twinningItems(
    kind: AttentionKind,
    query: SelectQueryBuilder<TwinningArrangement>,
    now: Date,
  ): Promise<AttentionItem[]> {
    const rows = await query.getRawMany<{ id: string; since: Date | string }>();
    return rows.flatMap((row) => this.item(kind, rawDate(row.since)!, now, { twinningId: row.id }));
  }
}

/** The SQL that narrows parties (alias `alias`) to the caller's own side. */
function ownSide(scope: AttentionScope, alias: string): string {
  if (scope.of === 'country') return ` AND "${alias}"."countryCode" = :ownCountry`;
  if (scope.of === 'organization') return ` AND "${alias}"."organizationId" = :ownOrganization`;
  return '';
}

function ownSideParameters(scope: AttentionScope): Record<string, string> {
  if (scope.of === 'country') return { ownCountry: scope.countryCode };
  if (scope.of === 'organization') return { ownOrganization: scope.organizationId };
  return {};
}
