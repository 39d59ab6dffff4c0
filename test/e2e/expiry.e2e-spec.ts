import { ManualClock } from '../../src/common/clock/clock';
import { ExpiryJobs } from '../../src/expiry/expiry-jobs';
import {
  buildWorld,
  PROPOSE_TWINNING,
  postNeed,
  postOffer,
  RESPOND_TO_TWINNING,
  TWINNING_FIELDS,
  World,
} from '../support/builders';
import { startTestApp, TestApp } from '../support/test-app';

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;

const NEED = `query ($id: ID!) { need(id: $id) { id status expiresAt } }`;
const OFFER = `query ($id: ID!) { offer(id: $id) { id status expiresAt remainingCapacity } }`;
const RENEW_NEED = `mutation ($id: ID!) { renewNeed(id: $id) { id status expiresAt } }`;
const RENEW_OFFER = `mutation ($id: ID!) { renewOffer(id: $id) { id status expiresAt remainingCapacity } }`;
const TWINNING = `query ($id: ID!) { twinning(id: $id) { ${TWINNING_FIELDS} } }`;
const NOTIFICATIONS = `query { myNotifications(first: 100) { edges { node { kind title body link } } } }`;

interface Posting {
  id: string;
  status: string;
  expiresAt: string;
  remainingCapacity?: number;
}

interface NotificationNode {
  kind: string;
  title: string;
  body: string;
  link: string | null;
}

/**
 * Expiry (API.md, "NAP commitments, visibility, expiry, outcomes"), driven by a clock the
 * test moves: postings are valid POSTING_VALIDITY_DAYS from posting or renewal, their
 * owners are told once POSTING_EXPIRY_WARNING_DAYS before, then they become EXPIRED (kept,
 * out of matching, not proposable) until renewed; a proposal some party leaves unanswered
 * for PROPOSAL_EXPIRY_DAYS expires and gives back what it held. No test sleeps.
 */
