import {
  aConfirmedTwinning,
  anActivity,
  buildWorld,
  CANCEL_TWINNING,
  COMPLETE_ACTIVITY,
  COMPLETE_TWINNING,
  CONFIRM_TWINNING,
  PROPOSE_TWINNING,
  postNeed,
  postOffer,
  RECORD_ACTIVITY,
  RESPOND_TO_TWINNING,
  World,
} from '../support/builders';
import { inBothLanguages } from '../support/languages';
import { startTestApp, TestApp } from '../support/test-app';

const COMPLETION = { women: 21, men: 15, other: 2, outcome: '38 adjudicators trained' };

/**
 * Spanish and English in twinnings and activities (issue 12): the state table's CONFLICTs,
 * the twinning policy's FORBIDDENs, the fit rules' refusals and the activities' refusals
 * read in the signed-in user's language (the suite's users start in English, its client
 * asks for English), with `extensions.code` and `reason` the same in both.
 */
describe('the language of twinnings and activities', () => {
  let app: TestApp;
  let world: World;

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildWorld(app);
  });
  afterAll(() => app.close());

  /** A twinning the member proposes of a new offer and a new need of Honduras. */
  async function aProposedTwinning(): Promise<string> {
    const offerId = await postOffer(app, world.member, world.organizationId);
    const needId = await postNeed(app, world.secretariat, { countryCode: 'HN' });
    const data = await app.ok<{ proposeTwinning: { id: string } }>(
      PROPOSE_TWINNING,
      { input: { offerId, needIds: [needId] } },
      { as: world.member },
    );
    return data.proposeTwinning.id;
  }

  describe('the state table (CONFLICT, INVALID_TRANSITION)', () => {
    it('names the status, the action and why, in each language', async () => {
      const id = await aProposedTwinning();
      expect(await inBothLanguages(app, world.secretariat, CONFIRM_TWINNING, { id })).toEqual({
        en: {
          code: 'CONFLICT',
          reason: 'INVALID_TRANSITION',
          message:
            'The twinning is PROPOSED: it cannot be confirmed now (it waits for every party to answer)',
        },
        es: {
          code: 'CONFLICT',
          reason: 'INVALID_TRANSITION',
          message:
            'El hermanamiento está en estado PROPOSED: ahora no es posible confirmarlo (espera la respuesta de todas las partes)',
        },
      });
    });

    it('and for a final status', async () => {
      const id = await aConfirmedTwinning(app, world);
      await app.ok(CANCEL_TWINNING, { id, reason: 'Funding withdrawn' }, { as: world.secretariat });
      expect(
        await inBothLanguages(app, world.secretariat, CANCEL_TWINNING, { id, reason: 'Again' }),
      ).toEqual({
        en: {
          code: 'CONFLICT',
          reason: 'INVALID_TRANSITION',
          message: 'The twinning is CANCELLED: it cannot be cancelled now (that is final)',
        },
        es: {
          code: 'CONFLICT',
          reason: 'INVALID_TRANSITION',
          message:
            'El hermanamiento está en estado CANCELLED: ahora no es posible cancelarlo (ese estado es definitivo)',
        },
      });
    });

    it('names the side that has already answered', async () => {
      const id = await aProposedTwinning();
      expect(
        await inBothLanguages(app, world.member, RESPOND_TO_TWINNING, { id, accept: true }),
      ).toEqual({
        en: {
          code: 'CONFLICT',
          reason: 'ALREADY_ANSWERED',
          message: "The side of the offer's organization has already answered ACCEPTED",
        },
        es: {
          code: 'CONFLICT',
          reason: 'ALREADY_ANSWERED',
          message: 'La parte de la organización de la oferta ya respondió: ACCEPTED',
        },
      });
    });
  });

  describe('the twinning policy (FORBIDDEN)', () => {
    it('says who may complete a twinning', async () => {
      const id = await aConfirmedTwinning(app, world);
      expect(await inBothLanguages(app, world.otherMember, COMPLETE_TWINNING, { id })).toEqual({
        en: {
          code: 'FORBIDDEN',
          message:
            "Only the secretariat or a focal point of the offer's organization may complete a twinning",
        },
        es: {
          code: 'FORBIDDEN',
          message:
            'Solo la secretaría o un punto focal de la organización de la oferta pueden completar un hermanamiento',
        },
      });
    });

    it('says who may cancel one, the action itself translated', async () => {
      const id = await aConfirmedTwinning(app, world);
      expect(
        await inBothLanguages(app, world.guatemala, CANCEL_TWINNING, { id, reason: 'Not ours' }),
      ).toEqual({
        en: {
          code: 'FORBIDDEN',
          message: 'Only the secretariat or a party to the twinning may cancel it',
        },
        es: {
          code: 'FORBIDDEN',
          message: 'Solo la secretaría o una parte del hermanamiento pueden cancelarlo',
        },
      });
    });
  });

  describe('the fit rules (CONFLICT of a proposal)', () => {
    it('NOT_ELIGIBLE', async () => {
      const offerId = await postOffer(app, world.member, world.organizationId, {
        eligibleCountryCodes: ['HN', 'SV'],
      });
      const needId = await postNeed(app, world.secretariat, {
        countryCode: 'GT',
        title: 'Guatemalan need',
      });
      expect(
        await inBothLanguages(app, world.member, PROPOSE_TWINNING, {
          input: { offerId, needIds: [needId] },
        }),
      ).toEqual({
        en: {
          code: 'CONFLICT',
          reason: 'NOT_ELIGIBLE',
          message: 'The offer is open to HN, SV, not to GT (the need "Guatemalan need")',
        },
        es: {
          code: 'CONFLICT',
          reason: 'NOT_ELIGIBLE',
          message: 'La oferta está abierta a HN, SV, no a GT (la necesidad "Guatemalan need")',
        },
      });
    });

    it('DATES_DO_NOT_OVERLAP, the periods translated too', async () => {
      const offerId = await postOffer(app, world.member, world.organizationId, {
        availableFrom: '2026-01-01T00:00:00.000Z',
        availableTo: '2026-02-01T00:00:00.000Z',
      });
      const needId = await postNeed(app, world.secretariat, {
        title: 'Late need',
        earliestStart: '2026-03-01T00:00:00.000Z',
        latestEnd: '2026-11-30T00:00:00.000Z',
      });
      expect(
        await inBothLanguages(app, world.member, PROPOSE_TWINNING, {
          input: { offerId, needIds: [needId] },
        }),
      ).toEqual({
        en: {
          code: 'CONFLICT',
          reason: 'DATES_DO_NOT_OVERLAP',
          message:
            'The offer is available from 2026-01-01 to 2026-02-01, outside the window of the need "Late need" (from 2026-03-01 to 2026-11-30)',
        },
        es: {
          code: 'CONFLICT',
          reason: 'DATES_DO_NOT_OVERLAP',
          message:
            'La oferta está disponible del 2026-01-01 al 2026-02-01, fuera del plazo de la necesidad "Late need" (del 2026-03-01 al 2026-11-30)',
        },
      });
    });

    it('CAPACITY_EXHAUSTED, in the plural of each language', async () => {
      const offerId = await postOffer(app, world.member, world.organizationId, { capacity: 1 });
      const needIds = [
        await postNeed(app, world.secretariat, { countryCode: 'HN' }),
        await postNeed(app, world.secretariat, { countryCode: 'HN' }),
      ];
      expect(
        await inBothLanguages(app, world.member, PROPOSE_TWINNING, { input: { offerId, needIds } }),
      ).toEqual({
        en: {
          code: 'CONFLICT',
          reason: 'CAPACITY_EXHAUSTED',
          message: 'The offer has 1 of its capacity of 1 left: not enough for 2 needs',
        },
        es: {
          code: 'CONFLICT',
          reason: 'CAPACITY_EXHAUSTED',
          message: 'Plazas libres de la oferta: 1 de 1; no alcanzan para 2 necesidades',
        },
      });
    });
  });

  describe('activities', () => {
    it('refuses activities on a twinning not under way (CONFLICT)', async () => {
      const twinningId = await aProposedTwinning();
      expect(
        await inBothLanguages(app, world.secretariat, RECORD_ACTIVITY, {
          input: anActivity(twinningId),
        }),
      ).toEqual({
        en: {
          code: 'CONFLICT',
          reason: 'INVALID_TRANSITION',
          message:
            'The twinning is PROPOSED: it cannot be given activities now (it waits for every party to answer)',
        },
        es: {
          code: 'CONFLICT',
          reason: 'INVALID_TRANSITION',
          message:
            'El hermanamiento está en estado PROPOSED: ahora no es posible registrarle actividades (espera la respuesta de todas las partes)',
        },
      });
    });

    it('completes only a PLANNED activity (CONFLICT)', async () => {
      const twinningId = await aConfirmedTwinning(app, world);
      const recorded = await app.ok<{ recordActivity: { id: string } }>(
        RECORD_ACTIVITY,
        { input: anActivity(twinningId) },
        { as: world.honduras },
      );
      const id = recorded.recordActivity.id;
      await app.ok(COMPLETE_ACTIVITY, { id, input: COMPLETION }, { as: world.honduras });
      expect(
        await inBothLanguages(app, world.honduras, COMPLETE_ACTIVITY, { id, input: COMPLETION }),
      ).toEqual({
        en: {
          code: 'CONFLICT',
          reason: 'INVALID_TRANSITION',
          message: 'The activity is DONE: only a PLANNED activity can be completed',
        },
        es: {
          code: 'CONFLICT',
          reason: 'INVALID_TRANSITION',
          message: 'La actividad está en estado DONE: solo una actividad PLANNED puede completarse',
        },
      });
    });

    it('says who may record activities (FORBIDDEN)', async () => {
      const twinningId = await aConfirmedTwinning(app, world);
      expect(
        await inBothLanguages(app, world.guatemala, RECORD_ACTIVITY, {
          input: anActivity(twinningId),
        }),
      ).toEqual({
        en: {
          code: 'FORBIDDEN',
          message: 'Only the secretariat or a party to the twinning may record its activities',
        },
        es: {
          code: 'FORBIDDEN',
          message:
            'Solo la secretaría o una parte del hermanamiento pueden registrar sus actividades',
        },
      });
    });

    it('names the field that breaks a rule (BAD_USER_INPUT)', async () => {
      const twinningId = await aConfirmedTwinning(app, world);
      const input = anActivity(twinningId, {
        startsAt: '2026-11-04T14:00:00.000Z',
        endsAt: '2026-11-02T14:00:00.000Z',
      });
      expect(await inBothLanguages(app, world.honduras, RECORD_ACTIVITY, { input })).toEqual({
        en: {
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'endsAt', message: 'endsAt must not be before startsAt' }],
          message: 'Invalid input: endsAt: endsAt must not be before startsAt',
        },
        es: {
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'endsAt', message: 'endsAt no puede ser anterior a startsAt' }],
          message: 'Datos no válidos: endsAt: endsAt no puede ser anterior a startsAt',
        },
      });
    });
  });
});
