import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { wasRefusedForToken } from '../accounts/authentication-failures';
import type { User } from '../accounts/user.entity';
import { FieldProblems } from '../common/errors/domain-errors';
import { ConnectionShape, PageArgs } from '../common/pagination/connection';
import { keysetPage } from '../common/pagination/keyset-page';
import { checkPeriod } from '../common/validation/input-rules';
import { TransactionRunner } from '../database/transaction-runner';
import { AuditContext } from './audit-context';
import { ArchivedAuditEntry, AuditEntry, AuditRecord } from './audit-entry.entity';
import { AuditOutcome, outcomeOf } from './audit-outcome';
import { argumentIds, callerOf } from './audit-targets';
import { AuditFilter } from './dto/audit-filter.input';

/**
 * Refusals by the rate limits are not recorded: they are the flood those limits hold
 * back, and one row each would turn it into writes. What led to them is recorded.
 */
const UNRECORDED_CODES = new Set<unknown>(['TOO_MANY_REQUESTS']);

/** A root mutation field of a request that was answered with an error. */
export interface FailedMutation {
  /** The field's alias or name: where its answer sits in the response. */
  responseKey: string;
  operation: string;
  args: Record<string, unknown>;
  /** The `extensions.code` the caller got. */
  code: unknown;
}

/**
 * The audit trail: one entry per mutation, written with the change it made (see
 * AuditContext) or, when it failed, after it; listed for the secretariat. There is no
 * way to change or remove an entry.
 */
@Injectable()
export class AuditService {
  /** The audit contexts of each request's mutations, by response key (keyed by the request). */
  private readonly contexts = new WeakMap<object, Map<string, AuditContext>>();

  constructor(
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
    @InjectRepository(ArchivedAuditEntry)
    private readonly archived: Repository<ArchivedAuditEntry>,
    private readonly transactions: TransactionRunner,
  ) {}

  /** The record of a mutation about to run. */
  begin(
    request: object,
    responseKey: string,
    operation: string,
    user: User | undefined,
    args: Record<string, unknown>,
  ): AuditContext {
    const audit = new AuditContext(operation, callerOf(user, args), argumentIds(args));
    const ofRequest = this.contexts.get(request) ?? new Map<string, AuditContext>();
    ofRequest.set(responseKey, audit);
    this.contexts.set(request, ofRequest);
    return audit;
  }

  /**
   * The mutation returned: its entry is written already if it changed anything; if it
   * did not (login, a change to what already was), the entry is written now.
   */
  async succeeded(audit: AuditContext, result: unknown): Promise<void> {
    audit.close();
    if (audit.isRecorded()) return;
    await this.transactions.run(async (manager) => {
      await manager.insert(AuditEntry, audit.entry(AuditOutcome.OK, result));
    });
  }

  /**
   * After a request: one entry for each of its mutations that was answered with an error,
   * with that error's code, in one transaction. A mutation whose change was committed (and
   * recorded) before it failed keeps its one entry; rate-limit refusals get none.
   */
  async failed(request: object, user: User | undefined, failures: FailedMutation[]): Promise<void> {
    // Refused at the door for want of a valid token: anyone can send those, so they are
    // counted per address and window (AuthenticationFailures), not written a row each.
    if (wasRefusedForToken(request)) return;
    const ofRequest = this.contexts.get(request);
    const rows = failures
      .filter((failure) => !UNRECORDED_CODES.has(failure.code))
      .filter((failure) => !ofRequest?.get(failure.responseKey)?.isRecorded())
      .map((failure) =>
        new AuditContext(
          failure.operation,
          callerOf(user, failure.args),
          argumentIds(failure.args),
        ).entry(outcomeOf(failure.code)),
      );
    if (rows.length === 0) return;
    await this.transactions.run(async (manager) => {
      await manager.insert(AuditEntry, rows);
    });
  }

  /** Newest first; from the archive when `filter.archived`. */
  list(filter: AuditFilter = {}, page: PageArgs = {}): Promise<ConnectionShape<AuditRecord>> {
    const problems = new FieldProblems();
    checkPeriod(problems, 'filter.to', filter.from, filter.to);
    problems.throwIfAny();

    const query = (filter.archived ? this.archived : this.entries).createQueryBuilder(
      'entry',
    ) as SelectQueryBuilder<AuditRecord>;
    if (filter.operation) {
      query.andWhere('entry.operation = :operation', { operation: filter.operation });
    }
    if (filter.userId) query.andWhere('entry.userId = :userId', { userId: filter.userId });
    if (filter.outcome) query.andWhere('entry.outcome = :outcome', { outcome: filter.outcome });
    if (filter.targetId) {
      // targetIds is a JSON array of ids and codes (letters, digits, "_" and "-"): escape "_".
      const quoted = `"${filter.targetId}"`.replace(/_/g, '\\_');
      query.andWhere(`entry.targetIds LIKE :target ESCAPE '\\'`, { target: `%${quoted}%` });
    }
    if (filter.from) query.andWhere('entry.createdAt >= :from', { from: filter.from });
    if (filter.to) query.andWhere('entry.createdAt < :to', { to: filter.to });
    return keysetPage(query, page);
  }
}
