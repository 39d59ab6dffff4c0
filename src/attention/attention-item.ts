import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/scalars/date-time.scalar';
import { AttentionKind, AttentionLevel } from './attention-kind';

@ObjectType({
  description:
    'Something waiting for someone to act: its kind, how late (AMBER or RED), since when and ' +
    'for how many days, and what it is about (a need, an offer or a twinning)',
})
export class AttentionItem {
  @Field(() => AttentionKind)
  kind: AttentionKind;

  @Field(() => AttentionLevel)
  level: AttentionLevel;

  @Field(() => DateTimeScalar, {
    description:
      'Since when it waits (POSTING_EXPIRING: since its warning began, a month before expiry by default)',
  })
  since: Date;

  @Field(() => Int, { description: 'Whole days since `since`' })
  days: number;

  needId?: string;
  offerId?: string;
  twinningId?: string;
}
