import { Injectable } from '@nestjs/common';
import type { User } from '../../accounts/user.entity';
import { CommitmentsService } from '../../commitments/commitments.service';
import { Locale } from '../../common/locale';
import { NeedFilter } from '../../needs/dto/need-filter.input';
import { NeedsService } from '../../needs/needs.service';
import { ReferenceService } from '../../reference/reference.service';
import { joined, label, ReferenceNames } from '../export-labels';
import { CellValue, everyPage, ExportColumn, ExportSource } from '../export-source';

/**
 * `needs.csv|xlsx`: the needs list (NeedsService.list: the same filters, the same
 * visibility rule, newest first), under the headers the needs import reads, then the status.
 */
@Injectable()
export class NeedsExport implements ExportSource<NeedFilter> {
  readonly name = 'needs';
  readonly fileName = 'exports.fileNeeds' as const;
  readonly filter = NeedFilter;
  readonly columns: readonly ExportColumn[] = [
    { header: 'exports.country', kind: 'text', width: 18 },
    { header: 'exports.workingGroup', kind: 'text', width: 28 },
    { header: 'exports.title', kind: 'text', width: 40 },
    { header: 'exports.description', kind: 'text', width: 60 },
    { header: 'exports.modalities', kind: 'text', width: 28 },
    { header: 'exports.languages', kind: 'text', width: 10 },
    { header: 'exports.beneficiaries', kind: 'integer', width: 14 },
    { header: 'exports.earliestStart', kind: 'date', width: 14 },
    { header: 'exports.latestEnd', kind: 'date', width: 14 },
    { header: 'exports.napReference', kind: 'text', width: 18 },
    { header: 'exports.priority', kind: 'text', width: 10 },
    { header: 'exports.commitment', kind: 'text', width: 14 },
    { header: 'exports.status', kind: 'text', width: 16 },
  ];

  constructor(
    private readonly needs: NeedsService,
    private readonly commitments: CommitmentsService,
    private readonly reference: ReferenceService,
  ) {}

  async *rows(reader: User, filter: NeedFilter, locale: Locale): AsyncGenerator<CellValue[]> {
    const names = await ReferenceNames.of(this.reference, locale);
    for await (const batch of everyPage((page) => this.needs.list(reader, filter, page))) {
      const commitmentIds = [
        ...new Set(batch.flatMap((need) => (need.commitmentId ? [need.commitmentId] : []))),
      ];
      const commitments =
        commitmentIds.length > 0 ? await this.commitments.byIds(commitmentIds) : [];
      const codes = new Map(commitments.map((commitment) => [commitment.id, commitment.code]));
      for (const need of batch) {
        yield [
          names.country(need.countryCode),
          names.workingGroup(need.workingGroupCode),
          need.title,
          need.description,
          joined(need.modalities.map((modality) => label(locale, `exports.modality${modality}`))),
          joined(need.languages),
          need.beneficiaries,
          need.earliestStart,
          need.latestEnd,
          need.napReference,
          label(locale, `exports.priority${need.priority}`),
          need.commitmentId ? (codes.get(need.commitmentId) ?? null) : null,
          label(locale, `exports.needStatus${need.status}`),
        ];
      }
    }
  }
}
