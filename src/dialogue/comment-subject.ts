/**
 * What a comment is on: a need, an offer or a twinning. Clients name the subject by its id
 * alone (`comments(subjectId)`); the kind is the service's, to judge who may read it.
 */
export enum CommentSubjectKind {
  NEED = 'NEED',
  OFFER = 'OFFER',
  TWINNING = 'TWINNING',
}

/** A subject as the dialogue reads it: its kind, its id and what a notice calls it. */
export interface CommentSubject {
  kind: CommentSubjectKind;
  id: string;
  /** A need's or an offer's title; for a twinning, its offer's title. */
  title: string;
}

/** Where the console shows a subject (and its thread). */
export function subjectPath(subject: Pick<CommentSubject, 'kind' | 'id'>): string {
  const place = { NEED: 'needs', OFFER: 'offers', TWINNING: 'twinnings' }[subject.kind];
  return `/${place}/${subject.id}`;
}
