import { Injectable } from '@nestjs/common';
import type { User } from '../../accounts/user.entity';
import { Locale } from '../../common/locale';
import { OfferFilter } from '../../offers/dto/offer-filter.input';
import { OffersService, remainingCapacityOf } from '../../offers/offers.service';
import { OrganizationsService } from '../../organizations/organizations.service';
import { ReferenceService } from '../../reference/reference.service';
import { joined, label, ReferenceNames } from '../export-labels';
import { CellValue, everyPage, ExportColumn, ExportSource } from '../export-source';

/** Groups `links` by their offer, keeping their order. */
function byOffer<T extends { offerId: string }>(links: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const link of links) grouped.set(link.offerId, [...(grouped.get(link.offerId) ?? []), link]);
  return grouped;
}

/**
 * `offers.csv|xlsx`: the offers list (OffersService.list, newest first), under the headers
 * the offers import reads, then the remaining capacity and the status. No eligible
 * countries: every MIRPS state, as for the API.
 */
@Injectable()
export class OffersExport implements ExportSource<OfferFilter> {
  readonly name = 'offers';
  readonly fileName = 'exports.fileOffers' as const;
  readonly filter = OfferFilter;
  readonly columns: readonly ExportColumn[] = [
    { header: 'exports.organization', kind: 'text', width: 32 },
    { header: 'exports.workingGroups', kind: 'text', width: 32 },
    { header: 'exports.title', kind: 'text', width: 40 },
    { header: 'exports.description', kind: 'text', width: 60 },
    { header: 'exports.modalities', kind: 'text', width: 28 },
    { header: 'exports.languages', kind: 'text', width: 10 },
    { header: 'exports.capacity', kind: 'integer', width: 10 },
    { header: 'exports.availableFrom', kind: 'date', width: 14 },
    { header: 'exports.availableTo', kind: 'date', width: 14 },
    { header: 'exports.eligibleCountries', kind: 'text', width: 32 },
    { header: 'exports.remainingCapacity', kind: 'integer', width: 12 },
    { header: 'exports.status', kind: 'text', width: 14 },
  ];

  constructor(
    private readonly offers: OffersService,
    private readonly organizations: OrganizationsService,
    private readonly reference: ReferenceService,
  ) {}

  async *rows(_reader: User, filter: OfferFilter, locale: Locale): AsyncGenerator<CellValue[]> {
    const names = await ReferenceNames.of(this.reference, locale);
    for await (const batch of everyPage((page) => this.offers.list(filter, page))) {
      const ids = batch.map((offer) => offer.id);
      const [groups, eligible, organizations] = await Promise.all([
        this.offers.workingGroupLinksOf(ids),
        this.offers.eligibleCountryLinksOf(ids),
        this.organizations.byIds([...new Set(batch.map((offer) => offer.organizationId))]),
      ]);
      const groupsOf = byOffer(groups);
      const eligibleOf = byOffer(eligible);
      const organizationName = new Map(organizations.map((org) => [org.id, org.name]));
      for (const offer of batch) {
        yield [
          organizationName.get(offer.organizationId) ?? null,
          joined(
            (groupsOf.get(offer.id) ?? []).map((link) => names.workingGroup(link.workingGroupCode)),
          ),
          offer.title,
          offer.description,
          joined(offer.modalities.map((modality) => label(locale, `exports.modality${modality}`))),
          joined(offer.languages),
          offer.capacity,
          offer.availableFrom,
          offer.availableTo,
          joined((eligibleOf.get(offer.id) ?? []).map((link) => names.country(link.countryCode))),
          remainingCapacityOf(offer),
          label(locale, `exports.offerStatus${offer.status}`),
        ];
      }
    }
  }
}
