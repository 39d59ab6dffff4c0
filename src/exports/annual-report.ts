import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import type { User } from '../accounts/user.entity';
import { ActivitiesService } from '../activities/activities.service';
import { ActivityStatus } from '../activities/activity-enums';
import { Activity } from '../activities/activity.entity';
import { Locale } from '../common/locale';
import { msg, MessageKey } from '../i18n/catalogs';
import { translate } from '../i18n/translate';
import { OffersService } from '../offers/offers.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { countryName, ReferenceService, workingGroupName } from '../reference/reference.service';
import { ReportsService } from '../reports/reports.service';
import { TwinningsService } from '../twinnings/twinnings.service';
import { joined, label, ReferenceNames } from './export-labels';
import type { CellValue, ColumnKind, ExportColumn } from './export-source';
import { NUMBER_FORMATS, untilClosed } from './sheet-writers';

/** The period of a report: [from, to). */
export interface ReportPeriod {
  from?: Date;
  to?: Date;
}

/** One sheet of the report: a titled table. */
export interface ReportTable {
  sheet: MessageKey;
  title: MessageKey;
  columns: readonly ExportColumn[];
  rows: CellValue[][];
  /**
   * By index in `rows`, a kind for that row's numbers other than their column's (the
   * summary's money figures in its whole-number column).
   */
  rowKinds?: ReadonlyMap<number, ColumnKind>;
}

/** What a sheet is built from: the reader, the period (resolved), the reader's language. */
export interface ReportContext {
  reader: User;
  from: Date;
  to: Date;
  locale: Locale;
}

/**
 * `annual-report.xlsx`: the chair's annual report as printable tables, one sheet each: the
 * `platformSummary` figures, coverage, the period's twinnings and their activities with
 * participants by gender. Every figure comes from the services the API answers with, for
 * the same reader (the secretariat or an observer: twinnings of restricted needs an
 * observer may not read are left out of the named tables, and counted in the summary),
 * and the pledges by member (`platformSummary.pledgesByMember`: pledges are money, not
 * restricted needs; every reader of the report reads them all).
 */
@Injectable()
export class AnnualReport {
  constructor(
    private readonly reports: ReportsService,
    private readonly twinnings: TwinningsService,
    private readonly activities: ActivitiesService,
    private readonly offers: OffersService,
    private readonly organizations: OrganizationsService,
    private readonly reference: ReferenceService,
  ) {}

  /** The report's workbook, written into `out` (ended); the period is checked first. */
  async write(out: Writable, reader: User, period: ReportPeriod, locale: Locale): Promise<void> {
    const summary = await this.reports.summary(reader, period);
    const context: ReportContext = { reader, from: summary.from, to: summary.to, locale };
    const summaryTable: ReportTable = {
      sheet: 'exports.sheetSummary',
      title: 'exports.reportTitle',
      columns: [
        { header: 'exports.summaryFigure', kind: 'text', width: 44 },
        { header: 'exports.summaryValue', kind: 'integer', width: 60 },
      ],
      rows: [
        [label(locale, 'exports.needsPosted'), summary.needsPosted],
        [label(locale, 'exports.twinningsConfirmed'), summary.twinningsConfirmed],
        [label(locale, 'exports.twinningsCompleted'), summary.twinningsCompleted],
        [label(locale, 'exports.activitiesDone'), summary.activitiesDone],
        ...summary.activitiesDoneByKind.map(({ kind, count }): CellValue[] => [
          translate(
            locale,
            msg('exports.activitiesDoneOfKind', { kind: msg(`exports.activityKind${kind}`) }),
          ),
          count,
        ]),
        [label(locale, 'exports.participantsWomen'), summary.participants.women],
        [label(locale, 'exports.participantsMen'), summary.participants.men],
        [label(locale, 'exports.participantsOther'), summary.participants.other],
        [label(locale, 'exports.participantsTotal'), summary.participants.total],
        [
          label(locale, 'exports.countriesInvolved'),
          joined(summary.countriesInvolved.map((country) => countryName(country, locale))),
        ],
        [
          label(locale, 'exports.membersInvolved'),
          joined(summary.membersInvolved.map((member) => member.name)),
        ],
      ],
    };
    const pledgeRows: [MessageKey, number, ColumnKind][] = [
      ['exports.pledges', summary.pledges, 'integer'],
      ['exports.pledgedUsd', summary.pledgedUsd, 'money'],
      ['exports.disbursedUsd', summary.disbursedUsd, 'money'],
      ['exports.pledgesWithoutRate', summary.pledgesWithoutRate, 'integer'],
    ];
    const rowKinds = new Map<number, ColumnKind>();
    for (const [key, value, kind] of pledgeRows) {
      if (kind !== 'integer') rowKinds.set(summaryTable.rows.length, kind);
      summaryTable.rows.push([label(locale, key), value]);
    }
    summaryTable.rowKinds = rowKinds;
    const pledgesTable: ReportTable = {
      sheet: 'exports.sheetPledges',
      title: 'exports.pledgesTitle',
      columns: [
        { header: 'exports.member', kind: 'text', width: 44 },
        { header: 'exports.pledgedUsd', kind: 'money', width: 20 },
        { header: 'exports.disbursedUsd', kind: 'money', width: 20 },
        { header: 'exports.pledges', kind: 'integer', width: 16 },
      ],
      // As platformSummary lists them: the largest pledged first, then by name.
      rows: summary.pledgesByMember.map((member): CellValue[] => [
        member.organization.name,
        member.pledgedUsd,
        member.disbursedUsd,
        member.pledges,
      ]),
    };
    const [coverage, twinningTables] = await Promise.all([
      this.coverageTable(locale),
      this.twinningTables(context),
    ]);

    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'MIRPS twinning';
    for (const table of [summaryTable, coverage, ...twinningTables, pledgesTable]) {
      addTable(workbook, table, context);
    }
    // Built in memory (a year's twinnings: small), written out as the client reads it.
    await untilClosed(out, () => workbook.xlsx.write(out));
    out.end();
  }

