import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Mutex } from 'async-mutex';
import { DataSource, EntityManager } from 'typeorm';
import { pendingAudit } from '../audit/audit-context';

/**
 * Runs a unit of work in one transaction. Every write goes through here.
 *
 * TypeORM talks to SQLite over a single connection, where two overlapping transactions
 * would silently nest as savepoints of one another; so on SQLite the transactions of
 * this process take turns (SQLite allows one writer at a time anyway).
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

  private transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.dataSource.options.type === 'sqlite') {
      return this.sqliteWriter.runExclusive(() => this.dataSource.transaction(work));
    }
    return this.dataSource.transaction(work);
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
