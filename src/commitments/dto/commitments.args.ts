import { ArgsType, Field, Float, ID } from '@nestjs/graphql';
import { IsDate, IsNumber, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { DateTimeScalar } from '../../common/scalars/date-time.scalar';
import { IsText } from '../../common/validation/text-rules';

@ArgsType()
export class CommitmentsArgs {
  @Field({ nullable: true, description: "Only this country's plan" })
  @IsOptional()
  @IsString()
  @MaxLength(2)
  countryCode?: string;

  @Field({ nullable: true, description: 'Only the commitments of this working group' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  workingGroupCode?: string;
}

@ArgsType()
export class RecordIndicatorValueArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'indicatorId must be an id' })
  indicatorId: string;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value: number;

  @Field(() => DateTimeScalar, { description: 'When it was measured; not in the future' })
  @IsDate()
  at: Date;

  @Field(() => String, { nullable: true, description: 'Where the value comes from' })
  @IsOptional()
  @IsText(1, 500)
  source?: string | null;
}
