import { Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { AccountsService } from '../../accounts/accounts.service';
import { User } from '../../accounts/user.entity';
import { CurrentUser, SignedIn } from '../../common/auth/access.decorators';
import { GraphQLContext } from '../../common/graphql-context';
import { CalendarService } from './calendar.service';

/** `User.calendarUrl` and its reset: the feed URL is a credential, shown to its owner only. */
@Resolver(() => User)
export class CalendarUrlResolver {
  constructor(
    private readonly accounts: AccountsService,
    private readonly calendar: CalendarService,
  ) {}

  @ResolveField(() => String, {
    nullable: true,
    description:
      'Your own iCalendar feed of the activities (add ?country=HN or &workingGroup=CODE to ' +
      'narrow it); null on any other user',
  })
  async calendarUrl(user: User, _args: unknown, { req }: GraphQLContext): Promise<string | null> {
    if (req.user?.id !== user.id) return null;
    return this.calendar.urlFor(
      user.calendarToken ?? (await this.accounts.calendarTokenOf(user.id)),
    );
  }

  @SignedIn()
  @Mutation(() => String, {
    description: 'A new calendarUrl for you; the old one stops working at once',
  })
  async resetCalendarUrl(@CurrentUser() user: User): Promise<string> {
    return this.calendar.urlFor(await this.accounts.resetCalendarToken(user.id));
  }
}
