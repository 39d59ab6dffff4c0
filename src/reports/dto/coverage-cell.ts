import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Country } from '../../reference/country.entity';
import { WorkingGroup } from '../../reference/working-group.entity';

@ObjectType({ description: 'The needs of one MIRPS state in one working group, by status' })
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
}
