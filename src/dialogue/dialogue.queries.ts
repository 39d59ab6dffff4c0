import { EntityManager, In, Repository } from 'typeorm';
import { User } from '../accounts/user.entity';
import type { PageArgs } from '../common/pagination/connection';
import { keysetPage } from '../common/pagination/keyset-page';
import { Comment } from './comment.entity';

/** A subject's thread, oldest first, a page at a time. */
export function threadPage(comments: Repository<Comment>, subjectId: string, page: PageArgs) {
  const query = comments
    .createQueryBuilder('comment')
    .where('comment.subjectId = :subjectId', { subjectId });
  return keysetPage(query, page, 'oldest');
}

/** The active accounts with these (lower-case) e-mail addresses: who a comment mentions. */
export function activeUsersByEmail(
  manager: EntityManager,
  emails: readonly string[],
): Promise<User[]> {
  if (emails.length === 0) return Promise.resolve([]);
  return manager.find(User, {
    where: { email: In([...emails]), active: true },
    order: { email: 'ASC' },
  });
}
