import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import type { User } from '../accounts/user.entity';
import { Clock } from '../common/clock/clock';
import type { FieldProblem, Text } from '../common/errors/domain-errors';
import { english } from '../i18n/translate';
import { CommitmentsService } from '../commitments/commitments.service';
import { TransactionRunner } from '../database/transaction-runner';
import { EventBus } from '../events/event-bus';
import { msg } from '../i18n/catalogs';
import { Locale } from '../i18n/locale';
import { CreateNeedInput } from '../needs/dto/create-need.input';
import { NeedsService } from '../needs/needs.service';
import { CreateOfferInput } from '../offers/dto/create-offer.input';
import { OffersService } from '../offers/offers.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { ReferenceService } from '../reference/reference.service';
import {
  cellsByColumn,
  columnsOf,
  headerRowOf,
  HeaderRow,
  NeedColumn,
  OfferColumn,
} from './import-columns';
import { ImportKind, ImportStatus } from './import-enums';
import { ImportJob, StoredImportProblem } from './import-job.entity';
import { ImportLookups } from './import-lookups';
import { problemsOfRefusal, rowProblem, validateInput } from './import-problems';
import {
  needRowInput,
  NEED_FIELD_COLUMNS,
  offerRowInput,
  OFFER_FIELD_COLUMNS,
  RowInput,
} from './import-rows';
import { SheetRow, sheetRows } from './sheet-rows';

/** Rows written per transaction, and per progress report. */
export const IMPORT_BATCH_ROWS = 500;
/** Problems kept per job (every bad row is still counted in `rejected`). */
export const MAX_STORED_PROBLEMS = 1000;
/** How long a worker holds a job between two batches; past it another worker takes it over. */
export const IMPORT_LEASE_MS = 60_000;

/** Thrown inside a dry run's transaction so that it rolls back. */
class DryRunRollback extends Error {}

/** A row read and checked: the input to write, or its problems. */
interface CheckedRow<I> {
  row: number;
  input?: I;
  problems: StoredImportProblem[];
}

/**
 * Runs one import job: reads the stored file row by row (streamed: never held whole as
 * rows), checks each row by the rules of createNeed/createOffer, and writes the good ones
 * batch by batch, each batch in one transaction with the job's progress, so a job taken
 * over after a crash resumes after its last committed batch.
 */
@Injectable()
export class ImportRunner {
  private readonly log = new Logger(ImportRunner.name);
  /** The application is shutting down: stop between batches, the job to be resumed later. */
  private stopping = false;

  constructor(
    private readonly clock: Clock,
    @InjectRepository(ImportJob) private readonly jobs: Repository<ImportJob>,
    private readonly accounts: AccountsService,
    private readonly needs: NeedsService,
    private readonly offers: OffersService,
    private readonly reference: ReferenceService,
    private readonly organizations: OrganizationsService,
    private readonly commitments: CommitmentsService,
    private readonly transactions: TransactionRunner,
    private readonly events: EventBus,
  ) {}

  stop(): void {
    this.stopping = true;
  }

  /** Runs the job to its end (DONE or FAILED); a job already ended is left as it is. */
  async run(id: string): Promise<void> {
    const job = await this.jobs.findOne({
      where: { id },
      select: Object.keys(this.jobs.metadata.propertiesMap) as (keyof ImportJob)[],
    });
    if (!job || job.status === ImportStatus.DONE || job.status === ImportStatus.FAILED) return;
    try {
      await this.process(job);
    } catch (error) {
      this.log.error({ err: error, importJobId: id }, 'Import job failed');
      await this.finish(job, ImportStatus.FAILED, [
        { row: 1, field: null, message: msg('imports.failed') },
      ]);
    }
  }

  private async process(job: ImportJob): Promise<void> {
    const [owner] = await this.accounts.byIds([job.ownerId]);
    const content = Buffer.from(job.content, 'base64');
    job.content = ''; // the bytes are enough: the text is not held for the whole run
    const lookups = await this.lookups();
    job.status = ImportStatus.RUNNING;
    if (job.total === 0) job.total = await this.countDataRows(job, content);
    await this.saveProgress(job);

    let header: HeaderRow | undefined;
    let seen = 0;
    let batch: SheetRow[] = [];
    for await (const row of sheetRows(content, job.format)) {
      if (!header) {
        header = headerRowOf(row, columnsOf(job.kind));
        continue;
      }
      seen += 1;
      if (seen <= job.processed) continue; // done before a restart
      batch.push(row);
      if (batch.length >= IMPORT_BATCH_ROWS) {
        if (this.stopping) return this.release(job);
        await this.runBatch(job, owner, header, lookups, batch);
        batch = [];
      }
    }
    if (!header) {
      const columns = columnsOf(job.kind);
      const example = columns.map((column) => (job.locale === Locale.ES ? column.es : column.en));
      return this.finish(job, ImportStatus.FAILED, [
        { row: 1, field: null, message: msg('imports.noHeader', { example: example.join(' | ') }) },
      ]);
    }
    if (this.stopping) return this.release(job);
    if (batch.length > 0) await this.runBatch(job, owner, header, lookups, batch);
    await this.finish(job, ImportStatus.DONE, []);
  }

