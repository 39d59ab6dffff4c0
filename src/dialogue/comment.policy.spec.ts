import type { User } from '../accounts/user.entity';
import { Role } from '../common/auth/role';
import { assertMayComment, assertMayEdit, editWindowOpen } from './comment.policy';

const HOUR = 60 * 60 * 1000;
const written = new Date('2026-12-07T10:00:00.000Z');
const after = (hours: number) => new Date(written.getTime() + hours * HOUR);
const user = (id: string, role: Role) => ({ id, role }) as User;

describe('comment policy', () => {
  it('lets an author edit up to 24 hours after writing, not a millisecond later', () => {
    expect(editWindowOpen(written, written)).toBe(true);
    expect(editWindowOpen(written, after(24))).toBe(true);
    expect(editWindowOpen(written, new Date(after(24).getTime() + 1))).toBe(false);
  });

  it('refuses another person (FORBIDDEN), then a closed window (CONFLICT)', () => {
    const comment = { authorId: 'a', createdAt: written };
    expect(() =>
      assertMayEdit(user('a', Role.COUNTRY_FOCAL_POINT), comment, after(1)),
    ).not.toThrow();
    expect(() => assertMayEdit(user('b', Role.SECRETARIAT), comment, after(1))).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => assertMayEdit(user('a', Role.COUNTRY_FOCAL_POINT), comment, after(25))).toThrow(
      expect.objectContaining({ code: 'CONFLICT', reason: 'EDIT_WINDOW_CLOSED' }),
    );
  });

  it('lets every role but observers write', () => {
    for (const role of [Role.SECRETARIAT, Role.COUNTRY_FOCAL_POINT, Role.MEMBER_FOCAL_POINT]) {
      expect(() => assertMayComment(user('a', role))).not.toThrow();
    }
    expect(() => assertMayComment(user('a', Role.OBSERVER))).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });
});
