import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { TwinningStatus } from '../twinning-status';

@InputType()
export class TwinningFilter {
  @Field(() => TwinningStatus, { nullable: true })
  @IsOptional()
  @IsEnum(TwinningStatus)
  status?: TwinningStatus;

  @Field({ nullable: true, description: 'Twinnings this country is a party to' })
  @IsOptional()
  @IsString()
  @MaxLength(2)
  countryCode?: string;

  @Field(() => ID, {
    nullable: true,
    description: "Twinnings whose offer is this organization's",
  })
  @IsOptional()
  @IsUUID('all', { message: 'organizationId must be an id' })
  organizationId?: string;
}