  private async coverageTable(locale: Locale): Promise<ReportTable> {
    const cells = await this.reports.coverage();
    return {
      sheet: 'exports.sheetCoverage',
      title: 'exports.coverageTitle',
      columns: [
        { header: 'exports.country', kind: 'text', width: 18 },
        { header: 'exports.workingGroup', kind: 'text', width: 32 },
        { header: 'exports.needs', kind: 'integer', width: 12 },
        { header: 'exports.open', kind: 'integer', width: 12 },
        { header: 'exports.inTwinning', kind: 'integer', width: 16 },
        { header: 'exports.fulfilled', kind: 'integer', width: 12 },
        { header: 'exports.commitments', kind: 'integer', width: 12 },
        { header: 'exports.indicatorsOnTrack', kind: 'integer', width: 16 },
      ],
      rows: cells.map((cell) => [
        countryName(cell.country, locale),
        workingGroupName(cell.workingGroup, locale),
        cell.needs,
        cell.open,
        cell.inTwinning,
        cell.fulfilled,
        cell.commitments,
        cell.indicatorsOnTrack,
      ]),
    };
  }

  /**
   * The twinnings confirmed or completed in the period or with activities done in it (those
   * the summary counts) that the reader may read, oldest first, with their participants by
   * gender; and the activities of those twinnings that start in the period.
   */
  private async twinningTables(context: ReportContext): Promise<ReportTable[]> {
    const { reader, from, to, locale } = context;
    const [milestones, done] = await Promise.all([
      this.twinnings.milestonesBetween(from, to),
      this.activities.doneBetween(from, to),
    ]);
    const readable = await this.twinnings.readableIds(reader, [
      ...new Set([...milestones.twinningIds, ...done.twinningIds]),
    ]);
    const ids = [...readable];
    const twinnings = (ids.length > 0 ? await this.twinnings.byIds(ids) : []).sort(
      (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id),
    );
    const [offers, parties, activities, names] = await Promise.all([
      ids.length > 0 ? this.offers.byIds([...new Set(twinnings.map((t) => t.offerId))]) : [],
      ids.length > 0 ? this.twinnings.partiesOf(ids) : [],
      ids.length > 0 ? this.activities.ofTwinnings(ids) : [],
      ReferenceNames.of(this.reference, locale),
    ]);
    const inPeriod = activities.filter((a) => a.startsAt >= from && a.startsAt < to);
    const [organizations, participants] = await Promise.all([
      offers.length > 0
        ? this.organizations.byIds([...new Set(offers.map((offer) => offer.organizationId))])
        : [],
      inPeriod.length > 0 ? this.activities.participantCountriesOf(inPeriod.map((a) => a.id)) : [],
    ]);
    const offerOf = new Map(offers.map((offer) => [offer.id, offer]));
    const organizationName = new Map(organizations.map((org) => [org.id, org.name]));
    const titleOf = new Map(
      twinnings.map((t) => [t.id, offerOf.get(t.offerId)?.title ?? null] as const),
    );
    const countriesOf = new Map<string, string[]>();
    for (const party of parties) {
      if (!party.countryCode) continue;
      const list = countriesOf.get(party.twinningId) ?? [];
      countriesOf.set(party.twinningId, [...list, names.country(party.countryCode)]);
    }
    const participantCountriesOf = new Map<string, string[]>();
    for (const link of participants) {
      const list = participantCountriesOf.get(link.activityId) ?? [];
      participantCountriesOf.set(link.activityId, [...list, names.country(link.countryCode)]);
    }
    const doneOf = (twinningId: string): Activity[] =>
      inPeriod.filter((a) => a.twinningId === twinningId && a.status === ActivityStatus.DONE);
    const sum = (list: Activity[], field: 'women' | 'men' | 'other'): number =>
      list.reduce((total, activity) => total + (activity[field] ?? 0), 0);

    const twinningRows = twinnings.map((twinning): CellValue[] => {
      const offer = offerOf.get(twinning.offerId);
      const doneHere = doneOf(twinning.id);
      const [women, men, other] = [
        sum(doneHere, 'women'),
        sum(doneHere, 'men'),
        sum(doneHere, 'other'),
      ];
      return [
        titleOf.get(twinning.id) ?? null,
        offer ? (organizationName.get(offer.organizationId) ?? null) : null,
        joined(countriesOf.get(twinning.id) ?? []),
        label(locale, `exports.twinningStatus${twinning.status}`),
        twinning.confirmedAt,
        twinning.completedAt,
        doneHere.length,
        women,
        men,
        other,
        women + men + other,
      ];
    });
    const order = new Map(twinnings.map((t, index) => [t.id, index]));
    const activityRows = [...inPeriod]
      .sort(
        (a, b) =>
          order.get(a.twinningId)! - order.get(b.twinningId)! ||
          a.startsAt.getTime() - b.startsAt.getTime() ||
          a.id.localeCompare(b.id),
      )
      .map((activity): CellValue[] => {
        const counted = activity.status === ActivityStatus.DONE;
        return [
          titleOf.get(activity.twinningId) ?? null,
          activity.title,
          label(locale, `exports.activityKind${activity.kind}`),
          activity.startsAt,
          label(locale, `exports.activityStatus${activity.status}`),
          joined(participantCountriesOf.get(activity.id) ?? []),
          counted ? activity.women : null,
          counted ? activity.men : null,
          counted ? activity.other : null,
          counted ? (activity.women ?? 0) + (activity.men ?? 0) + (activity.other ?? 0) : null,
        ];
      });
    return [
      {
        sheet: 'exports.sheetTwinnings',
        title: 'exports.twinningsTitle',
        columns: [
          { header: 'exports.offer', kind: 'text', width: 36 },
          { header: 'exports.organization', kind: 'text', width: 28 },
          { header: 'exports.countries', kind: 'text', width: 22 },
          { header: 'exports.status', kind: 'text', width: 18 },
          { header: 'exports.confirmedAt', kind: 'date', width: 13 },
          { header: 'exports.completedAt', kind: 'date', width: 13 },
          { header: 'exports.activitiesDone', kind: 'integer', width: 12 },
          { header: 'exports.women', kind: 'integer', width: 10 },
          { header: 'exports.men', kind: 'integer', width: 10 },
          { header: 'exports.other', kind: 'integer', width: 10 },
          { header: 'exports.total', kind: 'integer', width: 10 },
        ],
        rows: twinningRows,
      },
      {
        sheet: 'exports.sheetActivities',
        title: 'exports.activitiesTitle',
        columns: [
          { header: 'exports.twinning', kind: 'text', width: 32 },
          { header: 'exports.title', kind: 'text', width: 32 },
          { header: 'exports.kind', kind: 'text', width: 20 },
          { header: 'exports.startsAt', kind: 'datetime', width: 17 },
          { header: 'exports.status', kind: 'text', width: 13 },
          { header: 'exports.participantCountries', kind: 'text', width: 24 },
          { header: 'exports.women', kind: 'integer', width: 10 },
          { header: 'exports.men', kind: 'integer', width: 10 },
          { header: 'exports.other', kind: 'integer', width: 10 },
          { header: 'exports.total', kind: 'integer', width: 10 },
        ],
        rows: activityRows,
      },
    ];
  }
}

