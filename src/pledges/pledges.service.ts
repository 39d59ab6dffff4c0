import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { And, In, LessThan, MoreThanOrEqual, Repository } from 'typeorm';
import type { User } from '../accounts/user.entity';
import { Clock } from '../common/clock/clock';
import { FieldProblems, NotFoundError } from '../common/errors/domain-errors';
import { ConnectionShape, PageArgs } from '../common/pagination/connection';
import { keysetPage } from '../common/pagination/keyset-page';
import { TransactionRunner, writeLock } from '../database/transaction-runner';
import { msg } from '../i18n/catalogs';
import { NeedsService } from '../needs/needs.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { ReferenceService } from '../reference/reference.service';
import { TwinningsService } from '../twinnings/twinnings.service';
import { isIsoCurrency, sumCents, toUsd, USD } from './currency';
import { CreatePledgeInput } from './dto/create-pledge.input';
import { ExchangeRate } from './exchange-rate.entity';
import { PledgeNeed } from './pledge-need.entity';
import { assertPledgeMayMove, INITIAL_PLEDGE_STATUS, nextPledgeStatuses } from './pledge-state';
import { PledgeStatus } from './pledge-status';
import { restrictPledgesToReadable } from './pledge-visibility.queries';
import { Pledge } from './pledge.entity';
import { assertMayManagePledgesOf, mayManagePledgesOf } from './pledge.policy';
import { ratesInForce } from './pledges.queries';

export interface PledgeFilter {
  organizationId?: string;
  countryCode?: string;
  status?: PledgeStatus;
}

/** One member's pledges of a period, in US dollars. */
export interface MemberPledgeFigures {
  organizationId: string;
  pledges: number;
  pledgedUsd: number;
  disbursedUsd: number;
}

/** The pledges of a period (by pledgedAt), in US dollars at the rates in force now. */
export interface PledgeFigures {
  /** Pledges not CANCELLED. */
  pledges: number;
  /** Their amounts in US dollars; a pledge in a currency without a rate adds nothing. */
  pledgedUsd: number;
  /** The DISBURSED ones'. */
  disbursedUsd: number;
  /** Pledges not CANCELLED whose currency has no rate: left out of the sums. */
  withoutRate: number;
  byMember: MemberPledgeFigures[];
}

/**
 * Pledges by member organizations, their statuses, and the secretariat's exchange rates
 * that put them in US dollars.
 */
