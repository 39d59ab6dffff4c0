import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Cron, CronExpression } from '@nestjs/schedule';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { Environment } from '../config/environment';
import { inBackground } from '../database/background-work';
import { TransactionRunner } from '../database/transaction-runner';
import { msg } from '../i18n/catalogs';
import { Need } from '../needs/need.entity';
import { NeedsService } from '../needs/needs.service';
import { focalPointsOf, Side } from '../notifications/audience';
import { NotificationKind } from '../notifications/notification-kind';
import { Notice, Notifier } from '../notifications/notifier';
import { countryValue } from '../notifications/twinning-notices';
import { Offer } from '../offers/offer.entity';
import { OffersService } from '../offers/offers.service';
import { Organization } from '../organizations/organization.entity';
import { Country } from '../reference/country.entity';
import { ScheduledJobs } from '../scheduling/scheduled-jobs';
import { TwinningsService } from '../twinnings/twinnings.service';
import { DAY_MS } from './posting-validity';

const HOUR = 60 * 60 * 1000;

/** What one run of the postings job did. */
export interface PostingExpiryRun {
  /** Postings whose owners were told, unless told before (once per posting and date). */
  warned: number;
  expired: number;
}

/**
 * The time-driven side of expiry (API.md, "NAP commitments, visibility, expiry, outcomes"),
 * every hour and at start-up, each run once across instances (ScheduledJobs). Each run
 * handles everything due by its `now`, so a run after downtime catches up on what was
 * missed:
 * - `posting-expiry`: the owners (active focal points) of each need and offer that may
 *   expire and whose validity runs out within POSTING_EXPIRY_WARNING_DAYS are told once
 *   (POSTING_EXPIRING, once per posting and expiry date); then each one past its date
 *   becomes EXPIRED;
 * - `proposal-expiry`: each proposal some party has not answered PROPOSAL_EXPIRY_DAYS
 *   after it was made expires (TwinningsService.expireProposal).
 */
