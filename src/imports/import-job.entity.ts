import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn, uuidColumn } from '../database/column-types';
import type { Message } from '../i18n/message';
import { Locale } from '../i18n/locale';
import { ImportKind, ImportStatus } from './import-enums';
import type { SheetFormat } from './sheet-rows';

/** A problem of one row, as stored: its message is read in the reader's language. */
export interface StoredImportProblem {
  row: number;
  /** The column's header as the file writes it; null for the whole row or file. */
  field: string | null;
  message: Message | string;
}

/**
 * An import of a file of needs or offers: the file itself (until the job ends), where the
 * work is, and what it found. The job table is the queue when there is no Redis: a worker
 * claims a QUEUED job (or a RUNNING one whose lease ran out: its worker died) by moving its
 * lease forward.
 */
@ObjectType('ImportJob', {
  description: 'An import of needs or offers from a file, and how far it got',
})
@Entity('import_jobs')
@Index('IDX_import_jobs_status_lease', ['status', 'leaseUntil'])
@Index('IDX_import_jobs_owner', ['ownerId', 'createdAt'])
export class ImportJob {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String, { description: '"needs" or "offers"' })
  @Column({ type: 'varchar', length: 10 })
  kind: ImportKind;

  @Field({ description: 'Checked only: nothing was written' })
  @Column({ type: 'boolean' })
  dryRun: boolean;

  @Field(() => ImportStatus)
  @Column({ type: 'varchar', length: 10 })
  status: ImportStatus;

  @Column(uuidColumn())
  ownerId: string;

  /** The language the owner imported in: what a problem found without a reader is read in. */
  @Column({ type: 'varchar', length: 2 })
  locale: Locale;

  @Column({ type: 'varchar', length: 4 })
  format: SheetFormat;

  /** The file, base64 (both engines store text alike); emptied when the job ends. */
  @Column({ type: 'text', select: false })
  content: string;

  @Field(() => Int, { description: 'Data rows in the file (known once it is read)' })
  @Column({ type: 'integer' })
  total: number;

  /** Data rows done, committed with their batch, so a restarted job resumes after them. */
  @Field(() => Int, { description: 'Data rows done so far' })
  @Column({ type: 'integer' })
  processed: number;

  @Field(() => Int, { description: 'Needs or offers added (a dry run: that would be)' })
  @Column({ type: 'integer' })
  created: number;

  @Field(() => Int, { description: 'Needs or offers changed (a dry run: that would be)' })
  @Column({ type: 'integer' })
  updated: number;

  @Field(() => Int, { description: 'Rows refused, each with its problems' })
  @Column({ type: 'integer' })
  rejected: number;

  @Column({ type: 'simple-json' })
  problems: StoredImportProblem[];

  /** Until when the worker running it holds it; past it, another worker may take it over. */
  @Column(timestampColumn({ nullable: true }))
  leaseUntil: Date | null;

  @Column(timestampColumn())
  createdAt: Date;

  @Column(timestampColumn())
  updatedAt: Date;
}