describe('expiry of postings and proposals', () => {
  let app: TestApp;
  let clock: ManualClock;
  let jobs: ExpiryJobs;
  let world: World;
  let start: Date;

  beforeAll(async () => {
    start = new Date(Math.floor(Date.now() / MINUTE) * MINUTE);
    clock = new ManualClock(start);
    app = await startTestApp({ clock });
    jobs = app.app.get(ExpiryJobs);
    world = await buildWorld(app);
    // Honduras reads Spanish; everyone else in the world reads English.
    await app.ok('mutation { updateMyProfile(input: { locale: ES }) { locale } }', undefined, {
      as: world.honduras,
    });
  });
  afterAll(async () => {
    await app.close();
  });

  /** Moves the clock to `days` after `from` (fractions allowed). */
  function at(from: Date, days: number): Date {
    const moment = new Date(from.getTime() + days * DAY);
    clock.set(moment);
    return moment;
  }

  async function need(id: string): Promise<Posting> {
    return (await app.ok<{ need: Posting }>(NEED, { id }, { as: world.secretariat })).need;
  }

  async function offer(id: string): Promise<Posting> {
    return (await app.ok<{ offer: Posting }>(OFFER, { id }, { as: world.secretariat })).offer;
  }

  async function notices(token: string, kind: string): Promise<NotificationNode[]> {
    const data = await app.ok<{ myNotifications: { edges: { node: NotificationNode }[] } }>(
      NOTIFICATIONS,
      undefined,
      { as: token },
    );
    return data.myNotifications.edges.map((edge) => edge.node).filter((n) => n.kind === kind);
  }

  async function mailsOf(kind: string): Promise<string[]> {
    const rows = await app.sql<{ recipient: string }>(
      `SELECT "recipient" FROM "outbox_mails" WHERE "kind" = :kind`,
      { kind },
    );
    return rows.map((row) => row.recipient).sort();
  }

  it('tells the owners once, 30 days before, and expires each posting at its date, not before', async () => {
    const posted = at(start, 0);
    const needId = await postNeed(app, world.honduras, { title: 'Registro de solicitantes' });
    const offerId = await postOffer(app, world.member, world.organizationId, {
      title: 'Registration systems',
    });
    const expiresAt = new Date(posted.getTime() + 365 * DAY).toISOString();
    expect(await need(needId)).toEqual({ id: needId, status: 'OPEN', expiresAt });
    expect(await offer(offerId)).toMatchObject({ status: 'OPEN', expiresAt });

    // A minute before the warning window: nothing yet.
    at(posted, 335 - 1 / 1440);
    expect(await jobs.postingJob()).toBe(true);
    expect(await notices(world.honduras, 'POSTING_EXPIRING')).toEqual([]);

    // In the window: each owner is told once, however often the job runs.
    at(posted, 335);
    expect(await jobs.postingJob()).toBe(true);
    at(posted, 335 + 1 / 24);
    expect(await jobs.postingJob()).toBe(true);
    at(posted, 340);
    expect(await jobs.postingJob()).toBe(true);
    expect(await notices(world.honduras, 'POSTING_EXPIRING')).toEqual([
      {
        kind: 'POSTING_EXPIRING',
        title: 'Su necesidad vence pronto: Registro de solicitantes',
        body: expect.stringContaining(
          'La necesidad «Registro de solicitantes» (Honduras) es válida hasta el',
        ) as string,
        link: expect.stringMatching(new RegExp(`/needs/${needId}$`)) as string,
      },
    ]);
    expect(await notices(world.member, 'POSTING_EXPIRING')).toEqual([
      {
        kind: 'POSTING_EXPIRING',
        title: 'Your offer expires soon: Registration systems',
        body: expect.stringContaining(
          'The offer “Registration systems” (Immigration and Refugee Board of Canada) stays valid until',
        ) as string,
        link: expect.stringMatching(new RegExp(`/offers/${offerId}$`)) as string,
      },
    ]);
    expect(await notices(world.guatemala, 'POSTING_EXPIRING')).toEqual([]);
    expect(await mailsOf('POSTING_EXPIRING')).toEqual(['focal@hn.test', 'member@irb.test']);

    // A minute before its date it is still OPEN; at its date it is EXPIRED.
    at(posted, 365 - 1 / 1440);
    expect(await jobs.postingJob()).toBe(true);
    expect((await need(needId)).status).toBe('OPEN');
    expect((await offer(offerId)).status).toBe('OPEN');
    at(posted, 365);
    expect(await jobs.postingJob()).toBe(true);
    expect(await need(needId)).toEqual({ id: needId, status: 'EXPIRED', expiresAt });
    expect(await offer(offerId)).toMatchObject({ status: 'EXPIRED', expiresAt });
    expect(await mailsOf('POSTING_EXPIRING')).toEqual(['focal@hn.test', 'member@irb.test']);

    // Kept, listed by its status, out of matching and not proposable.
    const listed = await app.ok<{ needs: { edges: { node: { id: string } }[] } }>(
      'query { needs(filter: { status: EXPIRED }, first: 50) { edges { node { id } } } }',
      undefined,
      { as: world.secretariat },
    );
    expect(listed.needs.edges.map((edge) => edge.node.id)).toContain(needId);
    const live = await postOffer(app, world.member, world.organizationId, {
      title: 'Registration systems, second round',
    });
    const suggested = await app.ok<{ suggestedNeeds: { need: { id: string } }[] }>(
      'query ($offerId: ID!) { suggestedNeeds(offerId: $offerId, first: 100) { need { id } } }',
      { offerId: live },
      { as: world.secretariat },
    );
    expect(suggested.suggestedNeeds.map((pair) => pair.need.id)).not.toContain(needId);
    const toExpiredNeed = await app.gql(
      PROPOSE_TWINNING,
      { input: { offerId: live, needIds: [needId] } },
      { as: world.member },
    );
    expect(toExpiredNeed.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'NEED_NOT_OPEN',
    });
    const fresh = await postNeed(app, world.honduras, { title: 'Another need' });
    const toExpiredOffer = await app.gql(
      PROPOSE_TWINNING,
      { input: { offerId, needIds: [fresh] } },
      { as: world.honduras },
    );
    expect(toExpiredOffer.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'OFFER_NOT_OPEN',
    });
  });

  it('renews a posting for its owners or the secretariat only, from now, and warns again before the new date', async () => {
    const posted = at(start, 1000);
    const needId = await postNeed(app, world.honduras, { title: 'Renewable need' });
    const offerId = await postOffer(app, world.member, world.organizationId, {
      title: 'Renewable offer',
    });
    at(posted, 365);
    await jobs.postingJob();
    expect((await need(needId)).status).toBe('EXPIRED');

    // Others may not renew it.
    for (const [token, id, mutation] of [
      [world.guatemala, needId, RENEW_NEED],
      [world.member, needId, RENEW_NEED],
      [world.observer, needId, RENEW_NEED],
      [world.otherMember, offerId, RENEW_OFFER],
      [world.honduras, offerId, RENEW_OFFER],
    ] as const) {
      const refused = await app.gql(mutation, { id }, { as: token });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await need(needId)).status).toBe('EXPIRED');

    const renewedAt = at(posted, 400);
    const renewed = await app.ok<{ renewNeed: Posting }>(
      RENEW_NEED,
      { id: needId },
      { as: world.honduras },
    );
    const newDate = new Date(renewedAt.getTime() + 365 * DAY).toISOString();
    expect(renewed.renewNeed).toEqual({ id: needId, status: 'OPEN', expiresAt: newDate });
    // An offer still OPEN may be renewed too (at any time); the secretariat may renew any.
    const offerRenewed = await app.ok<{ renewOffer: Posting }>(
      RENEW_OFFER,
      { id: offerId },
      { as: world.secretariat },
    );
    expect(offerRenewed.renewOffer).toEqual({
      id: offerId,
      status: 'OPEN',
      expiresAt: newDate,
      remainingCapacity: 5,
    });

    // Renewals are audited like every mutation, refused ones too (newest first).
    const audit = await app.ok<{
      auditLog: { edges: { node: { email: string; outcome: string } }[] };
    }>(
      'query ($filter: AuditFilter) { auditLog(filter: $filter, first: 10) { edges { node { email outcome } } } }',
      { filter: { targetId: needId, operation: 'renewNeed' } },
      { as: world.secretariat },
    );
    expect(audit.auditLog.edges.map(({ node }) => [node.email, node.outcome])).toEqual([
      ['focal@hn.test', 'OK'],
      ['observer@oas.test', 'FORBIDDEN'],
      ['member@irb.test', 'FORBIDDEN'],
      ['focal@gt.test', 'FORBIDDEN'],
    ]);

    // The new validity brings a new warning in its own window, once.
    const before = (await notices(world.honduras, 'POSTING_EXPIRING')).length;
    at(renewedAt, 334);
    await jobs.postingJob();
    expect((await notices(world.honduras, 'POSTING_EXPIRING')).length).toBe(before);
    at(renewedAt, 336);
    await jobs.postingJob();
    await jobs.postingJob();
    expect((await notices(world.honduras, 'POSTING_EXPIRING')).length).toBe(before + 1);

    // A withdrawn need is closed for good.
    const withdrawn = await postNeed(app, world.honduras, { title: 'Withdrawn need' });
    await app.ok(
      'mutation ($id: ID!) { withdrawNeed(id: $id) { id } }',
      { id: withdrawn },
      {
        as: world.honduras,
      },
    );
    const refused = await app.gql(RENEW_NEED, { id: withdrawn }, { as: world.honduras });
    expect(refused.errors?.[0].message).toBe('La necesidad está WITHDRAWN: no puede renovarse');
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
    });
  });

  it('keeps a need in a twinning past its date: only OPEN postings expire', async () => {
    const posted = at(start, 2000);
    const offerId = await postOffer(app, world.member, world.organizationId, {
      title: 'Long twinning',
    });
    const needId = await postNeed(app, world.honduras, { title: 'Long need' });
    const twinning = await app.ok<{ proposeTwinning: { id: string } }>(
      PROPOSE_TWINNING,
      { input: { offerId, needIds: [needId] } },
      { as: world.member },
    );
    await app.ok(
      RESPOND_TO_TWINNING,
      { id: twinning.proposeTwinning.id, accept: true },
      { as: world.honduras },
    );
    at(posted, 400);
    await jobs.postingJob();
    expect((await need(needId)).status).toBe('IN_TWINNING');
    // The offer expires all the same: it takes no new twinning; this one keeps its place.
    expect(await offer(offerId)).toMatchObject({ status: 'EXPIRED', remainingCapacity: 4 });
    const data = await app.ok<{ twinning: { status: string } }>(
      TWINNING,
      { id: twinning.proposeTwinning.id },
      { as: world.secretariat },
    );
    expect(data.twinning.status).toBe('ACCEPTED');
  });

  it('expires a proposal left unanswered for 30 days: needs OPEN again, capacity released, history and parties told', async () => {
    const proposedAt = at(start, 3000);
    const offerId = await postOffer(app, world.member, world.organizationId, {
      title: 'Case management',
      capacity: 2,
    });
    const hn = await postNeed(app, world.honduras, { title: 'Gestión de casos' });
    const gt = await postNeed(app, world.guatemala, { countryCode: 'GT', title: 'Case files' });
    // The secretariat's proposal holds every side at once.
    const proposal = await app.ok<{ proposeTwinning: { id: string } }>(
      PROPOSE_TWINNING,
      { input: { offerId, needIds: [hn, gt] } },
      { as: world.secretariat },
    );
    const id = proposal.proposeTwinning.id;
    await app.ok(RESPOND_TO_TWINNING, { id, accept: true }, { as: world.guatemala });
    expect(await offer(offerId)).toMatchObject({ status: 'FULL', remainingCapacity: 0 });

    at(proposedAt, 30 - 1 / 1440);
    expect(await jobs.proposalJob()).toBe(true);
    const waiting = await app.ok<{ twinning: { status: string } }>(
      TWINNING,
      { id },
      {
        as: world.secretariat,
      },
    );
    expect(waiting.twinning.status).toBe('PROPOSED');

    const expiredAt = at(proposedAt, 30);
    expect(await jobs.proposalJob()).toBe(true);
    expect(await jobs.proposalJob()).toBe(true);
    const { twinning } = await app.ok<{
      twinning: {
        status: string;
        needs: { id: string; status: string }[];
        offer: { status: string; remainingCapacity: number };
        history: { from: string | null; to: string; by: { email: string }; at: string }[];
      };
    }>(TWINNING, { id }, { as: world.secretariat });
    expect(twinning.status).toBe('EXPIRED');
    expect(twinning.needs.map((n) => n.status)).toEqual(['OPEN', 'OPEN']);
    expect(twinning.offer).toEqual({
      id: offerId,
      status: 'OPEN',
      capacity: 2,
      remainingCapacity: 2,
    });
    expect(twinning.history.map(({ from, to }) => [from, to])).toEqual([
      [null, 'PROPOSED'],
      ['PROPOSED', 'EXPIRED'],
    ]);
    expect(twinning.history[1]).toMatchObject({
      by: { email: 'secretariat@mirps.test' },
      at: expiredAt.toISOString(),
    });

    // Every party is told once, in its language; the proposer (not a party) is not.
    const [toHonduras] = await notices(world.honduras, 'TWINNING_EXPIRED');
    expect(toHonduras.title).toBe('Propuesta de hermanamiento vencida: Case management');
    expect(toHonduras.body).toContain('no todas las partes respondieron en 30 días');
    expect((await notices(world.guatemala, 'TWINNING_EXPIRED')).map((n) => n.title)).toEqual([
      'Twinning proposal expired: Case management',
    ]);
    expect(await notices(world.member, 'TWINNING_EXPIRED')).toHaveLength(1);
    expect(await notices(world.secretariat, 'TWINNING_EXPIRED')).toEqual([]);
    expect(await mailsOf('TWINNING_EXPIRED')).toEqual([
      'focal@gt.test',
      'focal@hn.test',
      'member@irb.test',
    ]);

    // It is final: a late answer is refused.
    const late = await app.gql(RESPOND_TO_TWINNING, { id, accept: true }, { as: world.honduras });
    expect(late.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
    });
  });

  it('releases only what a party proposal held, and leaves answered twinnings alone', async () => {
    const proposedAt = at(start, 4000);
    const offerId = await postOffer(app, world.member, world.organizationId, {
      title: 'Peer exchange',
      capacity: 3,
    });
    const pending = await postNeed(app, world.honduras, { title: 'Pending need' });
    const answered = await postNeed(app, world.honduras, { title: 'Answered need' });
    // The member proposes: its capacity is held, Honduras's need stays OPEN until it answers.
    const unanswered = await app.ok<{ proposeTwinning: { id: string } }>(
      PROPOSE_TWINNING,
      { input: { offerId, needIds: [pending] } },
      { as: world.member },
    );
    const accepted = await app.ok<{ proposeTwinning: { id: string } }>(
      PROPOSE_TWINNING,
      { input: { offerId, needIds: [answered] } },
      { as: world.member },
    );
    await app.ok(
      RESPOND_TO_TWINNING,
      { id: accepted.proposeTwinning.id, accept: true },
      { as: world.honduras },
    );
    expect((await offer(offerId)).remainingCapacity).toBe(1);

    at(proposedAt, 45);
    await jobs.proposalJob();
    const statusOf = async (id: string) =>
      (
        await app.ok<{ twinning: { status: string } }>(
          TWINNING,
          { id },
          {
            as: world.secretariat,
          },
        )
      ).twinning.status;
    expect(await statusOf(unanswered.proposeTwinning.id)).toBe('EXPIRED');
    expect(await statusOf(accepted.proposeTwinning.id)).toBe('ACCEPTED');
    expect((await need(pending)).status).toBe('OPEN');
    expect((await need(answered)).status).toBe('IN_TWINNING');
    expect((await offer(offerId)).remainingCapacity).toBe(2);
  });
});
