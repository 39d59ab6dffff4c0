import { Args, Int, Mutation, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { mayReadContactOf } from '../accounts/people.policy';
import { User } from '../accounts/user.entity';
import { CurrentUser, SignedIn } from '../common/auth/access.decorators';
import { GraphQLContext } from '../common/graphql-context';
import { Connection, ConnectionShape } from '../common/pagination/connection';
import { EmailPreferencesArgs } from './dto/email-preferences.args';
import { MyNotificationsArgs } from './dto/my-notifications.args';
import { NotificationIdsArgs } from './dto/notification-ids.args';
import { NotificationKind } from './notification-kind';
import { Notification } from './notification.entity';
import { NotificationsService } from './notifications.service';

@ObjectType()
export class NotificationConnection extends Connection(Notification) {}

@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(private readonly notifications: NotificationsService) {}

  @SignedIn()
  @Query(() => NotificationConnection, {
    description:
      'Your notifications, newest first (`totalCount` with unreadOnly: the unread count)',
  })
  myNotifications(
    @CurrentUser() user: User,
    @Args() { unreadOnly, ...page }: MyNotificationsArgs,
  ): Promise<ConnectionShape<Notification>> {
    return this.notifications.listOf(user, unreadOnly ?? false, page);
  }

  @SignedIn()
  @Mutation(() => Int, {
    description: 'Marks your notifications read; answers how many were unread',
  })
  markNotificationsRead(
    @CurrentUser() user: User,
    @Args() { ids }: NotificationIdsArgs,
  ): Promise<number> {
    return this.notifications.markRead(user, ids);
  }

  @SignedIn()
  @Mutation(() => User, {
    description: 'Chooses the notification kinds you read in the service only, without an e-mail',
  })
  async updateEmailPreferences(
    @CurrentUser() user: User,
    @Args() { mutedEmailKinds }: EmailPreferencesArgs,
  ): Promise<User> {
    await this.notifications.setMutedKinds(user, mutedEmailKinds);
    return user;
  }
}

/** `User.mutedEmailKinds`: read by the person and the secretariat only. */
@Resolver(() => User)
export class UserEmailPreferencesResolver {
  constructor(private readonly notifications: NotificationsService) {}

  @ResolveField(() => [NotificationKind], {
    description:
      'The notification kinds this person reads without an e-mail (empty to anyone but the person and the secretariat)',
  })
  async mutedEmailKinds(
    person: User,
    _args: unknown,
    { req, loaders }: GraphQLContext,
  ): Promise<NotificationKind[]> {
    if (!mayReadContactOf(req.user, person)) return [];
    const loader = loaders.get('mutedEmailKindsByUser', async (ids: readonly string[]) => {
      const byUser = await this.notifications.mutedKindsOf(ids);
      return ids.map((id) => byUser.get(id) ?? []);
    });
    return loader.load(person.id);
  }
}
