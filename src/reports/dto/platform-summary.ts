import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../common/scalars/date-time.scalar';
import { ActivityKind } from '../../activities/activity-enums';
import { Organization } from '../../organizations/organization.entity';
import { Country } from '../../reference/country.entity';

@ObjectType()
export class ActivityKindCount {
  @Field(() => ActivityKind)
  kind: ActivityKind;

  @Field(() => Int)
  count: number;
}

/**
 * Participants summed over every activity of a period. One activity's counts are capped
 * (1,000,000 each) and fit `Int`; their sum over many activities does not (720 activities
 * of 3,000,000 exceed 2^31), so the sums are `Float`: exact for any whole number up to
 * 2^53, which would take over three billion capped activities to reach.
 */
@ObjectType({ description: 'People who took part in many activities, by gender' })
export class ParticipantTotals {
  @Field(() => Float)
  women: number;

  @Field(() => Float)
  men: number;

  @Field(() => Float)
  other: number;

  @Field(() => Float, { description: 'women + men + other' })
  total: number;
}

@ObjectType({ description: "A member's pledges of a period, in US dollars" })
export class MemberPledgeTotal {
  @Field(() => Organization)
  organization: Organization;

  @Field(() => Int, { description: 'Its pledges not CANCELLED' })
  pledges: number;

  @Field(() => Float, { description: 'Their amountUsd summed (those without a rate add nothing)' })
  pledgedUsd: number;

  @Field(() => Float, { description: 'That of the DISBURSED ones' })
  disbursedUsd: number;
}

@ObjectType({
  description: "The headline figures of a period [from, to), for the chair's annual report",
})
export class PlatformSummary {
  @Field(() => DateTimeScalar)
  from: Date;

  @Field(() => DateTimeScalar)
  to: Date;

  @Field(() => Int, { description: 'Needs posted in the period, whatever became of them' })
  needsPosted: number;

  @Field(() => Int, { description: 'Twinnings confirmed in the period' })
  twinningsConfirmed: number;

  @Field(() => Int, { description: 'Twinnings completed in the period' })
  twinningsCompleted: number;

  @Field(() => Int, { description: 'Activities DONE that started in the period' })
  activitiesDone: number;

  @Field(() => [ActivityKindCount], {
    description: 'The same activities by kind: every kind, zeros included',
  })
  activitiesDoneByKind: ActivityKindCount[];

  @Field(() => ParticipantTotals, {
    description: 'Who took part in those activities (sums: Float, so they cannot overflow)',
  })
  participants: ParticipantTotals;

  @Field(() => [Country], {
    description:
      'Parties to the twinnings confirmed or completed in the period or whose activities were ' +
      'done in it, and the countries taking part in those activities; by code',
  })
  countriesInvolved: Country[];

  @Field(() => [Organization], {
    description: 'The offering members of those twinnings, by name',
  })
  membersInvolved: Organization[];

  @Field(() => Int, { description: 'Pledges made in the period (pledgedAt), not CANCELLED' })
  pledges: number;

  @Field(() => Float, {
    description:
      "Their amountUsd summed, at the secretariat's rates in force now, to the cent; a pledge " +
      'in a currency without a rate adds nothing (see pledgesWithoutRate)',
  })
  pledgedUsd: number;

  @Field(() => Float, { description: 'The same for those of them DISBURSED' })
  disbursedUsd: number;

  @Field(() => Int, { description: 'Those pledges whose currency has no rate yet' })
  pledgesWithoutRate: number;

  @Field(() => [MemberPledgeTotal], {
    description: 'The same pledges by member, the largest pledgedUsd first (then by name)',
  })
  pledgesByMember: MemberPledgeTotal[];

  @Field(() => Int, {
    description: 'Organizations of kind PRIVATE_SECTOR: the private sector partners network',
  })
  privateSectorPartners: number;
}
