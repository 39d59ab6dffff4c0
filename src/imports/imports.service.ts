import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { User } from '../accounts/user.entity';
import { AuditContext } from '../audit/audit-context';
import { AuditEntry } from '../audit/audit-entry.entity';
import { AuditOutcome } from '../audit/audit-outcome';
import { Clock } from '../common/clock/clock';
import { DomainError, InvalidInputError } from '../common/errors/domain-errors';
import { Environment } from '../config/environment';
import { TransactionRunner } from '../database/transaction-runner';
import { msg } from '../i18n/catalogs';
import { Locale } from '../i18n/locale';
import { ImportKind, ImportStatus } from './import-enums';
import { ImportJob } from './import-job.entity';
import { ImportQueue } from './import-queue';
import { assertMayImport, mayReadImportJob } from './import.policy';
import { formatOf } from './sheet-rows';

/** NOT_FOUND for a job that does not exist or is not the reader's. */
export class ImportJobNotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(id: string) {
    super(msg('imports.noSuchJob', { id }));
  }
}

/** A file that is not a spreadsheet this service reads: not valid UTF-8 text nor an XLSX. */
function looksLikeText(content: Buffer): boolean {
  const head = content.subarray(0, 64 * 1024);
  // A cut in the middle of a character at the end of the sample is not a fault of the file.
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head);
  const replaced = (text.match(/\uFFFD/g) ?? []).length;
  return replaced <= 1 && !head.includes(0);
}

/** Imports of needs and offers: the jobs, who may start and read them. */
@Injectable()
export class ImportsService {
  private readonly maxBytes: number;

  constructor(
    private readonly clock: Clock,
    @InjectRepository(ImportJob) private readonly jobs: Repository<ImportJob>,
    private readonly transactions: TransactionRunner,
    private readonly queue: ImportQueue,
    config: ConfigService<Environment, true>,
  ) {
    this.maxBytes = config.get('IMPORT_MAX_BYTES', { infer: true });
  }

  /**
   * Takes a file in and queues its job: FORBIDDEN for a caller who imports nothing of
   * this kind, BAD_USER_INPUT (field `file`) for an empty or too large file or one that is
   * not a spreadsheet. The rows are read later, by the job. An import that may write is
   * recorded in the audit trail with the job, once.
   */
  async submit(
    user: User,
    kind: ImportKind,
    content: Buffer,
    dryRun: boolean,
    locale: Locale,
  ): Promise<ImportJob> {
    assertMayImport(user, kind);
    if (content.length === 0) throw InvalidInputError.of('file', msg('imports.empty'));
    if (content.length > this.maxBytes) {
      throw InvalidInputError.of(
        'file',
        msg('imports.tooLarge', { megabytes: Math.floor(this.maxBytes / 1024 / 1024) }),
      );
    }
    const format = formatOf(content);
    if (format === 'csv' && !looksLikeText(content)) {
      throw InvalidInputError.of('file', msg('imports.notSpreadsheet'));
    }
    const now = this.clock.now();
    const job = this.jobs.create({
      kind,
      dryRun,
      status: ImportStatus.QUEUED,
      ownerId: user.id,
      locale,
      format,
      content: content.toString('base64'),
      total: 0,
      processed: 0,
      created: 0,
      updated: 0,
      rejected: 0,
      problems: [],
      leaseUntil: null,
      createdAt: now,
      updatedAt: now,
    });
    const saved = await this.transactions.run(async (manager) => {
      const stored = await manager.save(job);
      if (!dryRun) {
        const operation = kind === ImportKind.NEEDS ? 'importNeeds' : 'importOffers';
        const audit = new AuditContext(
          operation,
          { userId: user.id, email: user.email, role: user.role },
          [],
        );
        await manager.insert(AuditEntry, audit.entry(AuditOutcome.OK, { id: stored.id }));
      }
      return stored;
    });
    await this.queue.enqueue(saved.id);
    return saved;
  }

  /** The job, for its owner or the secretariat; NOT_FOUND for anyone else. */
  async getReadable(reader: User, id: string): Promise<ImportJob> {
    const job = await this.jobs.findOneBy({ id });
    if (!job || !mayReadImportJob(reader, job)) throw new ImportJobNotFoundError(id);
    return job;
  }

  /** The job as it is now, whoever asks: for live delivery, which checks the reader itself. */
  find(id: string): Promise<ImportJob | null> {
    return this.jobs.findOneBy({ id });
  }
}
