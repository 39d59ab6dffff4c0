import { Inject, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Writable } from 'node:stream';
import type { User } from '../accounts/user.entity';
import { Clock } from '../common/clock/clock';
import { DomainError } from '../common/errors/domain-errors';
import { Locale } from '../common/locale';
import { validationExceptionFactory } from '../common/validation/validation-exception.factory';
import { msg } from '../i18n/catalogs';
import { PlatformSummaryArgs } from '../reports/dto/platform-summary.args';
import { AnnualReport } from './annual-report';
import { label } from './export-labels';
import { EXPORT_SOURCES, ExportSource } from './export-source';
import { writeCsv, writeXlsx } from './sheet-writers';

export type ExportFormat = 'csv' | 'xlsx';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A path under /exports/ that names no export: NOT_FOUND, saying which exist. */
export class UnknownExportError extends DomainError {
  readonly code = 'NOT_FOUND';
}

/** What is about to be written: the answer's headers, then `write` streams the body. */
export interface PreparedExport {
  contentType: string;
  fileName: string;
  write(out: Writable): Promise<void>;
}

/** A moment of a query parameter: `2026-01-01` or a full ISO 8601 time. */
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * The query string as the filter class: moments parsed, then the class's own
 * class-validator rules with the options of the GraphQL arguments (unknown parameters
 * refused); BAD_USER_INPUT naming the parameter, before anything is written.
 */
export async function filterFromQuery<F extends object>(
  filterClass: new () => F,
  query: Record<string, unknown>,
  dateFields: readonly string[] = [],
): Promise<F> {
  const plain: Record<string, unknown> = { ...query };
  for (const field of dateFields) {
    const value = plain[field];
    if (typeof value === 'string' && ISO_MOMENT.test(value)) {
      const moment = new Date(value);
      if (!Number.isNaN(moment.getTime())) plain[field] = moment;
    }
  }
  const filter = plainToInstance(filterClass, plain);
  const errors = await validate(filter, {
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: true },
  });
  if (errors.length > 0) throw validationExceptionFactory(errors);
  return filter;
}

/**
 * The exports: every list of the API as a CSV or XLSX file (sources registered under
 * EXPORT_SOURCES, see export-source.ts) and the annual report. Who may read what is the
 * lists' own rule: the sources read through the lists' services for the same reader.
 */
@Injectable()
export class ExportsService {
  private readonly sources: Map<string, ExportSource>;

  constructor(
    private readonly clock: Clock,
    @Inject(EXPORT_SOURCES) sources: readonly ExportSource[],
    private readonly annualReport: AnnualReport,
  ) {
    this.sources = new Map(sources.map((source) => [source.name, source]));
  }

  /** The names of the lists that can be exported, e.g. `needs`. */
  get names(): string[] {
    return [...this.sources.keys()];
  }

  /** `file` is `<list>.<csv|xlsx>`; the filter is checked before anything is written. */
  async prepareList(
    reader: User,
    file: string,
    query: Record<string, unknown>,
    locale: Locale,
  ): Promise<PreparedExport> {
    const match = /^([a-z-]+)\.(csv|xlsx)$/.exec(file);
    const source = match ? this.sources.get(match[1]) : undefined;
    if (!match || !source) {
      throw new UnknownExportError(
        msg('exports.unknownExport', {
          file,
          choices: this.names.flatMap((name) => [`${name}.csv`, `${name}.xlsx`]),
        }),
      );
    }
    const format = match[2] as ExportFormat;
    const filter = await filterFromQuery(source.filter, query, source.dateFields);
    const columns = source.columns.map((column) => ({
      header: label(locale, column.header),
      kind: column.kind,
      width: column.width,
    }));
    const name = label(locale, source.fileName);
    return {
      contentType: CONTENT_TYPES[format],
      fileName: this.datedFileName(name, format),
      write: (out) => {
        const rows = source.rows(reader, filter, locale);
        return format === 'csv'
          ? writeCsv(out, columns, rows, locale)
          : writeXlsx(out, name, columns, rows);
      },
    };
  }

  /** The annual report of [from, to) (by default this year so far), checked before writing. */
  async prepareAnnualReport(
    reader: User,
    query: Record<string, unknown>,
    locale: Locale,
  ): Promise<PreparedExport> {
    // platformSummary's arguments: the same rules for the period.
    const period = await filterFromQuery(PlatformSummaryArgs, query, ['from', 'to']);
    return {
      contentType: CONTENT_TYPES.xlsx,
      fileName: this.datedFileName(label(locale, 'exports.fileAnnualReport'), 'xlsx'),
      write: (out) => this.annualReport.write(out, reader, period, locale),
    };
  }

  /** `needs-2026-12-07.xlsx`: the day (UTC) it was written. */
  private datedFileName(name: string, format: ExportFormat): string {
    return `${name}-${this.clock.now().toISOString().slice(0, 10)}.${format}`;
  }
}
