import { randomUUID } from 'node:crypto';
import { ManualClock } from '../../src/common/clock/clock';
import {
  aConfirmedTwinning,
  buildWorld,
  createUser,
  postNeed,
  postOffer,
  World,
} from '../support/builders';
import { startTestApp, TestApp } from '../support/test-app';
import { connect, listenForWebSocket, LiveClient, untilListening } from '../support/ws-client';

const COMMENT_FIELDS =
  'id body createdAt editedAt author { id role country { code } organization { id } }';
const COMMENTS = `query ($subjectId: ID!, $first: Int, $after: String) {
  comments(subjectId: $subjectId, first: $first, after: $after) {
    totalCount
    edges { cursor node { ${COMMENT_FIELDS} } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const ADD = `mutation ($subjectId: ID!, $body: String!) { addComment(subjectId: $subjectId, body: $body) { ${COMMENT_FIELDS} } }`;
const EDIT = `mutation ($id: ID!, $body: String!) { editComment(id: $id, body: $body) { ${COMMENT_FIELDS} } }`;
const MY_NOTIFICATIONS = `{ myNotifications(first: 100) { edges { node { kind title body link } } } }`;
const AUDIT_LOG = `query ($filter: AuditFilter) {
  auditLog(filter: $filter, first: 100) { edges { node { operation email targetIds outcome } } }
}`;
const MUTE = `mutation ($kinds: [NotificationKind!]!) { updateEmailPreferences(mutedEmailKinds: $kinds) { mutedEmailKinds } }`;

const MINUTE_IN_DAYS = 1 / (24 * 60);

interface CommentNode {
  id: string;
  body: string;
  createdAt: string;
  editedAt: string | null;
  author: { id: string; role: string };
}
interface Notice {
  kind: string;
  title: string;
  body: string;
  link: string | null;
}

/**
 * Comment threads on needs, offers and twinnings (API.md Part 2, "dialogue"): read and
 * written by whoever may read the subject (restricted needs and the twinnings that include
 * them: their readers only, NOT_FOUND for the others, as `need(id)` answers); edited by
 * the author within 24 hours (ManualClock); `@e-mail` mentions notify those who may read
 * the subject, in their language; every add and edit in the audit trail.
 */
describe('dialogue: comment threads', () => {
  let app: TestApp;
  let world: World;
  let clock: ManualClock;
  /** Another focal point of Honduras, who reads Spanish. */
  let hondurasColleague: string;

  beforeAll(async () => {
    clock = new ManualClock(new Date());
    app = await startTestApp({ clock });
    world = await buildWorld(app);
    await createUser(app, world.secretariat, {
      email: 'colleague@hn.test',
      role: 'COUNTRY_FOCAL_POINT',
      countryCode: 'HN',
      locale: 'ES',
    });
    hondurasColleague = await app.login('colleague@hn.test');
  });

  afterAll(() => app.close());

  const clients: LiveClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
    await untilListening(app.app, 0);
  });

  async function add(token: string, subjectId: string, body: string): Promise<CommentNode> {
    // A minute apart, so that "oldest first" is the order they were written in.
    clock.advanceDays(MINUTE_IN_DAYS);
    const data = await app.ok<{ addComment: CommentNode }>(ADD, { subjectId, body }, { as: token });
    return data.addComment;
  }

  async function thread(token: string, subjectId: string, page: Record<string, unknown> = {}) {
    const data = await app.ok<{
      comments: {
        totalCount: number;
        edges: { cursor: string; node: CommentNode }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    }>(COMMENTS, { subjectId, ...page }, { as: token });
    return data.comments;
  }

  async function notificationsOf(token: string): Promise<Notice[]> {
    const data = await app.ok<{ myNotifications: { edges: { node: Notice }[] } }>(
      MY_NOTIFICATIONS,
      {},
      { as: token },
    );
    return data.myNotifications.edges.map((edge) => edge.node);
  }

  async function mentionMailsTo(recipient: string) {
    return app.sql<{ subject: string; text: string }>(
      `SELECT "subject", "text" FROM "outbox_mails" WHERE "kind" = 'MENTIONED' AND "recipient" = :recipient ORDER BY "createdAt"`,
      { recipient },
    );
  }

  async function idOf(token: string): Promise<string> {
    const data = await app.ok<{ me: { id: string } }>('{ me { id } }', {}, { as: token });
    return data.me.id;
  }

  describe('a thread', () => {
    it('on a need: oldest first, each comment with its author, a page at a time', async () => {
      const needId = await postNeed(app, world.honduras, { countryCode: 'HN' });
      const first = await add(
        world.honduras,
        needId,
        '  We need trainers for the eligibility unit.  ',
      );
      const second = await add(world.member, needId, 'The IRB could send two in March.');
      const third = await add(world.secretariat, needId, 'Please propose a twinning.');

      const page = await thread(world.guatemala, needId, { first: 2 });
      expect(page.totalCount).toBe(3);
      expect(page.edges.map((edge) => edge.node)).toEqual([
        {
          id: first.id,
          body: 'We need trainers for the eligibility unit.',
          createdAt: first.createdAt,
          editedAt: null,
          author: {
            id: await idOf(world.honduras),
            role: 'COUNTRY_FOCAL_POINT',
            country: { code: 'HN' },
            organization: null,
          },
        },
        {
          id: second.id,
          body: 'The IRB could send two in March.',
          createdAt: second.createdAt,
          editedAt: null,
          author: {
            id: await idOf(world.member),
            role: 'MEMBER_FOCAL_POINT',
            country: null,
            organization: { id: world.organizationId },
          },
        },
      ]);
      expect(new Date(first.createdAt).getTime()).toBeLessThan(
        new Date(second.createdAt).getTime(),
      );
      expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: page.edges[1].cursor });

      const rest = await thread(world.guatemala, needId, {
        first: 2,
        after: page.pageInfo.endCursor,
      });
      expect(rest.edges.map((edge) => edge.node.id)).toEqual([third.id]);
      expect(rest.pageInfo.hasNextPage).toBe(false);
    });

    it('on an offer and on a twinning: read and written by every focal point who sees them', async () => {
      const offerId = await postOffer(app, world.member, world.organizationId);
      await add(world.guatemala, offerId, 'Is the offer open to Guatemala?');
      await add(world.member, offerId, 'Yes, from January.');
      expect((await thread(world.observer, offerId)).edges.map((edge) => edge.node.body)).toEqual([
        'Is the offer open to Guatemala?',
        'Yes, from January.',
      ]);

      const twinningId = await aConfirmedTwinning(app, world);
      await add(world.honduras, twinningId, 'First workshop on 2 March?');
      await add(world.otherMember, twinningId, 'The World Bank can host it.');
      expect(
        (await thread(world.guatemala, twinningId)).edges.map((edge) => edge.node.body),
      ).toEqual(['First workshop on 2 March?', 'The World Bank can host it.']);
    });

    it('answers NOT_FOUND, as for an id that names nothing, to whoever may not read a restricted need', async () => {
      const needId = await postNeed(app, world.honduras, { visibility: 'RESTRICTED' });
      await add(world.honduras, needId, 'Only for us and the secretariat.');
      await add(world.secretariat, needId, 'Noted.');
      expect((await thread(world.secretariat, needId)).totalCount).toBe(2);

      const nothing = randomUUID();
      const missing = await app.fails(COMMENTS, { subjectId: nothing }, { as: world.guatemala });
      expect(missing.extensions.code).toBe('NOT_FOUND');
      expect(missing.message).toBe(`Need, offer or twinning ${nothing} was not found`);
      for (const token of [world.guatemala, world.member, world.otherMember, world.observer]) {
        const read = await app.fails(COMMENTS, { subjectId: needId }, { as: token });
        expect([read.extensions.code, read.message]).toEqual([
          'NOT_FOUND',
          `Need, offer or twinning ${needId} was not found`,
        ]);
        const written = await app.fails(ADD, { subjectId: needId, body: 'Hello?' }, { as: token });
        expect(written.extensions.code).toBe('NOT_FOUND');
      }
      const rows = await app.sql(`SELECT "body" FROM "comments" WHERE "subjectId" = :needId`, {
        needId,
      });
      expect(rows).toHaveLength(2);
    });

    it("keeps a twinning that includes a restricted need to its parties' and the secretariat's eyes", async () => {
      // Proposed by Honduras (a member cannot name a need it may not read): the IRB is a party.
      const needId = await postNeed(app, world.honduras, { visibility: 'RESTRICTED' });
      const offerId = await postOffer(app, world.member, world.organizationId);
      const proposed = await app.ok<{ proposeTwinning: { id: string } }>(
        'mutation ($input: ProposeTwinningInput!) { proposeTwinning(input: $input) { id } }',
        { input: { offerId, needIds: [needId] } },
        { as: world.honduras },
      );
      const twinningId = proposed.proposeTwinning.id;
      await add(world.member, twinningId, 'Schedule attached.');
      expect((await thread(world.honduras, twinningId)).totalCount).toBe(1);
      expect((await thread(world.secretariat, twinningId)).totalCount).toBe(1);
      for (const token of [world.guatemala, world.otherMember, world.observer]) {
        const refused = await app.fails(COMMENTS, { subjectId: twinningId }, { as: token });
        expect(refused.extensions.code).toBe('NOT_FOUND');
      }
    });

    it('is read by observers, who do not write (FORBIDDEN)', async () => {
      const needId = await postNeed(app, world.honduras);
      const refused = await app.fails(
        ADD,
        { subjectId: needId, body: 'Hi' },
        { as: world.observer },
      );
      expect(refused.extensions.code).toBe('FORBIDDEN');
      expect((await thread(world.observer, needId)).totalCount).toBe(0);
    });
  });

  describe('bad input', () => {
    it("names the field, in the reader's language, and writes nothing", async () => {
      const needId = await postNeed(app, world.honduras);
      const before = await app.rowCount('comments');
      const blank = await app.fails(
        ADD,
        { subjectId: needId, body: ' \n ' },
        { as: world.honduras },
      );
      expect(blank.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'body', message: 'body must not be blank' }],
      });
      const enBlanco = await app.fails(
        ADD,
        { subjectId: needId, body: '   ' },
        { as: hondurasColleague },
      );
      expect(enBlanco.extensions.fields).toEqual([
        { field: 'body', message: 'body no puede estar en blanco' },
      ]);
      const tooLong = await app.fails(
        ADD,
        { subjectId: needId, body: 'x'.repeat(4001) },
        { as: world.honduras },
      );
      expect(tooLong.extensions.fields).toEqual([
        { field: 'body', message: 'body must be shorter than or equal to 4000 characters' },
      ]);
      const notAnId = await app.fails(
        ADD,
        { subjectId: 'need-1', body: 'Hi' },
        { as: world.honduras },
      );
      expect(notAnId.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'subjectId', message: 'subjectId must be an id' }],
      });
      expect(await app.rowCount('comments')).toBe(before);
    });
  });

  describe('editing', () => {
    it('is for the author within 24 hours; editedAt says when; then CONFLICT', async () => {
      const needId = await postNeed(app, world.honduras);
      const comment = await add(world.honduras, needId, 'Trainers needed in Febuary.');
      clock.advanceDays(23.9 / 24);
      const editedAt = clock.now().toISOString();
      const edited = await app.ok<{ editComment: CommentNode }>(
        EDIT,
        { id: comment.id, body: 'Trainers needed in February.' },
        { as: world.honduras },
      );
      expect(edited.editComment).toMatchObject({
        id: comment.id,
        body: 'Trainers needed in February.',
        createdAt: comment.createdAt,
        editedAt,
      });
      expect((await thread(world.guatemala, needId)).edges[0].node).toMatchObject({
        body: 'Trainers needed in February.',
        editedAt,
      });

      for (const token of [world.secretariat, world.member, hondurasColleague]) {
        const refused = await app.fails(EDIT, { id: comment.id, body: 'Mine now' }, { as: token });
        expect(refused.extensions.code).toBe('FORBIDDEN');
      }

      const mayEdit = async (token: string) => {
        const data = await app.ok<{ comments: { edges: { node: { mayEdit: boolean } }[] } }>(
          'query ($id: ID!) { comments(subjectId: $id) { edges { node { mayEdit } } } }',
          { id: needId },
          { as: token },
        );
        return data.comments.edges.map((edge) => edge.node.mayEdit);
      };
      expect(await mayEdit(world.honduras)).toEqual([true]);
      expect(await mayEdit(hondurasColleague)).toEqual([false]);

      clock.advanceDays(0.2 / 24);
      expect(await mayEdit(world.honduras)).toEqual([false]);
      const late = await app.fails(
        EDIT,
        { id: comment.id, body: 'Too late' },
        { as: world.honduras },
      );
      expect(late.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EDIT_WINDOW_CLOSED' });
      expect(late.message).toBe(
        'A comment can be edited within 24 hours of writing it, and this one is older. Write a new comment instead.',
      );
      expect(
        await app.sql(`SELECT "body" FROM "comments" WHERE "id" = :id`, { id: comment.id }),
      ).toEqual([{ body: 'Trainers needed in February.' }]);
    });

    it('answers NOT_FOUND to whoever may not read the subject, and for an unknown comment', async () => {
      const needId = await postNeed(app, world.honduras, { visibility: 'RESTRICTED' });
      const comment = await add(world.honduras, needId, 'Private.');
      const hidden = await app.fails(EDIT, { id: comment.id, body: 'x' }, { as: world.guatemala });
      expect(hidden.extensions.code).toBe('NOT_FOUND');
      const unknown = await app.fails(
        EDIT,
        { id: randomUUID(), body: 'x' },
        { as: world.honduras },
      );
      expect(unknown.extensions.code).toBe('NOT_FOUND');
    });
  });

  describe('mentions', () => {
    it('notify those mentioned who may read the subject, in their language, once; nobody else', async () => {
      await app.ok('mutation { updateMyProfile(input: { locale: ES }) { locale } }', undefined, {
        as: world.guatemala,
      });
      const offerId = await postOffer(app, world.member, world.organizationId, {
        title: 'Eligibility coaching',
      });
      await add(
        world.member,
        offerId,
        'Could @focal@gt.test and @FOCAL@hn.test tell us their dates? (@member@irb.test, @nobody@hn.test)',
      );
      const [guatemala] = await notificationsOf(world.guatemala);
      expect(guatemala).toEqual({
        kind: 'MENTIONED',
        title: 'Lo mencionaron en un comentario sobre la oferta «Eligibility coaching»',
        body: 'un punto focal de Immigration and Refugee Board of Canada escribió: «Could @focal@gt.test and @FOCAL@hn.test tell us their dates? (@member@irb.test, @nobody@hn.test)»',
        link: expect.stringMatching(new RegExp(`/offers/${offerId}$`)),
      });
      const [honduras] = await notificationsOf(world.honduras);
      expect(honduras.title).toBe(
        'You were mentioned in a comment on the offer “Eligibility coaching”',
      );
      // The author is not told of their own mention.
      expect((await notificationsOf(world.member)).filter((n) => n.kind === 'MENTIONED')).toEqual(
        [],
      );

      const [mail] = await mentionMailsTo('focal@gt.test');
      expect(mail.subject).toBe(
        'Lo mencionaron en un comentario sobre la oferta «Eligibility coaching»',
      );
      expect(mail.text).toContain('Ver los comentarios');
      expect(mail.text).toContain(`/offers/${offerId}`);
    });

    it('of someone who may not read a restricted need tell them nothing', async () => {
      const needId = await postNeed(app, world.honduras, {
        visibility: 'RESTRICTED',
        title: 'Confidential reception plan',
      });
      const otherMemberBefore = (await notificationsOf(world.otherMember)).length;
      const secretariatBefore = (await notificationsOf(world.secretariat)).length;
      const comment = await add(
        world.honduras,
        needId,
        '@member@worldbank.test and @secretariat@mirps.test, please look.',
      );
      expect(await notificationsOf(world.otherMember)).toHaveLength(otherMemberBefore);
      expect(await mentionMailsTo('member@worldbank.test')).toEqual([]);
      const secretariat = await notificationsOf(world.secretariat);
      expect(secretariat).toHaveLength(secretariatBefore + 1);
      expect(secretariat[0].title).toBe(
        'You were mentioned in a comment on the need “Confidential reception plan”',
      );

      // An edit tells only those it newly mentions: no one again.
      await app.ok(
        EDIT,
        { id: comment.id, body: `${'@secretariat@mirps.test'} please look.` },
        {
          as: world.honduras,
        },
      );
      expect(await notificationsOf(world.secretariat)).toHaveLength(secretariatBefore + 1);
    });

    it('on an edit, notify the newly mentioned; a muted kind is not e-mailed', async () => {
      await app.ok(MUTE, { kinds: ['MENTIONED'] }, { as: world.otherMember });
      const twinningId = await aConfirmedTwinning(app, world);
      const comment = await add(world.honduras, twinningId, 'Agenda draft attached.');
      const before = (await notificationsOf(world.otherMember)).length;
      await app.ok(
        EDIT,
        { id: comment.id, body: 'Agenda draft attached. @member@worldbank.test can you host?' },
        { as: world.honduras },
      );
      const notices = await notificationsOf(world.otherMember);
      expect(notices).toHaveLength(before + 1);
      expect(notices[0]).toMatchObject({
        kind: 'MENTIONED',
        title: expect.stringMatching(
          /^You were mentioned in a comment on the twinning of the offer/,
        ),
        body: 'a focal point of Honduras wrote: “Agenda draft attached. @member@worldbank.test can you host?”',
      });
      expect(await mentionMailsTo('member@worldbank.test')).toEqual([]);
    });
  });

  describe('live: commentAdded(subjectId)', () => {
    const COMMENT_ADDED = `subscription ($subjectId: ID!) {
      commentAdded(subjectId: $subjectId) { body author { role } }
    }`;
    let url = '';

    async function signedIn(token: string): Promise<LiveClient> {
      url ||= await listenForWebSocket(app.app);
      const client = connect(url, `Bearer ${token}`);
      clients.push(client);
      expect(await client.connected).toBe('connected');
      return client;
    }

    it("delivers the comments added to that subject's thread, and only those", async () => {
      const needId = await postNeed(app, world.honduras);
      const otherNeedId = await postNeed(app, world.honduras);
      const client = await signedIn(world.guatemala);
      const live = client.subscribe(COMMENT_ADDED, { subjectId: needId });
      await untilListening(app.app, 1);
      await add(world.member, otherNeedId, 'Elsewhere.');
      await add(world.member, needId, 'Here.');
      expect(await live.next()).toEqual({
        data: { commentAdded: { body: 'Here.', author: { role: 'MEMBER_FOCAL_POINT' } } },
      });
    });

    it('refuses the thread of a restricted need to whoever may not read it: NOT_FOUND', async () => {
      const needId = await postNeed(app, world.honduras, { visibility: 'RESTRICTED' });
      const client = await signedIn(world.guatemala);
      const refused = client.subscribe(COMMENT_ADDED, { subjectId: needId });
      expect(await refused.ended).toEqual([
        {
          message: `Need, offer or twinning ${needId} was not found`,
          extensions: { code: 'NOT_FOUND' },
        },
      ]);
      expect(refused.results).toEqual([]);
    });
  });

  it('records every comment, added and edited, in the audit trail', async () => {
    const needId = await postNeed(app, world.honduras);
    const comment = await add(world.member, needId, 'A question.');
    await app.ok(EDIT, { id: comment.id, body: 'A better question.' }, { as: world.member });
    const data = await app.ok<{
      auditLog: {
        edges: {
          node: { operation: string; email: string; targetIds: string[]; outcome: string };
        }[];
      };
    }>(AUDIT_LOG, { filter: { targetId: comment.id } }, { as: world.secretariat });
    expect(data.auditLog.edges.map((edge) => edge.node)).toEqual([
      {
        operation: 'editComment',
        email: 'member@irb.test',
        targetIds: [comment.id],
        outcome: 'OK',
      },
      {
        operation: 'addComment',
        email: 'member@irb.test',
        targetIds: [needId, comment.id],
        outcome: 'OK',
      },
    ]);
  });
});
