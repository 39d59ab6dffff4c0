import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/user.entity';
import { NotFoundError } from '../common/errors/domain-errors';
import { NeedsService } from '../needs/needs.service';
import { OffersService } from '../offers/offers.service';
import { TwinningsService } from '../twinnings/twinnings.service';
import { CommentSubject, CommentSubjectKind } from './comment-subject';

/**
 * The subjects of threads, and who may read them: exactly who may read the need, offer or
 * twinning (need.policy.ts's rule, through NeedsService and TwinningsService; every
 * signed-in user reads offers). A subject a reader may not read is answered as one that
 * does not exist, without saying whether the id is a need's, an offer's or a twinning's.
 */
@Injectable()
export class CommentSubjects {
  constructor(
    private readonly needs: NeedsService,
    private readonly offers: OffersService,
    private readonly twinnings: TwinningsService,
  ) {}

  /** The subject with this id, whoever asks; null when no need, offer or twinning has it. */
  async find(id: string): Promise<CommentSubject | null> {
    const [need] = await this.needs.byIds([id]);
    if (need) return { kind: CommentSubjectKind.NEED, id, title: need.title };
    const [offer] = await this.offers.byIds([id]);
    if (offer) return { kind: CommentSubjectKind.OFFER, id, title: offer.title };
    const [twinning] = await this.twinnings.byIds([id]);
    if (!twinning) return null;
    const [itsOffer] = await this.offers.byIds([twinning.offerId]);
    return { kind: CommentSubjectKind.TWINNING, id, title: itsOffer?.title ?? '' };
  }

  /** The subject `reader` may read; NOT_FOUND, as for an id that names nothing, otherwise. */
  async readable(reader: User, id: string): Promise<CommentSubject> {
    const subject = await this.find(id);
    if (!subject || !(await this.mayRead(reader, subject))) throw new NotFoundError('Subject', id);
    return subject;
  }

  /** Whether `reader` may read the subject (and so its thread). */
  async mayRead(reader: User, subject: Pick<CommentSubject, 'kind' | 'id'>): Promise<boolean> {
    switch (subject.kind) {
      case CommentSubjectKind.NEED:
        return (await this.needs.readableIds(reader, [subject.id])).has(subject.id);
      case CommentSubjectKind.TWINNING:
        return (await this.twinnings.readableIds(reader, [subject.id])).has(subject.id);
      case CommentSubjectKind.OFFER:
        return true;
    }
  }
}
