import { Logger as NestLogger } from '@nestjs/common';
import { AbstractLogger, LogLevel, LogMessage, QueryRunner } from 'typeorm';
import { isBackgroundWork } from './background-work';

/**
 * TypeORM's logger: counts statements of requests (the N+1 tests and diagnostics read the
 * count; background work is not counted: see background-work.ts)
 * and sends failing queries and schema messages to the application log.
 */
export class QueryCounterLogger extends AbstractLogger {
  private readonly output = new NestLogger('Database');
  private count = 0;

  get queryCount(): number {
    return this.count;
  }

  override logQuery(query: string, parameters?: unknown[], queryRunner?: QueryRunner): void {
    if (!isBackgroundWork()) this.count += 1;
    super.logQuery(query, parameters, queryRunner);
  }

  protected writeLog(level: LogLevel, logMessage: LogMessage | LogMessage[]): void {
    const messages = Array.isArray(logMessage) ? logMessage : [logMessage];
    for (const message of messages) {
      const text = String(message.message);
      // A failing statement is usually a constraint the service turns into an answer;
      // it is worth a warning, not an error.
      if (level === 'error') this.output.error(text);
      else if (level === 'warn' || message.type === 'query-error' || message.type === 'query-slow')
        this.output.warn(text);
      else if (level !== 'query') this.output.log(text);
    }
  }
}
