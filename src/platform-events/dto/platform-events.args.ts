import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsDate, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { DateTimeScalar } from '../../common/scalars/date-time.scalar';

export const MAX_SLOT_MINUTES = 24 * 60;
export const MAX_ROOMS = 200;

@ArgsType()
export class PlatformEventsArgs {
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Events still going on at or after this time',
  })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Events that start before this time',
  })
  @IsOptional()
  @IsDate()
  to?: Date;
}

@ArgsType()
export class ScheduleMeetingsArgs {
  @Field(() => ID, { description: 'A TWINNING_MEETING' })
  @IsUUID('all', { message: 'eventId must be an id' })
  eventId: string;

  @Field(() => Int, { description: `Each meeting's length, 5 to ${MAX_SLOT_MINUTES}` })
  @IsInt()
  @Min(5)
  @Max(MAX_SLOT_MINUTES)
  slotMinutes: number;

  @Field(() => Int, { description: `Meetings held at once, 1 to ${MAX_ROOMS}` })
  @IsInt()
  @Min(1)
  @Max(MAX_ROOMS)
  rooms: number;
}

@ArgsType()
export class LinkTwinningToEventArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'twinningId must be an id' })
  twinningId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'eventId must be an id' })
  eventId: string;
}
