import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** The most items one `attention` answer carries. */
export const MOST_ATTENTION_ITEMS = 200;

@ArgsType()
export class AttentionArgs {
  @Field({ nullable: true, description: "Only what concerns this MIRPS state's needs" })
  @IsOptional()
  @IsString()
  @MaxLength(2)
  countryCode?: string;

  @Field({ nullable: true, description: 'Only what concerns this working group' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  workingGroupCode?: string;

  @Field(() => Int, {
    nullable: true,
    description: `At most this many items, the most urgent (default 50, at most ${MOST_ATTENTION_ITEMS})`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MOST_ATTENTION_ITEMS)
  first?: number;
}
