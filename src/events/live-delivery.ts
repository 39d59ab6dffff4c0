import { Injectable, Logger } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import type { User } from '../accounts/user.entity';
import { UnauthenticatedError } from '../common/errors/domain-errors';
import type { GraphQLContext } from '../common/graphql-context';
import { RequestLoaders } from '../common/loaders/request-loaders';

/**
 * Decides, for each event and each subscription, whether the event is delivered. The
 * subscription's `filter` calls it; it runs before the event's selection is resolved.
 */
@Injectable()
export class LiveDelivery {
  private readonly log = new Logger(LiveDelivery.name);

  constructor(private readonly accounts: AccountsService) {}

  /**
   * The subscriber is checked again by the rules of every request (a token that expired
   * or was revoked since the subscription began closes the connection, and nothing more
   * is delivered on it); the event gets loaders of its own, so that it reads current data,
   * not what an earlier event cached; then `visible` decides on current data. A fault
   * skips the event for this subscriber and is logged.
   */
  async admits(
    context: GraphQLContext,
    visible: (subscriber: User) => Promise<boolean> | boolean,
  ): Promise<boolean> {
    const { connection } = context;
    if (!connection) return false;
    try {
      const subscriber = await this.accounts.userOfAuthorization(connection.authorization);
      context.req.user = subscriber;
      context.loaders = new RequestLoaders();
      return await visible(subscriber);
    } catch (error) {
      if (error instanceof UnauthenticatedError) {
        connection.refuse(error.message);
      } else {
        this.log.error(
          { err: error, requestId: context.req.id },
          'Could not decide whether to deliver a live event: skipped',
        );
      }
      return false;
    }
  }
}