  /** The data rows below the header row: a first, cheap pass, so progress has a total. */
  private async countDataRows(job: ImportJob, content: Buffer): Promise<number> {
    let header = false;
    let rows = 0;
    for await (const row of sheetRows(content, job.format)) {
      if (header) rows += 1;
      else header = headerRowOf(row, columnsOf(job.kind)) !== undefined;
    }
    return rows;
  }

  private async lookups(): Promise<ImportLookups> {
    const [countries, workingGroups, organizations, commitments] = await Promise.all([
      this.reference.listCountries(false, Locale.ES),
      this.reference.listWorkingGroups(),
      this.organizations.list(),
      this.commitments.list({}),
    ]);
    return new ImportLookups({ countries, workingGroups, organizations, commitments });
  }

  private async runBatch(
    job: ImportJob,
    owner: User,
    header: HeaderRow,
    lookups: ImportLookups,
    rows: SheetRow[],
  ): Promise<void> {
    const problems: StoredImportProblem[] = [];
    if (job.kind === ImportKind.NEEDS) {
      const checked = await this.checkRows(
        rows,
        header as HeaderRow<NeedColumn>,
        (cells) => needRowInput(cells, lookups),
        CreateNeedInput,
        NEED_FIELD_COLUMNS,
        'country',
        (input) => this.needs.checkNew(owner, input),
      );
      const good = checked.filter((row) => row.input !== undefined);
      const inputs = good.map((row) => row.input!);
      let result: Awaited<ReturnType<NeedsService['importMany']>> | undefined;
      const write = async (manager: Parameters<NeedsService['importMany']>[0]) => {
        result = await this.needs.importMany(manager, owner, inputs);
        if (job.dryRun) throw new DryRunRollback();
        return result;
      };
      await this.transactions
        .run(async (manager) => {
          await write(manager);
          // The batch's progress commits with its rows: a restart resumes after them.
          this.count(job, checked, result!.outcomes);
          await manager.update(ImportJob, { id: job.id }, this.progressOf(job));
        })
        .catch((error: unknown) => {
          if (!(error instanceof DryRunRollback)) throw error;
          this.count(job, checked, result!.outcomes);
        });
      result!.outcomes.forEach((outcome, index) => {
        if (typeof outcome === 'string') return;
        const [problem] = problemsOfRefusal(outcome, null);
        good[index].problems.push(rowProblem(good[index].row, null, problem));
      });
      for (const row of checked) problems.push(...row.problems);
      if (job.dryRun) await this.saveProgress(job, problems);
      else {
        await this.appendProblems(job, problems);
        await this.needs.announcePosted(result!.posted);
      }
    } else {
      const checked = await this.checkRows(
        rows,
        header as HeaderRow<OfferColumn>,
        (cells) => offerRowInput(cells, lookups),
        CreateOfferInput,
        OFFER_FIELD_COLUMNS,
        'organization',
        (input) => this.offers.checkNew(owner, input),
      );
      const outcomes: (string | FieldProblem)[] = [];
      for (const row of checked) {
        if (!row.input) {
          outcomes.push('rejected');
          continue;
        }
        try {
          outcomes.push(await this.offers.importOne(owner, row.input, job.dryRun));
        } catch (error) {
          const [problem] = problemsOfRefusal(error, null);
          row.problems.push(rowProblem(row.row, null, problem));
          outcomes.push(problem);
        }
      }
      for (const row of checked) problems.push(...row.problems);
      const created = outcomes.filter((outcome) => outcome === 'created').length;
      const updated = outcomes.filter((outcome) => outcome === 'updated').length;
      const rejected = checked.filter((row) => row.problems.length > 0).length;
      job.processed += rows.length;
      job.created += created;
      job.updated += updated;
      job.rejected += rejected;
      await this.saveProgress(job, problems);
    }
    await this.events.publish('importProgress', { jobId: job.id });
  }

