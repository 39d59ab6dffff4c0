import { Injectable } from '@nestjs/common';
import type { User } from '../../accounts/user.entity';
import { Locale } from '../../common/locale';
import { OffersService } from '../../offers/offers.service';
import { OrganizationsService } from '../../organizations/organizations.service';
import { ReferenceService } from '../../reference/reference.service';
import { TwinningFilter } from '../../twinnings/dto/twinning-filter.input';
import { TwinningsService } from '../../twinnings/twinnings.service';
import { joined, label, ReferenceNames } from '../export-labels';
import { CellValue, everyPage, ExportColumn, ExportSource } from '../export-source';

/**
 * `twinnings.csv|xlsx`: the twinnings list (TwinningsService.list: the same filters and
 * visibility rule, newest first), each with its offer, its parties and its needs (a reader
 * of a twinning reads all its needs: need.policy.ts).
 */
@Injectable()
export class TwinningsExport implements ExportSource<TwinningFilter> {
  readonly name = 'twinnings';
  readonly fileName = 'exports.fileTwinnings' as const;
  readonly filter = TwinningFilter;
  readonly columns: readonly ExportColumn[] = [
    { header: 'exports.offer', kind: 'text', width: 40 },
    { header: 'exports.organization', kind: 'text', width: 32 },
    { header: 'exports.countries', kind: 'text', width: 24 },
    { header: 'exports.needs', kind: 'text', width: 60 },
    { header: 'exports.status', kind: 'text', width: 22 },
    { header: 'exports.proposedAt', kind: 'date', width: 14 },
    { header: 'exports.confirmedAt', kind: 'date', width: 14 },
    { header: 'exports.completedAt', kind: 'date', width: 14 },
  ];

  constructor(
    private readonly twinnings: TwinningsService,
    private readonly offers: OffersService,
    private readonly organizations: OrganizationsService,
    private readonly reference: ReferenceService,
  ) {}

  async *rows(reader: User, filter: TwinningFilter, locale: Locale): AsyncGenerator<CellValue[]> {
    const names = await ReferenceNames.of(this.reference, locale);
    for await (const batch of everyPage((page) => this.twinnings.list(reader, filter, page))) {
      const ids = batch.map((twinning) => twinning.id);
      const [offers, parties, needLinks] = await Promise.all([
        this.offers.byIds([...new Set(batch.map((twinning) => twinning.offerId))]),
        this.twinnings.partiesOf(ids),
        this.twinnings.needLinksOf(ids),
      ]);
      const organizations = await this.organizations.byIds([
        ...new Set(offers.map((offer) => offer.organizationId)),
      ]);
      const offerOf = new Map(offers.map((offer) => [offer.id, offer]));
      const organizationName = new Map(organizations.map((org) => [org.id, org.name]));
      const countriesOf = new Map<string, string[]>();
      for (const party of parties) {
        if (!party.countryCode) continue;
        countriesOf.set(party.twinningId, [
          ...(countriesOf.get(party.twinningId) ?? []),
          names.country(party.countryCode),
        ]);
      }
      const needsOf = new Map<string, string[]>();
      for (const link of needLinks) {
        needsOf.set(link.twinningId, [...(needsOf.get(link.twinningId) ?? []), link.need.title]);
      }
      for (const twinning of batch) {
        const offer = offerOf.get(twinning.offerId);
        yield [
          offer?.title ?? null,
          offer ? (organizationName.get(offer.organizationId) ?? null) : null,
          joined(countriesOf.get(twinning.id) ?? []),
          (needsOf.get(twinning.id) ?? []).join('; '),
          label(locale, `exports.twinningStatus${twinning.status}`),
          twinning.createdAt,
          twinning.confirmedAt,
          twinning.completedAt,
        ];
      }
    }
  }
}
