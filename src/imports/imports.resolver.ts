import {
  Args,
  Context,
  Parent,
  Query,
  ResolveField,
  Resolver,
  Subscription,
} from '@nestjs/graphql';
import type { User } from '../accounts/user.entity';
import { CurrentUser, SignedIn } from '../common/auth/access.decorators';
import { IdArgs } from '../common/dto/id.args';
import type { GraphQLContext } from '../common/graphql-context';
import { preferredLocale } from '../common/locale';
import { EventBus } from '../events/event-bus';
import { LiveDelivery } from '../events/live-delivery';
import type { LiveEvents } from '../events/live-events';
import { translate } from '../i18n/translate';
import { ImportProblem } from './dto/import-problem.type';
import { ImportJob } from './import-job.entity';
import { mayReadImportJob } from './import.policy';
import { ImportsService } from './imports.service';

type ImportProgress = LiveEvents['importProgress'];

@Resolver(() => ImportJob)
export class ImportsResolver {
  constructor(
    private readonly imports: ImportsService,
    private readonly events: EventBus,
    private readonly delivery: LiveDelivery,
  ) {}

  @SignedIn()
  @Query(() => ImportJob, { description: 'An import job: its owner and the secretariat read it' })
  importJob(@CurrentUser() user: User, @Args() { id }: IdArgs): Promise<ImportJob> {
    return this.imports.getReadable(user, id);
  }

  @SignedIn()
  @Subscription(() => ImportJob, {
    description: 'The import job each time it moves on (a batch done, its status changed)',
    filter(this: ImportsResolver, event: ImportProgress, { id }: IdArgs, context: GraphQLContext) {
      return (
        event.jobId === id &&
        this.delivery.admits(context, async (subscriber) => {
          const job = await this.imports.find(id);
          return job !== null && mayReadImportJob(subscriber, job);
        })
      );
    },
    resolve(this: ImportsResolver, event: ImportProgress, _args, context: GraphQLContext) {
      return this.imports.getReadable(context.req.user!, event.jobId);
    },
  })
  async importProgress(
    @CurrentUser() user: User,
    @Args() { id }: IdArgs,
  ): Promise<AsyncIterableIterator<ImportProgress>> {
    // NOT_FOUND at once for a job the subscriber may not read.
    await this.imports.getReadable(user, id);
    return this.events.listen('importProgress');
  }

  @ResolveField(() => [ImportProblem], {
    description: 'Each bad row: its row, column and what is wrong (the first 1,000)',
  })
  problems(@Parent() job: ImportJob, @Context() context: GraphQLContext): ImportProblem[] {
    const locale = preferredLocale(context.req);
    return job.problems.map((problem) => ({
      row: problem.row,
      field: problem.field,
      message:
        typeof problem.message === 'string' ? problem.message : translate(locale, problem.message),
    }));
  }
}
