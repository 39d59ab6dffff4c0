import { Logger } from '@nestjs/common';
import { NeedsService } from '../../src/needs/needs.service';
import { ReferenceService } from '../../src/reference/reference.service';
import { postNeed } from '../support/builders';
import {
  SECRETARIAT_EMAIL,
  SECRETARIAT_PASSWORD,
  startTestApp,
  TestApp,
} from '../support/test-app';

const NEEDS = '{ needs(first: 5) { edges { node { id title country { code name } } } } }';

/**
 * Every unexpected fault (issue 11): answered "Internal server error" with the request's id
 * and nothing of its own, and logged once with that id, wherever it arose: in a root
 * resolver (Nest's exception filter), in a field resolver, or in graphql-js itself (a
 * non-null field that resolved to null), none of which passes through that filter.
 */
describe('unexpected faults', () => {
  let app: TestApp;
  let secretariat: string;
  let logged: jest.SpyInstance;

  beforeAll(async () => {
    app = await startTestApp();
    secretariat = await app.login(SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD);
    await postNeed(app, secretariat);
  });
  afterAll(() => app.close());

  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  /** The one error of a request, checked for what it must and must not say. */
  async function theFault(requestId: string) {
    const body = await app.gql(
      NEEDS,
      {},
      { as: secretariat, headers: { 'x-request-id': requestId } },
    );
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/Cannot return null|secret detail|at .*\.ts|stack/i);
    expect(body.errors).toHaveLength(1);
    return body.errors![0];
  }

  /** The faults logged: once each, with the request id. */
  function loggedFaults() {
    return logged.mock.calls.map(([entry]) => (entry as { requestId?: string }).requestId);
  }

  it('in graphql-js: a non-null field that resolved to null', async () => {
    jest.spyOn(ReferenceService.prototype, 'countriesByCodes').mockResolvedValue([]);
    const fault = await theFault('fault-non-null');
    expect(fault).toEqual({
      message: 'Internal server error',
      locations: expect.any(Array),
      path: ['needs', 'edges', 0, 'node', 'country'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'fault-non-null' },
    });
    expect(loggedFaults()).toEqual(['fault-non-null']);
  });

  it('in a field resolver: an error of its own', async () => {
    jest
      .spyOn(ReferenceService.prototype, 'countriesByCodes')
      .mockRejectedValue(new Error('a secret detail of the database'));
    const fault = await theFault('fault-field');
    expect(fault).toEqual({
      message: 'Internal server error',
      locations: expect.any(Array),
      path: ['needs', 'edges', 0, 'node', 'country'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'fault-field' },
    });
    expect(loggedFaults()).toEqual(['fault-field']);
  });

  it('in a root resolver', async () => {
    jest
      .spyOn(NeedsService.prototype, 'list')
      .mockRejectedValue(new TypeError('a secret detail of the code'));
    const fault = await theFault('fault-root');
    expect(fault).toEqual({
      message: 'Internal server error',
      locations: expect.any(Array),
      path: ['needs'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'fault-root' },
    });
    expect(loggedFaults()).toEqual(['fault-root']);
  });
});
