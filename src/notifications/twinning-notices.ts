import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EntityManager, In } from 'typeorm';
import { User } from '../accounts/user.entity';
import { Environment } from '../config/environment';
import { msg } from '../i18n/catalogs';
import type { Message, MessageValue } from '../i18n/message';
import { Offer } from '../offers/offer.entity';
import { Organization } from '../organizations/organization.entity';
import { Country } from '../reference/country.entity';
import { TwinningNeed } from '../twinnings/twinning-need.entity';
import { TwinningParty } from '../twinnings/twinning-party.entity';
import { PartyResponse, TwinningStatus } from '../twinnings/twinning-status';
import { TwinningStep, TwinningsService } from '../twinnings/twinnings.service';
import type { TwinningArrangement } from '../twinnings/twinning.entity';
import { focalPointsOf, secretariatOf } from './audience';
import { NotificationKind } from './notification-kind';
import { Notice, Notifier, Recipient } from './notifier';

/** A country's name in each language, as messages name it. */
export function countryValue(country: Pick<Country, 'nameEn' | 'nameEs'>): MessageValue {
  return { byLocale: { EN: country.nameEn, ES: country.nameEs } };
}

const LISTS = {
  EN: new Intl.ListFormat('en', { type: 'conjunction' }),
  ES: new Intl.ListFormat('es', { type: 'conjunction' }),
};

/** Titles as each language quotes and lists them: “A” and “B”; «A» y «B». */
export function quotedList(titles: readonly string[]): MessageValue {
  return {
    byLocale: {
      EN: LISTS.EN.format(titles.map((title) => `“${title}”`)),
      ES: LISTS.ES.format(titles.map((title) => `«${title}»`)),
    },
  };
}

/** What every notice of a twinning names: its offer, its needs, its parties. */
interface TwinningFacts {
  offer: Offer;
  needTitles: string[];
  parties: TwinningParty[];
  /** A party's name (a country in each language, an organization's name). */
  nameOf(party: Pick<TwinningParty, 'countryCode' | 'organizationId'>): MessageValue;
}

/**
 * Who is told what of a twinning (API.md, "People, language and mail"): a proposal → the
 * active focal points of each party whose answer is PENDING; an answer → the proposer;
 * every party accepted → the secretariat; confirmed, declined, cancelled, completed → every
 * party's focal points; a proposal expired (by time) → every party's focal points, the
 * proposer's included. Nobody is told of their own step, and nobody twice for one step.
 */
@Injectable()
export class TwinningNotices implements OnModuleInit {
  private readonly proposalExpiryDays: number;

  constructor(
    private readonly twinnings: TwinningsService,
    private readonly notifier: Notifier,
    config: ConfigService<Environment, true>,
  ) {
    this.proposalExpiryDays = config.get('PROPOSAL_EXPIRY_DAYS', { infer: true });
  }

  onModuleInit(): void {
    this.twinnings.onStep((manager, step) => this.tell(manager, step));
  }

