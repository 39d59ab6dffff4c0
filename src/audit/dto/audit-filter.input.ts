import { Field, ID, InputType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../common/scalars/date-time.scalar';
import {
  IsBoolean,
  IsDate,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { AuditOutcome } from '../audit-outcome';
import type { MessageKey } from '../../i18n/catalogs';

/** Every field narrows the list. */
@InputType()
export class AuditFilter {
  @Field({ nullable: true, description: 'A mutation, e.g. createNeed' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  operation?: string;

  @Field(() => ID, { nullable: true, description: 'Entries of this caller' })
  @IsOptional()
  @IsUUID('all', {
    message: 'userId must be an id',
    context: { i18n: 'common.id' satisfies MessageKey },
  })
  userId?: string;

  @Field(() => AuditOutcome, { nullable: true })
  @IsOptional()
  @IsEnum(AuditOutcome)
  outcome?: AuditOutcome;

  @Field(() => ID, {
    nullable: true,
    description: 'Entries that name this id (or working group code) among their targetIds',
  })
  @IsOptional()
  @Matches(/^[\w-]{1,64}$/, {
    message: 'targetId must be an id or a working group code',
    context: { i18n: 'audit.targetIdFormat' satisfies MessageKey },
  })
  targetId?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Inclusive' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Exclusive' })
  @IsOptional()
  @IsDate()
  to?: Date;

  @Field({
    nullable: true,
    description: 'The archive instead of the log: entries older than AUDIT_RETENTION_DAYS',
  })
  @IsOptional()
  @IsBoolean()
  archived?: boolean;
}
