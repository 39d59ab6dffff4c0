import { Injectable } from '@nestjs/common';
import { ArgsType, PickType } from '@nestjs/graphql';
import type { User } from '../../accounts/user.entity';
import { ActivitiesService } from '../../activities/activities.service';
import { ActivitiesArgs } from '../../activities/dto/activities.args';
import { Locale } from '../../common/locale';
import { OffersService } from '../../offers/offers.service';
import { ReferenceService } from '../../reference/reference.service';
import { TwinningsService } from '../../twinnings/twinnings.service';
import { joined, label, ReferenceNames } from '../export-labels';
import { CellValue, everyPage, ExportColumn, ExportSource } from '../export-source';

/** The `activities` list's filter without its paging: the same rules. */
@ArgsType()
export class ActivitiesExportFilter extends PickType(
  ActivitiesArgs,
  ['from', 'to', 'countryCode'] as const,
  ArgsType,
) {}

/**
 * `activities.csv|xlsx`: the activities list (ActivitiesService.list: activities of
 * twinnings the reader may read, newest first), with the twinning's offer, the
 * participant countries and the participants by gender once done.
 */
@Injectable()
export class ActivitiesExport implements ExportSource<ActivitiesExportFilter> {
  readonly name = 'activities';
  readonly fileName = 'exports.fileActivities' as const;
  readonly filter = ActivitiesExportFilter;
  readonly dateFields = ['from', 'to'];
  readonly columns: readonly ExportColumn[] = [
    { header: 'exports.title', kind: 'text', width: 40 },
    { header: 'exports.kind', kind: 'text', width: 22 },
    { header: 'exports.twinning', kind: 'text', width: 40 },
    { header: 'exports.startsAt', kind: 'datetime', width: 18 },
    { header: 'exports.endsAt', kind: 'datetime', width: 18 },
    { header: 'exports.location', kind: 'text', width: 24 },
    { header: 'exports.virtual', kind: 'text', width: 9 },
    { header: 'exports.participantCountries', kind: 'text', width: 28 },
    { header: 'exports.status', kind: 'text', width: 14 },
    { header: 'exports.women', kind: 'integer', width: 10 },
    { header: 'exports.men', kind: 'integer', width: 10 },
    { header: 'exports.other', kind: 'integer', width: 10 },
    { header: 'exports.total', kind: 'integer', width: 10 },
    { header: 'exports.outcome', kind: 'text', width: 48 },
  ];

  constructor(
    private readonly activities: ActivitiesService,
    private readonly twinnings: TwinningsService,
    private readonly offers: OffersService,
    private readonly reference: ReferenceService,
  ) {}

  async *rows(
    reader: User,
    filter: ActivitiesExportFilter,
    locale: Locale,
  ): AsyncGenerator<CellValue[]> {
    const names = await ReferenceNames.of(this.reference, locale);
    const { from, to, countryCode } = filter;
    for await (const batch of everyPage((page) =>
      this.activities.list(reader, { from, to, countryCode }, page),
    )) {
      const twinnings = await this.twinnings.byIds([
        ...new Set(batch.map((activity) => activity.twinningId)),
      ]);
      const [offers, participants] = await Promise.all([
        this.offers.byIds([...new Set(twinnings.map((twinning) => twinning.offerId))]),
        this.activities.participantCountriesOf(batch.map((activity) => activity.id)),
      ]);
      const offerTitle = new Map(offers.map((offer) => [offer.id, offer.title]));
      const twinningTitle = new Map(
        twinnings.map((twinning) => [twinning.id, offerTitle.get(twinning.offerId) ?? null]),
      );
      const countriesOf = new Map<string, string[]>();
      for (const link of participants) {
        countriesOf.set(link.activityId, [
          ...(countriesOf.get(link.activityId) ?? []),
          names.country(link.countryCode),
        ]);
      }
      for (const activity of batch) {
        const counted = activity.women !== null && activity.men !== null && activity.other !== null;
        yield [
          activity.title,
          label(locale, `exports.activityKind${activity.kind}`),
          twinningTitle.get(activity.twinningId) ?? null,
          activity.startsAt,
          activity.endsAt,
          activity.location,
          label(locale, activity.virtual ? 'exports.yes' : 'exports.no'),
          joined(countriesOf.get(activity.id) ?? []),
          label(locale, `exports.activityStatus${activity.status}`),
          activity.women,
          activity.men,
          activity.other,
          counted ? activity.women! + activity.men! + activity.other! : null,
          activity.outcome,
        ];
      }
    }
  }
}
