import { Field, ObjectType } from '@nestjs/graphql';
import { ChairTerm } from '../chair-term.entity';

@ObjectType({
  description:
    "The troika now: each seat's term in force; a seat nobody was named to is the chair whose " +
    'term ended last (past) or starts next (incoming)',
})
export class Troika {
  @Field(() => ChairTerm, { nullable: true })
  chair: ChairTerm | null;

  @Field(() => ChairTerm, { nullable: true })
  pastChair: ChairTerm | null;

  @Field(() => ChairTerm, { nullable: true })
  incomingChair: ChairTerm | null;
}