/** The row the column headers are on: under the title and the period. */
export const REPORT_HEADER_ROW = 4;

/**
 * One sheet, formatted for print: the title (row 1), the period (row 2), the headers (row
 * 4, bold, kept in view and repeated on every page), then the rows; column widths and
 * number formats; landscape, fit to the page's width.
 */
function addTable(workbook: ExcelJS.Workbook, table: ReportTable, context: ReportContext): void {
  const { locale } = context;
  const sheet = workbook.addWorksheet(label(locale, table.sheet), {
    views: [{ state: 'frozen', ySplit: REPORT_HEADER_ROW }],
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9, // A4
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${REPORT_HEADER_ROW}:${REPORT_HEADER_ROW}`,
    },
  });
  sheet.columns = table.columns.map((column) => ({
    width: column.width,
    style: NUMBER_FORMATS[column.kind] ? { numFmt: NUMBER_FORMATS[column.kind] } : {},
  }));
  const title = sheet.getCell(1, 1);
  title.value = label(locale, table.title);
  title.font = { bold: true, size: 14 };
  const day = (date: Date) => date.toISOString().slice(0, 10);
  sheet.getCell(2, 1).value = translate(
    locale,
    msg('exports.reportPeriod', { from: day(context.from), to: day(context.to) }),
  );
  const header = sheet.getRow(REPORT_HEADER_ROW);
  header.values = table.columns.map((column) => label(locale, column.header));
  header.font = { bold: true };
  header.border = { bottom: { style: 'thin' } };
  table.rows.forEach((values, index) => {
    const row = sheet.addRow(values);
    const kind = table.rowKinds?.get(index);
    const numFmt = kind ? NUMBER_FORMATS[kind] : undefined;
    if (!numFmt) return;
    row.eachCell((cell) => {
      if (typeof cell.value === 'number') cell.numFmt = numFmt;
    });
  });
}