@Injectable()
export class ExpiryJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(ExpiryJobs.name);
  private readonly warningMs: number;
  private readonly proposalExpiryMs: number;
  private catchingUp?: Promise<unknown>;

  constructor(
    private readonly jobs: ScheduledJobs,
    private readonly transactions: TransactionRunner,
    private readonly notifier: Notifier,
    private readonly needs: NeedsService,
    private readonly offers: OffersService,
    private readonly twinnings: TwinningsService,
    private readonly clock: Clock,
    config: ConfigService<Environment, true>,
  ) {
    this.warningMs = config.get('POSTING_EXPIRY_WARNING_DAYS', { infer: true }) * DAY_MS;
    this.proposalExpiryMs = config.get('PROPOSAL_EXPIRY_DAYS', { infer: true }) * DAY_MS;
  }

  onApplicationBootstrap(): void {
    // Catch up in the background: start-up does not wait for it.
    this.catchingUp = inBackground(() => Promise.all([this.postingJob(), this.proposalJob()]));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.catchingUp;
  }

  /** Answers whether this instance ran it (false: another instance holds it). */
  @Cron(CronExpression.EVERY_HOUR, { name: 'posting-expiry' })
  postingJob(now = this.clock.now()): Promise<boolean> {
    return this.jobs.runOnce(
      'posting-expiry',
      HOUR,
      async ({ now: at }) => {
        const run = await this.expirePostings(at);
        if (run.warned + run.expired > 0) {
          this.log.log(`Postings: ${run.warned} warned of expiry, ${run.expired} expired`);
        }
      },
      now,
    );
  }

  /** Answers whether this instance ran it (false: another instance holds it). */
  @Cron(CronExpression.EVERY_HOUR, { name: 'proposal-expiry' })
  proposalJob(now = this.clock.now()): Promise<boolean> {
    return this.jobs.runOnce(
      'proposal-expiry',
      HOUR,
      async ({ now: at }) => {
        const expired = await this.expireProposals(at);
        if (expired > 0) this.log.log(`${expired} unanswered proposals expired`);
      },
      now,
    );
  }

  /** Warns of what expires soon, then expires what is past its date. */
  async expirePostings(now: Date): Promise<PostingExpiryRun> {
    const until = new Date(now.getTime() + this.warningMs);
    let warned = 0;
    for (const need of await this.needs.expiringBetween(now, until)) {
      if (await this.warnOfNeed(need)) warned += 1;
    }
    for (const offer of await this.offers.expiringBetween(now, until)) {
      if (await this.warnOfOffer(offer)) warned += 1;
    }
    const expired = (await this.needs.expireDue(now)) + (await this.offers.expireDue(now));
    return { warned, expired };
  }

  /** Expires every proposal made PROPOSAL_EXPIRY_DAYS or more before `now` still unanswered. */
  async expireProposals(now: Date): Promise<number> {
    const proposedBy = new Date(now.getTime() - this.proposalExpiryMs);
    let expired = 0;
    for (const id of await this.twinnings.proposalsMadeBy(proposedBy)) {
      try {
        if (await this.twinnings.expireProposal(id, proposedBy)) expired += 1;
      } catch (error) {
        // One proposal that cannot be settled does not hold up the others; it is tried
        // again next run.
        this.log.error({ err: error }, `The proposal ${id} could not be expired`);
      }
    }
    return expired;
  }

  private warnOfNeed(need: Need): Promise<boolean> {
    return this.transactions.run(async (manager) => {
      const country = await manager.findOneByOrFail(Country, { code: need.countryCode });
      return this.warn(
        manager,
        Need,
        need,
        [{ countryCode: need.countryCode, organizationId: null }],
        {
          kind: NotificationKind.POSTING_EXPIRING,
          title: msg('notifications.needExpiringTitle', { title: need.title }),
          body: [
            msg('notifications.needExpiringBody', {
              title: need.title,
              country: countryValue(country),
              expiresAt: need.expiresAt,
            }),
          ],
          link: { path: `/needs/${need.id}`, label: msg('notifications.seeNeed') },
          onceKey: `POSTING_EXPIRING:need:${need.id}:${need.expiresAt.toISOString()}`,
        },
      );
    });
  }

  private warnOfOffer(offer: Offer): Promise<boolean> {
    return this.transactions.run(async (manager) => {
      const organization = await manager.findOneByOrFail(Organization, {
        id: offer.organizationId,
      });
      return this.warn(
        manager,
        Offer,
        offer,
        [{ countryCode: null, organizationId: offer.organizationId }],
        {
          kind: NotificationKind.POSTING_EXPIRING,
          title: msg('notifications.offerExpiringTitle', { title: offer.title }),
          body: [
            msg('notifications.offerExpiringBody', {
              title: offer.title,
              organization: organization.name,
              expiresAt: offer.expiresAt,
            }),
          ],
          link: { path: `/offers/${offer.id}`, label: msg('notifications.seeOffer') },
          onceKey: `POSTING_EXPIRING:offer:${offer.id}:${offer.expiresAt.toISOString()}`,
        },
      );
    });
  }

  /**
   * Tells the posting's owners, unless it was renewed or changed status since it was read
   * (its row is read again in this transaction). Answers whether it was still due.
   */
  private async warn(
    manager: EntityManager,
    kind: typeof Need | typeof Offer,
    posting: Need | Offer,
    owners: readonly Side[],
    notice: Notice,
  ): Promise<boolean> {
    const current = await manager.findOneBy(kind, { id: posting.id });
    if (
      !current ||
      current.status !== posting.status ||
      current.expiresAt.getTime() !== posting.expiresAt.getTime()
    ) {
      return false;
    }
    await this.notifier.notify(manager, await focalPointsOf(manager, owners), notice);
    return true;
  }
}