  /** Adds a batch's counts of needs to the job. */
  private count(
    job: ImportJob,
    checked: CheckedRow<CreateNeedInput>[],
    outcomes: readonly unknown[],
  ): void {
    job.processed += checked.length;
    job.created += outcomes.filter((outcome) => outcome === 'created').length;
    job.updated += outcomes.filter((outcome) => outcome === 'updated').length;
    job.rejected +=
      checked.filter((row) => row.input === undefined).length +
      outcomes.filter((outcome) => typeof outcome !== 'string').length;
  }

  /**
   * Each row read into an input and checked: its cells, the input's own rules, then the
   * service's checks (who may, references, periods); problems named by the file's headers.
   */
  private async checkRows<F extends string, I extends object>(
    rows: SheetRow[],
    header: HeaderRow<F>,
    read: (cells: Map<F, SheetRow['cells'][number]>) => RowInput<F>,
    type: new () => I,
    columnOfField: Record<string, F>,
    ownerColumn: F,
    checkNew: (input: I) => Promise<void>,
  ): Promise<CheckedRow<I>[]> {
    const labelOf = (column: F | undefined): string | null =>
      column === undefined ? null : (header.labels.get(column) ?? column);
    const checked: CheckedRow<I>[] = [];
    for (const row of rows) {
      const read_ = read(cellsByColumn(header, row));
      const problems = read_.problems.map((problem) =>
        rowProblem(row.row, labelOf(problem.column), fieldProblemOf(problem.message)),
      );
      const named = new Set(read_.problems.map((problem) => problem.column));
      const { input, problems: invalid } = await validateInput(type, read_.input);
      let refused: FieldProblem[] = invalid;
      if (refused.length === 0 && problems.length === 0) {
        try {
          await checkNew(input);
        } catch (error) {
          refused = problemsOfRefusal(error, ownerColumn);
        }
      }
      for (const problem of refused) {
        const column = columnOfField[problem.field.replace(/[[.].*$/, '')] ?? problem.field;
        if (named.has(column)) continue; // said already, in the reader's words
        problems.push(rowProblem(row.row, labelOf(column), problem));
      }
      checked.push(
        problems.length === 0 ? { row: row.row, input, problems } : { row: row.row, problems },
      );
    }
    return checked;
  }

  private progressOf(job: ImportJob): Partial<ImportJob> {
    return {
      status: job.status,
      total: job.total,
      processed: job.processed,
      created: job.created,
      updated: job.updated,
      rejected: job.rejected,
      leaseUntil: new Date(this.clock.now().getTime() + IMPORT_LEASE_MS),
      updatedAt: this.clock.now(),
    };
  }

  private async appendProblems(job: ImportJob, problems: StoredImportProblem[]): Promise<void> {
    if (problems.length === 0 || job.problems.length >= MAX_STORED_PROBLEMS) return;
    job.problems = [...job.problems, ...problems].slice(0, MAX_STORED_PROBLEMS);
    await this.jobs.update({ id: job.id }, { problems: job.problems });
  }

  private async saveProgress(job: ImportJob, problems: StoredImportProblem[] = []): Promise<void> {
    job.problems = [...job.problems, ...problems].slice(0, MAX_STORED_PROBLEMS);
    await this.transactions.run((manager) =>
      manager.update(
        ImportJob,
        { id: job.id },
        { ...this.progressOf(job), problems: job.problems },
      ),
    );
    await this.events.publish('importProgress', { jobId: job.id });
  }

  /**
   * Stopped between two batches (the application shuts down): the job waits again, QUEUED
   * with what it has done, so the next worker (this instance restarted, or another) takes
   * it at once and resumes after its last committed batch, without waiting for a lease.
   */
  private async release(job: ImportJob): Promise<void> {
    job.status = ImportStatus.QUEUED;
    await this.jobs.update(
      { id: job.id },
      { status: ImportStatus.QUEUED, leaseUntil: null, updatedAt: this.clock.now() },
    );
  }

  private async finish(
    job: ImportJob,
    status: ImportStatus,
    problems: StoredImportProblem[],
  ): Promise<void> {
    job.status = status;
    job.problems = [...job.problems, ...problems].slice(0, MAX_STORED_PROBLEMS);
    await this.transactions.run((manager) =>
      manager.update(
        ImportJob,
        { id: job.id },
        { ...this.progressOf(job), leaseUntil: null, problems: job.problems, content: '' },
      ),
    );
    await this.events.publish('importProgress', { jobId: job.id });
  }
}

function fieldProblemOf(message: Text): Pick<FieldProblem, 'message' | 'i18n'> {
  return typeof message === 'string' ? { message } : { message: english(message), i18n: message };
}
