import { Field, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { DateTimeScalar } from '../../common/scalars/date-time.scalar';
import { IsText } from '../../common/validation/text-rules';
import type { MessageKey } from '../../i18n/catalogs';
import { TroikaRole } from '../troika-role';

/** A term in a seat; the one of the same seat starting at the same `from` is replaced. */
@InputType()
export class ChairTermInput {
  @Field(() => ID)
  @IsUUID('all', {
    message: 'organizationId must be an id',
    context: { i18n: 'common.id' satisfies MessageKey },
  })
  organizationId: string;

  @Field(() => TroikaRole)
  @IsEnum(TroikaRole)
  role: TroikaRole;

  @Field(() => DateTimeScalar, { description: 'Inclusive' })
  @IsDate()
  from: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Exclusive; after from; open when absent',
  })
  @IsOptional()
  @IsDate()
  to?: Date | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(1, 300)
  theme?: string | null;
}
