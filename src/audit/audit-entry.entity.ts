import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '../common/auth/role';
import { timestampColumn, uuidColumn } from '../database/column-types';
import { AuditOutcome } from './audit-outcome';

/**
 * One mutation: who called it, as which role, what it was, which records it named or
 * returned, when, and how it ended. Append-only (see the audit-log migration); argument
 * values other than ids are never stored, so no password or token can land here.
 */
@ObjectType({ description: 'One mutation: who, as which role, what, on which ids, when, outcome' })
@Entity('audit_log')
@Index('IDX_audit_log_createdAt_id', ['createdAt', 'id'])
@Index('IDX_audit_log_userId', ['userId'])
@Index('IDX_audit_log_operation', ['operation'])
export class AuditEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

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