  private async tell(manager: EntityManager, step: TwinningStep): Promise<void> {
    const facts = await this.factsOf(manager, step.twinning);
    const told = new Set<string>(step.byClock ? [] : [step.by.id]);
    const tell = async (recipients: readonly Recipient[], notice: Notice) => {
      const fresh = recipients.filter((recipient) => !told.has(recipient.id));
      for (const recipient of fresh) told.add(recipient.id);
      await this.notifier.notify(manager, fresh, notice);
    };
    const base = { offer: facts.offer.title, needs: quotedList(facts.needTitles) };
    const link = {
      path: `/twinnings/${step.twinning.id}`,
      label: msg('notifications.seeTwinning'),
    };
    const comment = (text: string | null | undefined): Message[] =>
      text ? [msg('notifications.comment', { comment: text })] : [];

    if (step.from === null) {
      const proposer = facts.parties.find((party) => party.response === PartyResponse.ACCEPTED);
      const by = proposer ? facts.nameOf(proposer) : msg('notifications.secretariat');
      for (const party of facts.parties) {
        if (party.response !== PartyResponse.PENDING) continue;
        await tell(await focalPointsOf(manager, [party]), {
          kind: NotificationKind.TWINNING_PROPOSED,
          title: msg('notifications.proposedTitle', base),
          body: [
            msg('notifications.proposedBody', { ...base, by, side: facts.nameOf(party) }),
            ...comment(step.twinning.note),
          ],
          link,
        });
      }
      return;
    }

    const changed = step.from !== step.to;
    const answeredBy = step.answered && facts.nameOf(step.answered);
    const everyParty = () => focalPointsOf(manager, facts.parties);
    if (changed && step.to === TwinningStatus.ACCEPTED) {
      await tell(await secretariatOf(manager), {
        kind: NotificationKind.TWINNING_ACCEPTED,
        title: msg('notifications.acceptedTitle', base),
        body: [msg('notifications.acceptedBody', base)],
        link,
      });
    }
    if (changed && step.to === TwinningStatus.CONFIRMED) {
      await tell(await everyParty(), {
        kind: NotificationKind.TWINNING_CONFIRMED,
        title: msg('notifications.confirmedTitle', base),
        body: [msg('notifications.confirmedBody', base)],
        link,
      });
    }
    if (changed && step.to === TwinningStatus.DECLINED) {
      await tell(await everyParty(), {
        kind: NotificationKind.TWINNING_DECLINED,
        title: msg('notifications.declinedTitle', base),
        body: [
          msg('notifications.declinedBody', {
            ...base,
            side: answeredBy ?? msg('notifications.secretariat'),
          }),
          ...comment(step.answered?.comment),
        ],
        link,
      });
    }
    if (changed && step.to === TwinningStatus.CANCELLED) {
      await tell(await everyParty(), {
        kind: NotificationKind.TWINNING_CANCELLED,
        title: msg('notifications.cancelledTitle', base),
        body: [
          msg('notifications.cancelledBody', {
            ...base,
            reason: step.twinning.cancellationReason ?? '',
          }),
        ],
        link,
      });
    }
    if (changed && step.to === TwinningStatus.EXPIRED) {
      await tell(await everyParty(), {
        kind: NotificationKind.TWINNING_EXPIRED,
        title: msg('notifications.expiredTitle', base),
        body: [msg('notifications.expiredBody', { ...base, days: this.proposalExpiryDays })],
        link,
      });
    }
    if (changed && step.to === TwinningStatus.COMPLETED) {
      await tell(await everyParty(), {
        kind: NotificationKind.TWINNING_COMPLETED,
        title: msg('notifications.completedTitle', base),
        body: [
          msg('notifications.completedBody', base),
          ...(step.twinning.summary
            ? [msg('notifications.summary', { summary: step.twinning.summary })]
            : []),
        ],
        link,
      });
    }
    if (step.answered && answeredBy) {
      const proposer = await manager.findOneBy(User, { id: step.twinning.createdById });
      const accepted = step.answered.response === PartyResponse.ACCEPTED;
      const params = { ...base, side: answeredBy };
      await tell(proposer ? [proposer] : [], {
        kind: NotificationKind.TWINNING_ANSWERED,
        title: msg(
          accepted ? 'notifications.answeredAcceptedTitle' : 'notifications.answeredDeclinedTitle',
          params,
        ),
        body: [
          msg(
            accepted ? 'notifications.answeredAcceptedBody' : 'notifications.answeredDeclinedBody',
            params,
          ),
          ...comment(step.answered.comment),
        ],
        link,
      });
    }
  }

  private async factsOf(
    manager: EntityManager,
    twinning: TwinningArrangement,
  ): Promise<TwinningFacts> {
    const [offer, links, parties] = await Promise.all([
      manager.findOneByOrFail(Offer, { id: twinning.offerId }),
      manager.find(TwinningNeed, { where: { twinningId: twinning.id }, relations: { need: true } }),
      manager.find(TwinningParty, { where: { twinningId: twinning.id } }),
    ]);
    const codes = parties.flatMap((party) => party.countryCode ?? []);
    const [countries, organization] = await Promise.all([
      codes.length > 0 ? manager.findBy(Country, { code: In(codes) }) : [],
      manager.findOneBy(Organization, { id: offer.organizationId }),
    ]);
    const byCode = new Map(countries.map((country) => [country.code, country]));
    return {
      offer,
      needTitles: links.map((link) => link.need!.title).sort((a, b) => a.localeCompare(b)),
      parties,
      nameOf: (party) => {
        const country = party.countryCode ? byCode.get(party.countryCode) : undefined;
        if (country) return countryValue(country);
        return organization?.name ?? '';
      },
    };
  }
}
