import { Field, Float, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/scalars/date-time.scalar';

/** A bilateral meeting of the agenda: the need's country and the offer's organization. */
@ObjectType({ description: "A bilateral meeting of a twinning meeting's agenda" })
export class AgendaSlot {
  @Field(() => DateTimeScalar)
  startsAt: Date;

  @Field(() => DateTimeScalar)
  endsAt: Date;

  @Field(() => Float, { description: "The pair's score in the matching plan" })
  score: number;

  @Field(() => String, { nullable: true, description: 'The room, numbered from "1"' })
  room: string | null;

  needId: string;
  offerId: string;
}

/** A planned pair no slot could take (pack-agenda.ts: reported, never dropped). */
@ObjectType({
  description: 'A pair of the matching plan that found no slot: more slots or rooms would place it',
})
export class UnscheduledMeeting {
  @Field(() => Float)
  score: number;

  needId: string;
  offerId: string;
}
