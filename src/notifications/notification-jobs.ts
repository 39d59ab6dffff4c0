import { Clock } from '../common/clock/clock';
import {
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Cron, CronExpression, SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { InjectDataSource } from '@nestjs/typeorm';
import { And, DataSource, EntityManager, In, LessThanOrEqual, MoreThan } from 'typeorm';
import { ActivityStatus } from '../activities/activity-enums';
import { Activity } from '../activities/activity.entity';
import { Environment } from '../config/environment';
import { inBackground } from '../database/background-work';
import { TransactionRunner } from '../database/transaction-runner';
import { msg } from '../i18n/catalogs';
import type { Message } from '../i18n/message';
import { MatchingService } from '../matching/matching.service';
import { NeedStatus, Visibility } from '../needs/need-enums';
import { Need } from '../needs/need.entity';
import { OfferStatus } from '../offers/offer-status';
import { Offer } from '../offers/offer.entity';
import { Organization } from '../organizations/organization.entity';
import { Country } from '../reference/country.entity';
import { JobWindow, ScheduledJobs } from '../scheduling/scheduled-jobs';
import { TwinningParty } from '../twinnings/twinning-party.entity';
import { TwinningArrangement } from '../twinnings/twinning.entity';
import { focalPointsOf } from './audience';
import { NotificationKind } from './notification-kind';
import { Notification } from './notification.entity';
import { Notifier, Recipient } from './notifier';
import { countryValue } from './twinning-notices';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** How far ahead an activity is announced to its parties. */
export const UPCOMING_WITHIN_MS = 7 * DAY;
/** The suggestions a new need or offer brings into one digest at most. */
const SUGGESTIONS_PER_POSTING = 10;
/** How far back a digest looks: after a long downtime, or a person's last digest. */
const LONGEST_DIGEST_WINDOW_MS = 7 * DAY;

function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.id, row]));
}

/** One line of a digest: a new match for something the person speaks for. */
interface DigestLine {
  score: number;
  /** When the posting that brings it was opened for matching. */
  openedAt: Date;
  line: Message;
}

/** The UTC day of `at`, as 2026-03-01: a person gets one digest a day. */
function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * The time-driven notifications, each run once across instances (ScheduledJobs) and
 * again at start-up to catch up after downtime:
 * - every hour, ACTIVITY_UPCOMING to the parties of each planned activity starting within
 *   7 days (once per activity and start time);
 * - daily (NEW_MATCHES_CRON), the NEW_MATCHES digest: the suggestions above the minimum
 *   score that needs and offers opened for matching (posted or back to OPEN) since each
 *   person's last digest bring to the focal points of the other side; at most one a day
 *   per person, nothing lost to a second run in a day.
 */
