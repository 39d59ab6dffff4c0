import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '../common/auth/role';
import { timestampColumn, uuidColumn } from '../database/column-types';
import { AuditOutcome } from './audit-outcome';

/**
 * One mutation: who called it, as which role, what it was, which records it named or
 * returned, when, and how it ended. Argument values other than ids are never stored, so
 * no password or token can land here. Kept by AuditEntry (the log) and, past
 * AUDIT_RETENTION_DAYS, by ArchivedAuditEntry: both append-only (see the migrations).
 */
@ObjectType({ isAbstract: true })
export abstract class AuditRecord {
  abstract id: string;

  @Field({ description: 'When the mutation was recorded' })
  @Column(timestampColumn())
  createdAt: Date;

  @Field({ description: 'The mutation, e.g. createNeed' })
  @Column({ type: 'varchar', length: 100 })
  operation: string;

  @Field(() => ID, { nullable: true, description: 'Null when the caller was not signed in' })
  @Column(uuidColumn({ nullable: true }))
  userId: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The caller's e-mail at the time; for login, the e-mail attempted",
  })
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Field(() => Role, { nullable: true, description: "The caller's role at the time" })
  @Column({ type: 'varchar', length: 40, nullable: true })
  role: Role | null;

  @Field(() => [ID], {
    description:
      'The ids in the arguments, then the id of the record returned (a working group: its code)',
  })
  @Column({ type: 'simple-json' })
  targetIds: string[];

  @Field(() => AuditOutcome)
  @Column({ type: 'varchar', length: 40 })
  outcome: AuditOutcome;
}

@ObjectType('AuditEntry', {
  description: 'One mutation: who, as which role, what, on which ids, when, outcome',
})
@Entity('audit_log')
@Index('IDX_audit_log_createdAt_id', ['createdAt', 'id'])
@Index('IDX_audit_log_userId', ['userId'])
@Index('IDX_audit_log_operation', ['operation'])
export class AuditEntry extends AuditRecord {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;
}

/**
 * An entry moved out of the log past AUDIT_RETENTION_DAYS (see AuditRetention), unchanged,
 * with when it moved. The log lets an entry go only once its exact copy is here, and
 * nothing changes or removes an archived entry: the trail stays whole, in two tables.
 */
@Entity('audit_log_archive')
@Index('IDX_audit_log_archive_createdAt_id', ['createdAt', 'id'])
export class ArchivedAuditEntry extends AuditRecord {
  @PrimaryColumn(uuidColumn())
  id: string;

  @Column(timestampColumn())
  archivedAt: Date;
}