@Injectable()
export class PledgesService {
  constructor(
    @InjectRepository(Pledge) private readonly pledges: Repository<Pledge>,
    @InjectRepository(PledgeNeed) private readonly pledgeNeeds: Repository<PledgeNeed>,
    @InjectRepository(ExchangeRate) private readonly rates: Repository<ExchangeRate>,
    private readonly reference: ReferenceService,
    private readonly organizations: OrganizationsService,
    private readonly needs: NeedsService,
    private readonly twinnings: TwinningsService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /** The pledges `reader` may read (pledge.policy.ts), newest first. */
  list(
    reader: User,
    filter: PledgeFilter = {},
    page: PageArgs = {},
  ): Promise<ConnectionShape<Pledge>> {
    const query = restrictPledgesToReadable(this.pledges.createQueryBuilder('pledge'), reader);
    if (filter.organizationId) {
      query.andWhere('pledge.organizationId = :organization', {
        organization: filter.organizationId,
      });
    }
    if (filter.countryCode) {
      query.andWhere('pledge.countryCode = :country', { country: filter.countryCode });
    }
    if (filter.status) query.andWhere('pledge.status = :status', { status: filter.status });
    return keysetPage(query, page);
  }

  /** The links of several pledges to their needs. */
  needLinksOf(pledgeIds: readonly string[]): Promise<PledgeNeed[]> {
    return this.pledgeNeeds.find({
      where: { pledgeId: In([...pledgeIds]) },
      order: { pledgeId: 'ASC', needId: 'ASC' },
    });
  }

  /** US dollars per unit of each of these currencies now (USD 1); absent without a rate. */
  async usdPerUnitNow(currencies: readonly string[]): Promise<Map<string, number>> {
    const rates = await ratesInForce(this.rates, currencies, this.clock.now());
    if (currencies.includes(USD)) rates.set(USD, 1);
    return rates;
  }

  /** Every rate ever set, newest first. */
  exchangeRates(): Promise<ExchangeRate[]> {
    return this.rates.find({ order: { asOf: 'DESC', recordedAt: 'DESC', id: 'DESC' } });
  }

  /** The statuses `reader` may move the pledge to now: none if they may not change it. */
  nextStatusesFor(reader: User, pledge: Pledge): readonly PledgeStatus[] {
    return mayManagePledgesOf(reader, pledge.organizationId)
      ? nextPledgeStatuses(pledge.status)
      : [];
  }

  async create(user: User, input: CreatePledgeInput): Promise<Pledge> {
    assertMayManagePledgesOf(user, input.organizationId);
    const now = this.clock.now();
    const problems = new FieldProblems();
    await this.organizations.checkExists(problems, 'organizationId', input.organizationId);
    if (!isIsoCurrency(input.currency)) {
      problems.add('currency', msg('pledges.unknownCurrency', { code: input.currency }));
    }
    if (input.pledgedAt && input.pledgedAt.getTime() > now.getTime()) {
      problems.add('pledgedAt', msg('pledges.futurePledge'));
    }
    if (input.countryCode) {
      await this.reference.checkCountryCodes(problems, 'countryCode', [input.countryCode], {
        mirpsOnly: true,
      });
    }
    if (input.workingGroupCode) {
      await this.reference.checkWorkingGroupCodes(problems, 'workingGroupCode', [
        input.workingGroupCode,
      ]);
    }
    const needIds = input.needIds ?? [];
    const countryCode = await this.countryOfLinks(user, problems, input, needIds);
    problems.throwIfAny();

    return this.transactions.run(async (manager) => {
      const pledge = await manager.save(
        manager.create(Pledge, {
          organizationId: input.organizationId,
          amount: input.amount,
          currency: input.currency,
          status: INITIAL_PLEDGE_STATUS,
          countryCode,
          workingGroupCode: input.workingGroupCode ?? null,
          twinningId: input.twinningId ?? null,
          pledgedAt: input.pledgedAt ?? now,
          note: input.note?.trim() ?? null,
          createdById: user.id,
          createdAt: now,
          updatedAt: now,
        }),
      );
      if (needIds.length > 0) {
        await manager.insert(
          PledgeNeed,
          needIds.map((needId) => ({ pledgeId: pledge.id, needId })),
        );
      }
      return pledge;
    });
  }

  async setStatus(user: User, id: string, status: PledgeStatus): Promise<Pledge> {
    return this.transactions.run(async (manager) => {
      const pledge = await manager.findOne(Pledge, { where: { id }, lock: writeLock(manager) });
      if (!pledge) throw new NotFoundError('Pledge', id);
      assertMayManagePledgesOf(user, pledge.organizationId);
      assertPledgeMayMove(pledge.status, status);
      pledge.status = status;
      pledge.updatedAt = this.clock.now();
      return manager.save(pledge);
    });
  }

  async setExchangeRate(
    user: User,
    currency: string,
    usdPerUnit: number,
    asOf: Date,
  ): Promise<boolean> {
    const problems = new FieldProblems();
    if (!isIsoCurrency(currency)) {
      problems.add('currency', msg('pledges.unknownCurrency', { code: currency }));
    } else if (currency === USD) {
      problems.add('currency', msg('pledges.usdIsOne'));
    }
    problems.throwIfAny();
    await this.transactions.run((manager) =>
      manager.insert(ExchangeRate, {
        currency,
        usdPerUnit,
        asOf,
        recordedById: user.id,
        recordedAt: this.clock.now(),
      }),
    );
    return true;
  }

  /**
   * The pledges with pledgedAt in [from, to), in US dollars at the rates in force now
   * (so the totals follow rate changes), by member, the largest pledged first.
   */
  async figuresBetween(from: Date, to: Date): Promise<PledgeFigures> {
    const pledges = await this.pledges.find({
      where: { pledgedAt: And(MoreThanOrEqual(from), LessThan(to)) },
    });
    const live = pledges.filter((pledge) => pledge.status !== PledgeStatus.CANCELLED);
    const rates = await this.usdPerUnitNow(live.map((pledge) => pledge.currency));
    const members = new Map<string, { pledged: number[]; disbursed: number[]; count: number }>();
    let withoutRate = 0;
    for (const pledge of live) {
      const usd = toUsd(pledge.amount, pledge.currency, rates.get(pledge.currency));
      const member = members.get(pledge.organizationId) ?? { pledged: [], disbursed: [], count: 0 };
      member.count += 1;
      if (usd === null) withoutRate += 1;
      else {
        member.pledged.push(usd);
        if (pledge.status === PledgeStatus.DISBURSED) member.disbursed.push(usd);
      }
      members.set(pledge.organizationId, member);
    }
    const byMember = [...members].map(([organizationId, member]) => ({
      organizationId,
      pledges: member.count,
      pledgedUsd: sumCents(member.pledged),
      disbursedUsd: sumCents(member.disbursed),
    }));
    byMember.sort(
      (a, b) => b.pledgedUsd - a.pledgedUsd || a.organizationId.localeCompare(b.organizationId),
    );
    return {
      pledges: live.length,
      pledgedUsd: sumCents(byMember.map((member) => member.pledgedUsd)),
      disbursedUsd: sumCents(byMember.map((member) => member.disbursedUsd)),
      withoutRate,
      byMember,
    };
  }

  /**
   * Checks the needs and twinning against what the caller may read and against the
   * country, and answers the pledge's country: the one given, else that of its needs,
   * else that of its twinning when it has one country party.
   */
  private async countryOfLinks(
    user: User,
    problems: FieldProblems,
    input: CreatePledgeInput,
    needIds: readonly string[],
  ): Promise<string | null> {
    let countryCode = input.countryCode ?? null;
    if (needIds.length > 0) {
      const readable = await this.needs.readableIds(user, needIds);
      const needs = (await this.needs.byIds([...readable])).sort((a, b) =>
        a.id.localeCompare(b.id),
      );
      for (const id of needIds) {
        if (!readable.has(id)) problems.add('needIds', msg('pledges.noSuchNeed', { id }));
      }
      const countries = [...new Set(needs.map((need) => need.countryCode))].sort();
      if (countryCode) {
        for (const need of needs.filter((need) => need.countryCode !== countryCode)) {
          problems.add(
            'needIds',
            msg('pledges.needOfOtherCountry', {
              title: need.title,
              needCountry: need.countryCode,
              countryCode,
            }),
          );
        }
      } else if (countries.length > 1) {
        problems.add('needIds', msg('pledges.needsOfSeveralCountries', { countries }));
      } else if (countries.length === 1) {
        countryCode = countries[0];
      }
    }
    if (input.twinningId) {
      const readable = await this.twinnings.readableIds(user, [input.twinningId]);
      if (!readable.has(input.twinningId)) {
        problems.add('twinningId', msg('pledges.noSuchTwinning', { id: input.twinningId }));
        return countryCode;
      }
      const countries = (await this.twinnings.partiesOf([input.twinningId]))
        .map((party) => party.countryCode)
        .filter((code): code is string => code !== null);
      if (countryCode && !countries.includes(countryCode)) {
        problems.add('twinningId', msg('pledges.twinningOfOtherCountry', { countryCode }));
      } else if (!countryCode && countries.length === 1) {
        countryCode = countries[0];
      }
    }
    return countryCode;
  }
}