@Injectable()
export class NotificationJobs implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger(NotificationJobs.name);
  private readonly digestCron: string;
  private catchingUp?: Promise<unknown>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: ScheduledJobs,
    private readonly transactions: TransactionRunner,
    private readonly notifier: Notifier,
    private readonly matching: MatchingService,
    private readonly scheduler: SchedulerRegistry,
    private readonly clock: Clock,
    config: ConfigService<Environment, true>,
  ) {
    this.digestCron = config.get('NEW_MATCHES_CRON', { infer: true });
  }

  onApplicationBootstrap(): void {
    const digest = CronJob.from({
      cronTime: this.digestCron,
      timeZone: 'UTC',
      onTick: () => void this.digestJob(),
    });
    this.scheduler.addCronJob('new-matches-digest', digest);
    digest.start();
    // Catch up in the background: start-up does not wait for it.
    this.catchingUp = inBackground(() => Promise.all([this.upcomingJob(), this.digestIfMissed()]));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.catchingUp;
  }

  @Cron(CronExpression.EVERY_HOUR, { name: 'upcoming-activities' })
  async upcomingJob(now = this.clock.now()): Promise<void> {
    await this.jobs.runOnce(
      'upcoming-activities',
      HOUR,
      async ({ now: at }) => void (await this.remindUpcoming(at)),
      now,
    );
  }

  async digestJob(now = this.clock.now()): Promise<void> {
    await this.jobs.runOnce(
      'new-matches-digest',
      HOUR,
      async (window) => void (await this.digest(window)),
      now,
    );
  }

  /** A digest missed while the service was down (none for a day) is written now. */
  private async digestIfMissed(): Promise<void> {
    const last = await this.jobs.lastRunOf('new-matches-digest');
    if (!last || Date.now() - last.getTime() >= DAY) await this.digestJob();
  }

  /** ACTIVITY_UPCOMING for each planned activity starting within 7 days of `now`. */
  async remindUpcoming(now: Date): Promise<number> {
    const activities = await this.dataSource.manager.find(Activity, {
      where: {
        status: ActivityStatus.PLANNED,
        startsAt: And(MoreThan(now), LessThanOrEqual(new Date(now.getTime() + UPCOMING_WITHIN_MS))),
      },
      order: { startsAt: 'ASC' },
    });
    for (const activity of activities) {
      await this.transactions.run(async (manager) => {
        const [twinning, parties] = await Promise.all([
          manager.findOneByOrFail(TwinningArrangement, { id: activity.twinningId }),
          manager.findBy(TwinningParty, { twinningId: activity.twinningId }),
        ]);
        const offer = await manager.findOneByOrFail(Offer, { id: twinning.offerId });
        await this.notifier.notify(manager, await focalPointsOf(manager, parties), {
          kind: NotificationKind.ACTIVITY_UPCOMING,
          title: msg('notifications.upcomingTitle', { activity: activity.title }),
          body: [
            msg('notifications.upcomingBody', {
              activity: activity.title,
              offer: offer.title,
              startsAt: activity.startsAt,
            }),
            ...(activity.location
              ? [msg('notifications.upcomingPlace', { location: activity.location })]
              : []),
          ],
          link: { path: `/twinnings/${twinning.id}`, label: msg('notifications.seeTwinning') },
          onceKey: `ACTIVITY_UPCOMING:${activity.id}:${activity.startsAt.toISOString()}`,
        });
      });
    }
    return activities.length;
  }

  /**
   * The NEW_MATCHES digest: each need opened for matching (posted, released by a twinning,
   * renewed after expiry) brings its suggested offers to the offers' organizations, each
   * offer opened so its suggested needs to the needs' countries. A person is told what was
   * opened since their own last digest (at most a week back; none in that week: since the
   * job's last run), once a day at most: someone already told today is told the rest
   * tomorrow, so a second run in a day loses nothing. Answers how many people it was
   * written for.
   */
  async digest({ lastRunAt, now }: JobWindow): Promise<number> {
    const oldest = new Date(now.getTime() - LONGEST_DIGEST_WINDOW_MS);
    const lines = new Map<string, { recipient: Recipient; lines: DigestLine[] }>();
    const add = (recipients: readonly Recipient[], line: DigestLine) => {
      for (const recipient of recipients) {
        const entry = lines.get(recipient.id) ?? { recipient, lines: [] };
        entry.lines.push(line);
        lines.set(recipient.id, entry);
      }
    };

    // Reads only: no transaction.
    const manager = this.dataSource.manager;
    {
      const opened = And(MoreThan(oldest), LessThanOrEqual(now));
      const [needs, offers] = await Promise.all([
        manager.findBy(Need, { status: NeedStatus.OPEN, openedAt: opened }),
        manager.findBy(Offer, { status: OfferStatus.OPEN, openedAt: opened }),
      ]);
      const names = await this.namesOf(manager);
      for (const need of needs) {
        // A restricted need is never suggested to members (need.policy.ts: maySuggestNeedTo).
        if (need.visibility === Visibility.RESTRICTED) continue;
        const pairs = await this.matching.suggestOffers(null, need.id, SUGGESTIONS_PER_POSTING);
        const suggested = byId(
          await manager.findBy(Offer, { id: In(pairs.map((pair) => pair.offerId)) }),
        );
        for (const pair of pairs) {
          const offer = suggested.get(pair.offerId);
          if (!offer) continue;
          add(
            await focalPointsOf(manager, [
              { countryCode: null, organizationId: offer.organizationId },
            ]),
            {
              score: pair.score,
              openedAt: need.openedAt,
              line: msg('notifications.needFitsOffer', {
                need: need.title,
                country: names.country(need.countryCode),
                offer: offer.title,
                score: Math.round(pair.score * 100),
              }),
            },
          );
        }
      }
      for (const offer of offers) {
        // Each need is told to its own country's focal points only, restricted ones too.
        const pairs = await this.matching.suggestNeeds(null, offer.id, SUGGESTIONS_PER_POSTING);
        const suggested = byId(
          await manager.findBy(Need, { id: In(pairs.map((pair) => pair.needId)) }),
        );
        for (const pair of pairs) {
          const need = suggested.get(pair.needId);
          if (!need) continue;
          add(
            await focalPointsOf(manager, [{ countryCode: need.countryCode, organizationId: null }]),
            {
              score: pair.score,
              openedAt: offer.openedAt,
              line: msg('notifications.offerFitsNeed', {
                offer: offer.title,
                organization: names.organization(offer.organizationId),
                need: need.title,
                score: Math.round(pair.score * 100),
              }),
            },
          );
        }
      }
    }

    const day = utcDay(now);
    const lastDigestOf = await this.lastDigests(manager, [...lines.keys()], oldest);
    // No digest within the week: what the job has not covered yet.
    const jobSince = lastRunAt ?? new Date(now.getTime() - DAY);
    let written = 0;
    for (const { recipient, lines: found } of lines.values()) {
      const last = lastDigestOf.get(recipient.id);
      // One a day: what is new for them waits for tomorrow's, which starts at this one.
      if (last && utcDay(last) === day) continue;
      const since = Math.max((last ?? jobSince).getTime(), oldest.getTime());
      const best = found
        .filter((entry) => entry.openedAt.getTime() > since)
        .sort((a, b) => b.score - a.score);
      if (best.length === 0) continue;
      await this.transactions.run((manager) =>
        this.notifier.notify(manager, [recipient], {
          kind: NotificationKind.NEW_MATCHES,
          title: msg('notifications.newMatchesTitle', { count: best.length }),
          body: [msg('notifications.newMatchesIntro'), ...best.map((entry) => entry.line)],
          link: { path: '/', label: msg('notifications.seeSuggestions') },
          onceKey: `NEW_MATCHES:${day}`,
          // Dated at the window's end: the person's next digest covers from here.
          at: now,
        }),
      );
      written++;
    }
    if (written > 0) this.log.log(`New-matches digest written for ${written} people`);
    return written;
  }

  /** When each of `userIds` was last given a NEW_MATCHES digest after `oldest`. */
  private async lastDigests(
    manager: EntityManager,
    userIds: readonly string[],
    oldest: Date,
  ): Promise<Map<string, Date>> {
    const last = new Map<string, Date>();
    if (userIds.length === 0) return last;
    const digests = await manager.find(Notification, {
      select: { userId: true, createdAt: true },
      where: {
        userId: In([...userIds]),
        kind: NotificationKind.NEW_MATCHES,
        createdAt: MoreThan(oldest),
      },
    });
    for (const { userId, createdAt } of digests) {
      const known = last.get(userId);
      if (!known || createdAt > known) last.set(userId, createdAt);
    }
    return last;
  }

  private async namesOf(manager: EntityManager) {
    const [countries, organizations] = await Promise.all([
      manager.find(Country),
      manager.find(Organization, { select: { id: true, name: true } }),
    ]);
    const byCode = new Map(countries.map((country) => [country.code, country]));
    const byId = new Map(organizations.map((organization) => [organization.id, organization.name]));
    return {
      country: (code: string) => {
        const country = byCode.get(code);
        return country ? countryValue(country) : code;
      },
      organization: (id: string) => byId.get(id) ?? '',
    };
  }
}
