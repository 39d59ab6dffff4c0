import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { PubSub, PubSubEngine } from 'graphql-subscriptions';
import { RedisConnections } from '../redis/redis-connections';
import { LiveEventName, LiveEvents } from './live-events';

/**
 * Where committed changes are announced to live subscribers. In process by default; through
 * Redis when REDIS_URL is set, so that a subscriber connected to one instance hears of a
 * change made through another (two connections of their own: a subscribing connection
 * can do nothing else). Channels are named `<REDIS_KEY_PREFIX>events:<event>`.
 */
@Injectable()
export class EventBus {
  private readonly log = new Logger(EventBus.name);
  private readonly engine: PubSubEngine;
  private readonly channelPrefix: string;

  constructor(redis: RedisConnections) {
    this.channelPrefix = `${redis.keyPrefix}events:`;
    if (redis.enabled) {
      this.engine = new RedisPubSub({
        publisher: redis.open('publisher'),
        subscriber: redis.open('subscriber'),
      });
    } else {
      // One listener per live subscription: many more than EventEmitter's default warns at.
      const emitter = new EventEmitter();
      emitter.setMaxListeners(0);
      this.engine = new PubSub({ eventEmitter: emitter });
    }
  }

  /**
   * Announces a change. Call it once the change is committed (after the transaction,
   * never inside it): a rolled-back change announces nothing. It never fails: the change
   * is done whether or not subscribers hear of it, so a failure is logged, not thrown.
   */
  async publish<E extends LiveEventName>(event: E, payload: LiveEvents[E]): Promise<void> {
    try {
      await this.engine.publish(this.channelPrefix + event, payload);
    } catch (error) {
      this.log.error(
        { err: error, event, payload },
        'Could not announce a committed change to live subscribers',
      );
    }
  }

  /** The events of one kind from now on, for one subscription (ended by its `return()`). */
  listen<E extends LiveEventName>(event: E): AsyncIterableIterator<LiveEvents[E]> {
    return this.engine.asyncIterableIterator<LiveEvents[E]>(this.channelPrefix + event);
  }
}
