import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Cron, CronExpression } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { Environment } from '../config/environment';
import { TransactionRunner } from '../database/transaction-runner';
import { ArchivedAuditEntry, AuditEntry } from './audit-entry.entity';

/** Entries moved per transaction: short transactions, whatever the backlog. */
const BATCH = 500;
const DAY = 86_400_000;

/**
 * Audit retention: entries older than AUDIT_RETENTION_DAYS move from the log to its
 * archive, unchanged (see ArchivedAuditEntry), so the log that the secretariat searches
 * every day stays small while the trail stays whole. Unset, nothing moves.
 *
 * Runs at start-up (catching up after downtime) and every hour. Safe with several
 * instances: a move copies first (an entry already archived is skipped), then removes
 * from the log only what the archive holds, which the database itself checks.
 */
@Injectable()
export class AuditRetention implements OnApplicationBootstrap {
  private readonly log = new Logger(AuditRetention.name);
  private readonly days?: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    config: ConfigService<Environment, true>,
  ) {
    this.days = config.get('AUDIT_RETENTION_DAYS', { infer: true });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.scheduled();
  }

  @Cron(CronExpression.EVERY_HOUR, { name: 'audit-retention' })
  async scheduled(): Promise<void> {
    if (!this.days) return;
    try {
      const moved = await this.archive(new Date());
      if (moved > 0)
        this.log.log(`Moved ${moved} audit entries older than ${this.days} days to the archive`);
    } catch (error) {
      this.log.error({ err: error }, 'Could not move old audit entries to the archive');
    }
  }

  /** Moves every entry recorded before `now` minus the retention; answers how many moved. */
  async archive(now: Date): Promise<number> {
    if (!this.days) return 0;
    const cutoff = new Date(now.getTime() - this.days * DAY);
    let moved = 0;
    for (;;) {
      const batch = await this.transactions.run(async (manager) => {
        const due = await manager
          .createQueryBuilder(AuditEntry, 'entry')
          .select('entry.id', 'id')
          .where('entry.createdAt < :cutoff', { cutoff })
          .orderBy('entry.createdAt', 'ASC')
          .addOrderBy('entry.id', 'ASC')
          .limit(BATCH)
          .getRawMany<{ id: string }>();
        if (due.length === 0) return { seen: 0, moved: 0 };
        const ids = due.map((row) => row.id);
        const columns = this.dataSource
          .getMetadata(AuditEntry)
          .columns.map((column) => `"${column.databaseName}"`)
          .join(', ');
        const archivedAt = this.dataSource.driver.preparePersistentValue(
          now,
          this.dataSource.getMetadata(ArchivedAuditEntry).findColumnWithPropertyName('archivedAt')!,
        ) as unknown;
        const [copy, values] = this.dataSource.driver.escapeQueryWithParameters(
          `INSERT INTO "audit_log_archive" (${columns}, "archivedAt") SELECT ${columns}, :archivedAt FROM "audit_log" WHERE "id" IN (:...ids) ON CONFLICT ("id") DO NOTHING`,
          { archivedAt, ids },
          {},
        );
        await manager.query(copy, values);
        // What this run moved: a run at the same time may have moved some of these first
        // (on PostgreSQL its copies win the conflict, and its deletes leave these none).
        const deleted = await manager
          .createQueryBuilder()
          .delete()
          .from(AuditEntry)
          .where('id IN (:...ids)', { ids })
          .execute();
        return { seen: ids.length, moved: deleted.affected ?? 0 };
      });
      moved += batch.moved;
      if (batch.seen < BATCH) return moved;
    }
  }
}
