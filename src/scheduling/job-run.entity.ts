import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timestampColumn } from '../database/column-types';

/**
 * A time-driven job's record, shared by every instance on the database: when it last ran
 * to the end, and until when one instance holds it (see ScheduledJobs).
 */
@Entity('job_runs')
export class JobRun {
  @PrimaryColumn({ type: 'varchar', length: 60 })
  name: string;

  @Column(timestampColumn({ nullable: true }))
  lastRunAt: Date | null;

  @Column(timestampColumn({ nullable: true }))
  heldUntil: Date | null;
}
