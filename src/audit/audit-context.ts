import { AsyncLocalStorage } from 'node:async_hooks';
import { EntityManager } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';
import { AuditOutcome } from './audit-outcome';
import { AuditActor, resultId, signedInActor } from './audit-targets';

/**
 * The audit record of one mutation while it runs. The AuditInterceptor makes it and runs
 * the resolver inside it (AsyncLocalStorage); TransactionRunner appends its entry inside
 * the first transaction of the mutation, so the change and its record commit together,
 * and only once however many transactions the mutation runs.
 */
export class AuditContext {
  private open = true;
  /** A transaction holds the entry and has not ended yet. */
  private appending = false;
  private recorded = false;

  constructor(
    readonly operation: string,
    private readonly actor: AuditActor,
    private readonly argumentIds: string[],
  ) {}

  /** Whether a transaction starting now should carry the entry. */
  isPending(): boolean {
    return this.open && !this.appending && !this.recorded;
  }

  isRecorded(): boolean {
    return this.recorded;
  }

  /** The resolver has returned: later transactions (of field resolvers) are not its own. */
  close(): void {
    this.open = false;
  }

  /** The row, as the mutation ended; `result` is what it returned, or what its transaction did. */
  entry(outcome: AuditOutcome, result?: unknown): Omit<AuditEntry, 'id'> {
    const actor = this.actor.userId ? this.actor : (signedInActor(result) ?? this.actor);
    const returned = resultId(result);
    const targetIds =
      returned && !this.argumentIds.includes(returned)
        ? [...this.argumentIds, returned]
        : this.argumentIds;
    return { createdAt: new Date(), operation: this.operation, ...actor, targetIds, outcome };
  }

  /**
   * Runs a transaction's work, then appends the entry (OK) in the same transaction;
   * the entry counts as written once the transaction commits.
   */
  async appendedTo<T>(
    transaction: (work: (manager: EntityManager) => Promise<T>) => Promise<T>,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    this.appending = true;
    try {
      const result = await transaction(async (manager) => {
        const done = await work(manager);
        await manager.insert(AuditEntry, this.entry(AuditOutcome.OK, done));
        return done;
      });
      this.recorded = true;
      return result;
    } finally {
      this.appending = false;
    }
  }
}

const current = new AsyncLocalStorage<AuditContext>();

export function runAudited<T>(audit: AuditContext, run: () => T): T {
  return current.run(audit, run);
}

/** The mutation running in this async context whose entry is still to be written, if any. */
export function pendingAudit(): AuditContext | undefined {
  const audit = current.getStore();
  return audit?.isPending() ? audit : undefined;
}
