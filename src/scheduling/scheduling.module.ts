import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobRun } from './job-run.entity';
import { ScheduledJobs } from './scheduled-jobs';

/** Running time-driven jobs once across instances (ScheduledJobs). */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([JobRun])],
  providers: [ScheduledJobs],
  exports: [ScheduledJobs],
})
export class SchedulingModule {}
