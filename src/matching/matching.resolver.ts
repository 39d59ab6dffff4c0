import { Args, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { User } from '../accounts/user.entity';
import { CurrentUser, SignedIn } from '../common/auth/access.decorators';
import { GraphQLContext, OperationRequest } from '../common/graphql-context';
import { Locale, preferredLocale } from '../common/locale';
import { loadRequired } from '../common/loaders/request-loaders';
import { needLoader } from '../needs/need.loaders';
import { Need } from '../needs/need.entity';
import { NeedsService } from '../needs/needs.service';
import { offerLoader } from '../offers/offer.loaders';
import { Offer } from '../offers/offer.entity';
import { OffersService } from '../offers/offers.service';
import { translate } from '../i18n/translate';
import { withReferenceNames } from '../reference/reference-names';
import { ReferenceService } from '../reference/reference.service';
import type { Reason } from './engine/candidates';
import { MatchingPlan, MatchSuggestion, ScoreReason } from './dto/match-types';
import { MatchingPlanArgs, SuggestedNeedsArgs, SuggestedOffersArgs } from './dto/suggestion.args';
import { MatchingService } from './matching.service';

@Resolver(() => MatchSuggestion)
export class MatchingResolver {
  constructor(
    private readonly matching: MatchingService,
    private readonly needs: NeedsService,
    private readonly offers: OffersService,
  ) {}

  @SignedIn()
  @Query(() => [MatchSuggestion], {
    description: 'The offers that fit a need best, best first (NOT_FOUND for an unknown need)',
  })
  suggestedOffers(
    @CurrentUser() user: User,
    @Args() { needId, first }: SuggestedOffersArgs,
  ): Promise<MatchSuggestion[]> {
    return this.matching.suggestOffers(user, needId, first);
  }

  @SignedIn()
  @Query(() => [MatchSuggestion], {
    description: 'The needs an offer fits best, best first (NOT_FOUND for an unknown offer)',
  })
  suggestedNeeds(
    @CurrentUser() user: User,
    @Args() { offerId, first }: SuggestedNeedsArgs,
  ): Promise<MatchSuggestion[]> {
    return this.matching.suggestNeeds(user, offerId, first);
  }

  @SignedIn()
  @Query(() => MatchingPlan, {
    description: 'Open needs assigned to open offers for the highest total score, within capacity',
  })
  matchingPlan(
    @CurrentUser() user: User,
    @Args() { workingGroupCode }: MatchingPlanArgs,
  ): Promise<MatchingPlan> {
    return this.matching.plan(user, workingGroupCode);
  }

  @ResolveField(() => Need)
  need(pair: MatchSuggestion, _args: unknown, { loaders }: GraphQLContext): Promise<Need> {
    return loadRequired(needLoader(loaders, this.needs), pair.needId, 'Need');
  }

  @ResolveField(() => Offer)
  offer(pair: MatchSuggestion, _args: unknown, { loaders }: GraphQLContext): Promise<Offer> {
    return loadRequired(offerLoader(loaders, this.offers), pair.offerId, 'Offer');
  }
}

@Resolver(() => MatchingPlan)
export class MatchingPlanResolver {
  constructor(private readonly needs: NeedsService) {}

  @ResolveField(() => [Need], { description: 'Open needs the plan leaves out' })
  async unmatchedNeeds(
    plan: MatchingPlan,
    _args: unknown,
    { loaders }: GraphQLContext,
  ): Promise<Need[]> {
    const loader = needLoader(loaders, this.needs);
    return Promise.all(plan.unmatchedNeedIds.map((id) => loadRequired(loader, id, 'Need')));
  }
}

/** The language of each request, found once however many reasons it reads. */
const localeOfRequest = new WeakMap<OperationRequest, Locale>();

function localeOf(req: OperationRequest): Locale {
  let locale = localeOfRequest.get(req);
  if (!locale) {
    locale = preferredLocale(req);
    localeOfRequest.set(req, locale);
  }
  return locale;
}

@Resolver(() => ScoreReason)
export class ScoreReasonResolver {
  constructor(private readonly reference: ReferenceService) {}

  /**
   * The engine says why as a Message; it is read here, in the caller's language (the
   * user's locale, else Accept-Language, else Spanish), with countries and working groups
   * by name, and only when asked for.
   */
  @ResolveField(() => String)
  async detail(reason: Reason, _args: unknown, { req }: GraphQLContext): Promise<string> {
    return translate(localeOf(req), await withReferenceNames(reason.detail, this.reference));
  }
}
