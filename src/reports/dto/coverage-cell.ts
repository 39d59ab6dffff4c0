import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Country } from '../../reference/country.entity';
import { WorkingGroup } from '../../reference/working-group.entity';

@ObjectType({
  description:
    'The needs of one MIRPS state in one working group, by status (restricted ones counted), and its plan',
})
export class CoverageCell {
  @Field(() => Country)
  country: Country;

  @Field(() => WorkingGroup)
  workingGroup: WorkingGroup;

  @Field(() => Int, { description: 'Every need but the withdrawn ones' })
  needs: number;

  @Field(() => Int)
  open: number;

  @Field(() => Int)
  inTwinning: number;

  @Field(() => Int)
  fulfilled: number;

  @Field(() => Int, { description: "The country's National Action Plan commitments in it" })
  commitments: number;

  @Field(() => Int, {
    description:
      "Those commitments' indicators on track now: target reached, or (with a baseline and a " +
      'target date) at least as far from the baseline toward the target as the time elapsed ' +
      'is of the time allowed',
  })
  indicatorsOnTrack: number;
}
