import { Global, Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { EventBus } from './event-bus';
import { LiveDelivery } from './live-delivery';
import { SubscriptionServer } from './subscription-server';

/**
 * Live updates: the bus services announce committed changes on, the WebSocket server of
 * the subscriptions, and the per-event checks. Global, like the Redis connections it may
 * use: the services of several modules announce their changes.
 */
@Global()
@Module({
  imports: [AccountsModule],
  providers: [EventBus, LiveDelivery, SubscriptionServer],
  exports: [EventBus, LiveDelivery, SubscriptionServer],
})
export class EventsModule {}
