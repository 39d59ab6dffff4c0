import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { inBackground } from '../database/background-work';
import { TransactionRunner } from '../database/transaction-runner';
import { FallenDue, FollowUpsService } from '../follow-ups/follow-ups.service';
import { msg } from '../i18n/catalogs';
import type { MessageValue } from '../i18n/message';
import { Offer } from '../offers/offer.entity';
import { Organization } from '../organizations/organization.entity';
import { Country } from '../reference/country.entity';
import { JobWindow, ScheduledJobs } from '../scheduling/scheduled-jobs';
import { TwinningNeed } from '../twinnings/twinning-need.entity';
import { TwinningParty } from '../twinnings/twinning-party.entity';
import { TwinningArrangement } from '../twinnings/twinning.entity';
import { focalPointsOf } from './audience';
import { NotificationKind } from './notification-kind';
import { Notifier } from './notifier';
import { countryValue, quotedList } from './twinning-notices';

const HOUR = 60 * 60 * 1000;
const JOB = 'follow-ups-due';

/**
 * FOLLOW_UP_DUE: when a follow-up falls due with answers missing, the focal points of each
 * party that has not answered are told, once (the notification's key), in their language.
 * Runs every hour, once across instances (ScheduledJobs), and at start-up: each run covers
 * the due dates since the last run that went to the end, so a downtime is caught up.
 */
@Injectable()
export class FollowUpReminders implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(FollowUpReminders.name);
  private catchingUp?: Promise<unknown>;

  constructor(
    private readonly jobs: ScheduledJobs,
    private readonly transactions: TransactionRunner,
    private readonly notifier: Notifier,
    private readonly followUps: FollowUpsService,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    // Catch up in the background: start-up does not wait for it.
    this.catchingUp = inBackground(() => this.dueJob());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.catchingUp;
  }

  @Cron(CronExpression.EVERY_HOUR, { name: JOB })
  async dueJob(now = this.clock.now()): Promise<void> {
    await this.jobs.runOnce(JOB, HOUR, async (window) => void (await this.remindDue(window)), now);
  }

  /** Tells of the follow-ups that fell due in the window; answers how many there were. */
  async remindDue({ lastRunAt, now }: JobWindow): Promise<number> {
    const due = await this.followUps.fallenDue(lastRunAt, now);
    for (const fallen of due) {
      await this.transactions.run((manager) => this.remind(manager, fallen));
    }
    if (due.length > 0) this.log.log(`${due.length} follow-ups fell due; their parties were told`);
    return due.length;
  }

  private async remind(manager: EntityManager, { followUp, unanswered }: FallenDue) {
    const twinning = await manager.findOneByOrFail(TwinningArrangement, {
      id: followUp.twinningId,
    });
    const [offer, links] = await Promise.all([
      manager.findOneByOrFail(Offer, { id: twinning.offerId }),
      manager.find(TwinningNeed, { where: { twinningId: twinning.id }, relations: { need: true } }),
    ]);
    const base = {
      offer: offer.title,
      needs: quotedList(links.map((link) => link.need!.title).sort((a, b) => a.localeCompare(b))),
      completedAt: twinning.completedAt ?? followUp.createdAt,
    };
    for (const party of unanswered) {
      await this.notifier.notify(manager, await focalPointsOf(manager, [party]), {
        kind: NotificationKind.FOLLOW_UP_DUE,
        title: msg('notifications.followUpDueTitle', base),
        body: [
          msg('notifications.followUpDueBody', { ...base, side: await nameOf(manager, party) }),
        ],
        link: { path: `/twinnings/${twinning.id}`, label: msg('notifications.seeTwinning') },
        onceKey: `FOLLOW_UP_DUE:${followUp.id}`,
      });
    }
  }
}

/** A party's name: a country in each language, or its organization's name. */
async function nameOf(manager: EntityManager, party: TwinningParty): Promise<MessageValue> {
  if (party.countryCode) {
    return countryValue(await manager.findOneByOrFail(Country, { code: party.countryCode }));
  }
  const organization = await manager.findOneByOrFail(Organization, { id: party.organizationId! });
  return organization.name;
}
