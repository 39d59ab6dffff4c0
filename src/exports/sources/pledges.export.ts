import { Injectable } from '@nestjs/common';
import { ArgsType, PickType } from '@nestjs/graphql';
import type { User } from '../../accounts/user.entity';
import { Locale } from '../../common/locale';
import { Need } from '../../needs/need.entity';
import { NeedsService } from '../../needs/needs.service';
import { OrganizationsService } from '../../organizations/organizations.service';
import { toUsd } from '../../pledges/currency';
import { PledgesArgs } from '../../pledges/dto/pledges.args';
import { PledgesService } from '../../pledges/pledges.service';
import { ReferenceService } from '../../reference/reference.service';
import { label, ReferenceNames } from '../export-labels';
import { CellValue, everyPage, ExportColumn, ExportSource } from '../export-source';

/** The `pledges` list's filter without its paging: the same rules. */
@ArgsType()
export class PledgesExportFilter extends PickType(
  PledgesArgs,
  ['organizationId', 'countryCode', 'status'] as const,
  ArgsType,
) {}

/**
 * `pledges.csv|xlsx`: the pledges list (PledgesService.list: the same filters and
 * visibility rule, pledge.policy.ts, newest first), each with its amount in US dollars at
 * the rate in force now (empty without one, as `amountUsd`) and the titles of its needs
 * the reader may see (need.policy.ts: a restricted need stays out).
 */
@Injectable()
export class PledgesExport implements ExportSource<PledgesExportFilter> {
  readonly name = 'pledges';
  readonly fileName = 'exports.filePledges' as const;
  readonly filter = PledgesExportFilter;
  readonly columns: readonly ExportColumn[] = [
    { header: 'exports.member', kind: 'text', width: 36 },
    { header: 'exports.amount', kind: 'money', width: 18 },
    { header: 'exports.currency', kind: 'text', width: 9 },
    { header: 'exports.amountUsd', kind: 'money', width: 18 },
    { header: 'exports.status', kind: 'text', width: 14 },
    { header: 'exports.country', kind: 'text', width: 18 },
    { header: 'exports.workingGroup', kind: 'text', width: 32 },
    { header: 'exports.needs', kind: 'text', width: 48 },
    { header: 'exports.pledgedAt', kind: 'date', width: 14 },
    { header: 'exports.note', kind: 'text', width: 48 },
  ];

  constructor(
    private readonly pledges: PledgesService,
    private readonly needs: NeedsService,
    private readonly organizations: OrganizationsService,
    private readonly reference: ReferenceService,
  ) {}

  async *rows(
    reader: User,
    filter: PledgesExportFilter,
    locale: Locale,
  ): AsyncGenerator<CellValue[]> {
    const names = await ReferenceNames.of(this.reference, locale);
    for await (const batch of everyPage((page) => this.pledges.list(reader, filter, page))) {
      const [organizations, rates, needsOf] = await Promise.all([
        this.organizations.byIds([...new Set(batch.map((pledge) => pledge.organizationId))]),
        this.pledges.usdPerUnitNow([...new Set(batch.map((pledge) => pledge.currency))]),
        this.readableNeedTitles(
          reader,
          batch.map((pledge) => pledge.id),
        ),
      ]);
      const organizationName = new Map(organizations.map((org) => [org.id, org.name]));
      for (const pledge of batch) {
        yield [
          organizationName.get(pledge.organizationId) ?? null,
          pledge.amount,
          pledge.currency,
          toUsd(pledge.amount, pledge.currency, rates.get(pledge.currency)),
          label(locale, `exports.pledgeStatus${pledge.status}`),
          pledge.countryCode ? names.country(pledge.countryCode) : null,
          pledge.workingGroupCode ? names.workingGroup(pledge.workingGroupCode) : null,
          (needsOf.get(pledge.id) ?? []).join('; '),
          pledge.pledgedAt,
          pledge.note,
        ];
      }
    }
  }

  /** By pledge, the titles of its needs `reader` may read, oldest first (as `Pledge.needs`). */
  private async readableNeedTitles(
    reader: User,
    pledgeIds: readonly string[],
  ): Promise<Map<string, string[]>> {
    const links = await this.pledges.needLinksOf(pledgeIds);
    const needIds = [...new Set(links.map((link) => link.needId))];
    const readable =
      needIds.length > 0 ? await this.needs.readableIds(reader, needIds) : new Set<string>();
    const needs = readable.size > 0 ? await this.needs.byIds([...readable]) : [];
    const byId = new Map(needs.map((need) => [need.id, need]));
    const grouped = new Map<string, Need[]>();
    for (const link of links) {
      const need = byId.get(link.needId);
      if (need) grouped.set(link.pledgeId, [...(grouped.get(link.pledgeId) ?? []), need]);
    }
    return new Map(
      [...grouped].map(([pledgeId, list]) => [
        pledgeId,
        list
          .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
          .map((need) => need.title),
      ]),
    );
  }
}
