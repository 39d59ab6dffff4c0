import { Field, Float, InputType } from '@nestjs/graphql';
import { IsDate, IsNumber, IsOptional } from 'class-validator';
import { DateTimeScalar } from '../../common/scalars/date-time.scalar';
import { IsName, IsText } from '../../common/validation/text-rules';

@InputType()
export class IndicatorInput {
  @Field({ description: 'Unique within the commitment (case and accents ignored)' })
  @IsName(1, 200)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(1, 40)
  unit?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  baseline?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  target?: number | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the target is due: with a baseline, progress is judged against it',
  })
  @IsOptional()
  @IsDate()
  targetDate?: Date | null;
}
