import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Mutex } from 'async-mutex';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { pendingAudit } from '../audit/audit-context';

/**
 * PostgreSQL errors after which the same work, run again, can succeed: a serialization
 * failure or deadlock (the other transaction won), or a unique key another transaction
 * committed meanwhile (run again, the work's own check finds that row and answers with
 * its own CONFLICT, as when the two requests come one after the other).
 */
const RETRIABLE_SQLSTATES = new Set(['40001', '40P01', '23505']);
const ATTEMPTS = 3;

function isRetriable(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError: unknown = error.driverError;
  return (
    typeof driverError === 'object' &&
    driverError !== null &&
    'code' in driverError &&
    typeof driverError.code === 'string' &&
    RETRIABLE_SQLSTATES.has(driverError.code)
  );
}

/**
 * Runs a unit of work in one transaction. Every write goes through here.
 *
 * TypeORM talks to SQLite over a single connection, where two overlapping transactions
 * would silently nest as savepoints of one another; so on SQLite the transactions of
 * this process take turns (SQLite allows one writer at a time anyway). On PostgreSQL they
 * run side by side (READ COMMITTED), each on its own connection: rows are locked where the
 * work reads them (`writeLock`), and a unit that lost a race is run again (see above).
 * A unit must therefore do nothing but database work through its manager.
 *
 * Inside a GraphQL mutation, the first transaction also appends the mutation's audit
 * entry (see AuditContext), so a change is never committed without its record.
 */
@Injectable()
export class TransactionRunner {
  private readonly sqliteWriter = new Mutex();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const audit = pendingAudit();
    if (!audit) return this.transaction(work);
    return audit.appendedTo((unit) => this.transaction(unit), work);
  }

  private async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.dataSource.options.type === 'sqlite') {
      return this.sqliteWriter.runExclusive(() => this.dataSource.transaction(work));
    }
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.dataSource.transaction(work);
      } catch (error) {
        if (attempt >= ATTEMPTS || !isRetriable(error)) throw error;
      }
    }
  }
}

/**
 * The lock to read a row with before changing it inside `TransactionRunner.run`:
 * a row lock (SELECT ... FOR UPDATE) where the engine has them; on SQLite the
 * transaction already holds the only writer's turn.
 */
export function writeLock(manager: EntityManager): { mode: 'pessimistic_write' } | undefined {
  return manager.connection.options.type === 'sqlite' ? undefined : { mode: 'pessimistic_write' };
}
