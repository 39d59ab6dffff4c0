import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseModule } from '../database/database.module';
import { ArchivedAuditEntry, AuditEntry } from './audit-entry.entity';
import { AuditRetention } from './audit-retention';
import { AuditInterceptor } from './audit.interceptor';
import { AuditPlugin } from './audit.plugin';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';

/** The audit trail of every mutation (see AuditContext), and `auditLog`. */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry, ArchivedAuditEntry]), DatabaseModule],
  providers: [
    AuditService,
    AuditRetention,
    AuditResolver,
    AuditPlugin,
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
  ],
})
export class AuditModule {}
