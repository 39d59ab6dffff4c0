import { Args, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../common/auth/access.decorators';
import { Role } from '../common/auth/role';
import { Connection, ConnectionShape } from '../common/pagination/connection';
import { AuditEntry, AuditRecord } from './audit-entry.entity';
import { AuditService } from './audit.service';
import { AuditLogArgs } from './dto/audit-log.args';

@ObjectType()
export class AuditEntryConnection extends Connection(AuditEntry) {}

@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Roles([Role.SECRETARIAT])
  @Query(() => AuditEntryConnection, {
    description: 'Secretariat: every mutation, who made it and how it ended; newest first',
  })
  auditLog(@Args() { filter, ...page }: AuditLogArgs): Promise<ConnectionShape<AuditRecord>> {
    return this.audit.list(filter, page);
  }
}
