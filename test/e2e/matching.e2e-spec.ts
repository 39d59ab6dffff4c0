import { aNeed, anOffer, buildWorld, PROPOSE_TWINNING, World } from '../support/builders';
import { startTestApp, TestApp } from '../support/test-app';

const SUGGESTED_OFFERS = `query ($needId: ID!, $first: Int) {
  suggestedOffers(needId: $needId, first: $first) {
    score need { id } offer { id title } reasons { factor weight score detail }
  }
}`;

const SUGGESTED_NEEDS = `query ($offerId: ID!, $first: Int) {
  suggestedNeeds(offerId: $offerId, first: $first) { score need { id } offer { id } }
}`;

const PLAN = `query ($group: String) {
  matchingPlan(workingGroupCode: $group) {
    totalScore
    assignments { score need { id } offer { id } }
    unmatchedNeeds { id }
  }
}`;

describe('matching', () => {
  let app: TestApp;
  let world: World;

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildWorld(app);
  });

  afterAll(() => app.close());

  async function need(token: string, overrides: Record<string, unknown>): Promise<string> {
    const data = await app.ok(
      'mutation ($input: CreateNeedInput!) { createNeed(input: $input) { id } }',
      { input: aNeed(overrides) },
      { as: token },
    );
    return data.createNeed.id;
  }

  async function offer(overrides: Record<string, unknown>, organizationId = world.organizationId) {
    const data = await app.ok(
      'mutation ($input: CreateOfferInput!) { createOffer(input: $input) { id } }',
      { input: anOffer(organizationId, overrides) },
      { as: world.secretariat },
    );
    return data.createOffer.id as string;
  }

  async function suggestions(needId: string, as = world.honduras) {
    const data = await app.ok(SUGGESTED_OFFERS, { needId, first: 100 }, { as });
    return data.suggestedOffers as { score: number; offer: { id: string }; reasons: any[] }[];
  }

  describe('suggestions for a need', () => {
    let needId: string;
    let onTopic: string;
    let offTopic: string;
    let excludesHonduras: string;
    let noSpanish: string;

    beforeAll(async () => {
      const group = 'INTERNAL_DISPLACEMENT';
      needId = await need(world.honduras, {
        workingGroupCode: group,
        title: 'Capacitación en atención a personas desplazadas internamente',
        description:
          'Formar a funcionarios municipales en la atención y el registro de personas desplazadas por la violencia.',
        modalities: ['TRAINING'],
        languages: ['es'],
      });
      onTopic = await offer({
        workingGroupCodes: [group],
        title: 'Training on assistance to internally displaced people',
        description:
          'Training municipal officials on assistance and registration of people displaced by violence.',
        modalities: ['TRAINING'],
        languages: ['es', 'en'],
        eligibleCountryCodes: [],
      });
      offTopic = await offer({
        workingGroupCodes: [group],
        title: 'Donation of office furniture',
        description: 'Chairs and desks for public buildings.',
        modalities: ['MATERIAL'],
        languages: ['es'],
        eligibleCountryCodes: [],
      });
      excludesHonduras = await offer({
        workingGroupCodes: [group],
        title: 'Training on assistance to internally displaced people',
        description:
          'Training municipal officials on assistance and registration of displaced people.',
        languages: ['es'],
        eligibleCountryCodes: ['GT', 'SV'],
      });
      noSpanish = await offer({
        workingGroupCodes: [group],
        title: 'Training on assistance to internally displaced people',
        description:
          'Training municipal officials on assistance and registration of displaced people.',
        languages: ['en', 'fr'],
        eligibleCountryCodes: [],
      });
    });

    it('ranks the on-topic offer in the need’s language first, above the off-topic one', async () => {
      const ranked = await suggestions(needId);
      expect(ranked.map((pair) => pair.offer.id)).toEqual([onTopic, offTopic]);
      expect(ranked[0].score).toBeGreaterThan(ranked[1].score + 0.2);
    });

    it('never shows an offer that excludes the need’s country, nor one without a shared language', async () => {
      const ids = (await suggestions(needId)).map((pair) => pair.offer.id);
      expect(ids).not.toContain(excludesHonduras);
      expect(ids).not.toContain(noSpanish);
    });

    it('explains every factor, with weights summing to 1 and the score as their weighted sum', async () => {
      const [best] = await suggestions(needId);
      expect(best.reasons.map((reason) => reason.factor)).toEqual([
        'TOPIC',
        'MODALITY',
        'LANGUAGE',
        'TIMING',
        'ELIGIBILITY',
        'TEXT',
        'CAPACITY',
        'TRACK_RECORD',
      ]);
      const weights = best.reasons.reduce((sum, reason) => sum + reason.weight, 0);
      expect(weights).toBeCloseTo(1, 6);
      const weighted = best.reasons.reduce((sum, r) => sum + r.weight * r.score, 0);
      expect(best.score).toBeCloseTo(weighted, 5);
      expect(best.reasons[2]).toEqual({
        factor: 'LANGUAGE',
        weight: 0.15,
        score: 1,
        detail: 'speaks Spanish',
      });
      expect(best.reasons[1].detail).toBe('offers training, the need asks training');
      expect(best.reasons[5].detail).toMatch(/^shared terms: .*desplazad/);
      // No twinning of the organization has been rated yet: neutral.
      expect(best.reasons[7]).toEqual({
        factor: 'TRACK_RECORD',
        weight: 0.05,
        score: 0.5,
        detail: 'no twinning of its organization rated by the countries yet: neutral',
      });
      for (const reason of best.reasons) {
        expect(reason.score).toBeGreaterThanOrEqual(0);
        expect(reason.score).toBeLessThanOrEqual(1);
      }
    });

    it('gives the same pair the same score from the offer’s side', async () => {
      const [best] = await suggestions(needId);
      const data = await app.ok(
        SUGGESTED_NEEDS,
        { offerId: onTopic, first: 100 },
        { as: world.member },
      );
      const pair = data.suggestedNeeds.find((p: any) => p.need.id === needId);
      expect(pair).toEqual({ score: best.score, need: { id: needId }, offer: { id: onTopic } });
    });

    it('follows changes at once: a withdrawn offer is no longer suggested', async () => {
      const extra = await offer({
        workingGroupCodes: ['INTERNAL_DISPLACEMENT'],
        title: 'Capacitación en atención a personas desplazadas internamente',
        description: 'Formación de funcionarios municipales en atención a personas desplazadas.',
        languages: ['es'],
        eligibleCountryCodes: ['HN'],
      });
      expect((await suggestions(needId)).map((pair) => pair.offer.id)).toContain(extra);
      await app.ok(
        'mutation ($id: ID!) { withdrawOffer(id: $id) { status } }',
        { id: extra },
        { as: world.secretariat },
      );
      expect((await suggestions(needId)).map((pair) => pair.offer.id)).not.toContain(extra);
    });

    it('is open to every signed-in role, and to nobody else', async () => {
      for (const token of [world.observer, world.member, world.guatemala, world.secretariat]) {
        expect((await suggestions(needId, token))[0].offer.id).toBe(onTopic);
      }
      const refused = await app.fails(SUGGESTED_OFFERS, { needId });
      expect(refused.extensions.code).toBe('UNAUTHENTICATED');
    });

    it('answers NOT_FOUND for an unknown need and BAD_USER_INPUT for a bad page size', async () => {
      const missing = await app.fails(
        SUGGESTED_OFFERS,
        { needId: '00000000-0000-4000-8000-000000000000' },
        { as: world.observer },
      );
      expect(missing.extensions.code).toBe('NOT_FOUND');
      const tooMany = await app.fails(
        SUGGESTED_OFFERS,
        { needId, first: 101 },
        { as: world.observer },
      );
      expect(tooMany.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'first', message: 'first must not be greater than 100' }],
      });
    });
  });

  describe('an offer whose eligibility list leaves a country out', () => {
    const group = 'PRIVATE_SECTOR';
    const text = {
      workingGroupCode: group,
      title: 'Capacitación en atención a personas desplazadas internamente',
      description:
        'Formar a funcionarios municipales en la atención y el registro de personas desplazadas por la violencia.',
      modalities: ['TRAINING'],
      languages: ['es'],
    };
    let hondurasNeed: string;
    let guatemalaNeed: string;
    let notForHonduras: string;

    beforeAll(async () => {
      hondurasNeed = await need(world.honduras, text);
      guatemalaNeed = await need(world.guatemala, { ...text, countryCode: 'GT' });
      notForHonduras = await offer({
        workingGroupCodes: [group],
        title: 'Training on assistance to internally displaced people',
        description:
          'Training municipal officials on assistance and registration of people displaced by violence.',
        modalities: ['TRAINING'],
        languages: ['es', 'en'],
        eligibleCountryCodes: ['GT', 'SV'],
      });
    });

    it('is suggested for a need of a country it names, and the other way round', async () => {
      const forGuatemala = await suggestions(guatemalaNeed, world.guatemala);
      expect(forGuatemala.map((pair) => pair.offer.id)).toEqual([notForHonduras]);
      const data = await app.ok(
        SUGGESTED_NEEDS,
        { offerId: notForHonduras, first: 100 },
        { as: world.member },
      );
      const needs = data.suggestedNeeds.map((pair: { need: { id: string } }) => pair.need.id);
      expect(needs).toContain(guatemalaNeed);
    });

    it('is never suggested for the need of a country it leaves out, nor that need for it, nor planned with it', async () => {
      expect(await suggestions(hondurasNeed)).toEqual([]);
      const data = await app.ok(
        SUGGESTED_NEEDS,
        { offerId: notForHonduras, first: 100 },
        { as: world.member },
      );
      const needs = data.suggestedNeeds.map((pair: { need: { id: string } }) => pair.need.id);
      expect(needs).not.toContain(hondurasNeed);
      const plan = (await app.ok(PLAN, { group }, { as: world.observer })).matchingPlan;
      expect(plan.unmatchedNeeds).toEqual([{ id: hondurasNeed }]);
      expect(plan.assignments.map((pair: { need: { id: string } }) => pair.need.id)).toEqual([
        guatemalaNeed,
      ]);
    });

    it('cannot be proposed for it either: CONFLICT, NOT_ELIGIBLE', async () => {
      const error = await app.fails(
        PROPOSE_TWINNING,
        { input: { offerId: notForHonduras, needIds: [hondurasNeed] } },
        { as: world.secretariat },
      );
      expect(error.extensions).toEqual({ code: 'CONFLICT', reason: 'NOT_ELIGIBLE' });
      expect(error.message).toBe(
        'The offer is open to GT, SV, not to HN (the need "Capacitación en atención a personas desplazadas internamente")',
      );
    });
  });

  describe('the plan', () => {
    it('assigns within capacity for the best total, and lists who is left out', async () => {
      const group = 'STATISTICAL_INCLUSION';
      const text = {
        title: 'Registro estadístico de personas refugiadas',
        description: 'Apoyo técnico para el registro estadístico de personas refugiadas.',
        modalities: ['TECHNICAL_ASSISTANCE'],
        languages: ['es'],
        workingGroupCode: group,
        earliestStart: null,
        latestEnd: null,
      };
      const needs = [
        await need(world.honduras, text),
        await need(world.honduras, text),
        await need(world.guatemala, { ...text, countryCode: 'GT' }),
      ];
      const only = await offer({
        workingGroupCodes: [group],
        title: 'Statistical registration of refugees',
        description: 'Technical support for the statistical registration of refugees.',
        modalities: ['TECHNICAL_ASSISTANCE'],
        languages: ['es'],
        capacity: 2,
        eligibleCountryCodes: [],
        availableFrom: null,
        availableTo: null,
      });
      const data = await app.ok(PLAN, { group }, { as: world.observer });
      const plan = data.matchingPlan;
      expect(plan.assignments).toHaveLength(2);
      for (const assignment of plan.assignments) expect(assignment.offer.id).toBe(only);
      const assigned = plan.assignments.map((a: any) => a.need.id);
      const left = plan.unmatchedNeeds.map((n: any) => n.id);
      expect([...assigned, ...left].sort()).toEqual([...needs].sort());
      expect(left).toHaveLength(1);
      const sum = plan.assignments.reduce((total: number, a: any) => total + a.score, 0);
      expect(plan.totalScore).toBeCloseTo(sum, 6);
    });

    it('refuses an unknown working group by name', async () => {
      const error = await app.fails(PLAN, { group: 'NO_SUCH_GROUP' }, { as: world.observer });
      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [
          { field: 'workingGroupCode', message: '"NO_SUCH_GROUP" is not a working group code' },
        ],
      });
    });
  });
});
