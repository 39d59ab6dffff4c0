import { ParseUUIDPipe } from '@nestjs/common';
import { ArgsType, Field, ID } from '@nestjs/graphql';
import { InvalidInputError } from '../errors/domain-errors';
import { IsOptional, IsUUID } from 'class-validator';
import { IsText } from '../validation/text-rules';
import { msg, type MessageKey } from '../../i18n/catalogs';

@ArgsType()
export class IdArgs {
  @Field(() => ID)
  @IsUUID('all', {
    message: 'id must be an id',
    context: { i18n: 'common.id' satisfies MessageKey },
  })
  id: string;
}

@ArgsType()
export class WithdrawArgs extends IdArgs {
  @Field(() => String, { nullable: true, description: 'Why; kept with the record' })
  @IsOptional()
  @IsText(1, 1000)
  reason?: string | null;
}

/**
 * For an `id` argument beside an `input` one (`updateNeed(id, input)`): a whole-arguments
 * class like IdArgs would refuse `input` as an undeclared property, so the id is checked
 * on its own, with the same answer.
 */
export const VALID_ID = new ParseUUIDPipe({
  exceptionFactory: () => InvalidInputError.of('id', msg('common.id', { property: 'id' })),
});
