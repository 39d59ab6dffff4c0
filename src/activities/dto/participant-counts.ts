import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'People who took part, by gender' })
export class ParticipantCounts {
  @Field(() => Int)
  women: number;

  @Field(() => Int)
  men: number;

  @Field(() => Int)
  other: number;

  @Field(() => Int, { description: 'women + men + other' })
  total: number;
}

export function participantCounts(women: number, men: number, other: number): ParticipantCounts {
  return { women, men, other, total: women + men + other };
}
