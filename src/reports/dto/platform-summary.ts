import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { ActivityKind } from '../../activities/activity-enums';
import { ParticipantCounts } from '../../activities/dto/participant-counts';
import { Organization } from '../../organizations/organization.entity';
import { Country } from '../../reference/country.entity';

@ObjectType()
export class ActivityKindCount {
  @Field(() => ActivityKind)
  kind: ActivityKind;

  @Field(() => Int)
  count: number;
}

@ObjectType({
  description: "The headline figures of a period [from, to), for the chair's annual report",
})
export class PlatformSummary {
  @Field(() => GraphQLISODateTime)
  from: Date;

  @Field(() => GraphQLISODateTime)
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

  @Field(() => ParticipantCounts, { description: 'Who took part in those activities' })
  participants: ParticipantCounts;

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
}
