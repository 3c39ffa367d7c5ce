import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS, type OperationName } from '../../shared/api/operations.ts';
import { ROLES } from '../../shared/auth/principal.ts';
import { sampleCareReports } from '../support/samples.ts';
import { startTestRuntime, type TestRuntime } from './support/test-runtime.ts';

// Issue 6, DESIGN P4: every route against every role, and a member of the same role with the wrong
// scope, against an explicit expected matrix. API.md "Auth": missing or unknown token → 401; a role
// or scope that may not → 403; another partner's submission → 404 (its existence is not theirs).
// The resources belong to Buurtteam Sociaal Overvecht (sample care report …456) and to Bo-Ex.
const report = sampleCareReports()[0] as { reportId: string }; // routes to bt-sociaal-overvecht
let t: TestRuntime;
let signalId = '';
let uploadId = '';
/** Fresh open signals of bt-sociaal-overvecht: each re-route or close gets its own. */
const pool: string[] = [];
/** Two routes take one each, per caller and per 401 check. */
const POOL_SIZE = 3 * (13 + 2);
let reportCounter = 0;

interface Request {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * The columns. Werk & Inkomen, the police, the municipality and admins exist in one scope only, so
 * they have no wrong-scope twin; for the partner routes the other partners are that twin.
 */
const CALLERS = [
  ['housing-corporation', 'dev-bo-ex'],
  ['housing-corporation, other corporation', 'dev-mitros'],
  ['energy-forwarder', 'dev-werk-en-inkomen'],
  ['police', 'dev-politie'],
  ['team-member', 'dev-bt-sociaal-overvecht'],
  ['team-member, other team', 'dev-bt-jg-noordwest'],
  ['coordinator', 'dev-coordinator-bt-sociaal-overvecht'],
  ['coordinator, other team', 'dev-coordinator-bt-jg-noordwest'],
  ['manager', 'dev-manager-sociaal'],
  ['manager, other organisation', 'dev-manager-jg'],
  ['municipality', 'dev-gemeente'],
  ['admin', 'dev-admin'],
  // X1: CBS may pull the DDAS delivery and nothing else.
  ['cbs', 'dev-cbs'],
] as const;

type Statuses = readonly number[];

const csv =
  'huurdernummer;achternaam;geboortedatum;postcode;huisnummer;achterstand_bedrag;achterstand_sinds\nHN-1;Test;01-01-1980;3561AB;1;500,00;01-09-2026\n';
const contact = { kind: 'telefoon', reached: false };
const metricsQuery = 'from=2026-11-01&to=2026-11-30&teamId=bt-sociaal-overvecht';

type ProtectedOperation = Exclude<OperationName, 'health' | 'openApi' | 'ddasCertificaat'>;

/**
 * `expected`: one status per CALLERS column, in order — bo-ex, mitros, Werk & Inkomen, police,
 * member, member of another team, coordinator, coordinator of another team, manager, manager of the
 * other organisation, municipality, admin, CBS.
 */
const MATRIX: Record<ProtectedOperation, { request: () => Request; expected: Statuses }> = {
  submitRentArrears: {
    request: () => ({
      method: 'POST',
      path: '/intake/rent-arrears?attest=sociale-incasso',
      body: csv,
      headers: { 'content-type': 'text/csv' },
    }),
    expected: [202, 202, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  },
  submitEnergyDebts: {
    request: () => ({
      method: 'POST',
      path: '/intake/energy-debts',
      body: { batchId: `wi-auth-${++reportCounter}`, signals: [{}] },
    }),
    expected: [403, 403, 202, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  },
  submitCareReport: {
    request: () => ({
      method: 'POST',
      path: '/intake/care-reports',
      body: { ...report, reportId: `PL-AUTH-S${++reportCounter}` },
    }),
    expected: [403, 403, 403, 202, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  },
  listUploads: {
    request: () => ({ method: 'GET', path: '/intake/uploads' }),
    expected: [200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  },
  getUpload: {
    request: () => ({ method: 'GET', path: `/intake/uploads/${uploadId}` }),
    expected: [200, 404, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  },
  getCareReport: {
    request: () => ({ method: 'GET', path: `/intake/care-reports/${report.reportId}` }),
    expected: [403, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  },
  // Issue 15: the police's own list (P4: read under the caller's own scope).
  listCareReports: {
    request: () => ({ method: 'GET', path: '/intake/care-reports?limit=5' }),
    expected: [403, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  },
  listTeamSignals: {
    request: () => ({ method: 'GET', path: '/teams/bt-sociaal-overvecht/signals' }),
    expected: [403, 403, 403, 403, 200, 403, 200, 403, 200, 403, 403, 200, 403],
  },
  listTeamAppointments: {
    request: () => ({
      method: 'GET',
      path: '/teams/bt-sociaal-overvecht/appointments?from=2026-11-30&to=2026-12-06',
    }),
    expected: [403, 403, 403, 403, 200, 403, 200, 403, 200, 403, 403, 200, 403],
  },
  countTeamSignals: {
    request: () => ({ method: 'GET', path: '/teams/bt-sociaal-overvecht/signal-counts' }),
    expected: [403, 403, 403, 403, 200, 403, 200, 403, 200, 403, 403, 200, 403],
  },
  getSignal: {
    request: () => ({ method: 'GET', path: `/signals/${signalId}` }),
    expected: [403, 403, 403, 403, 200, 403, 200, 403, 200, 403, 403, 200, 403],
  },
  getSignalAudit: {
    request: () => ({ method: 'GET', path: `/signals/${signalId}/audit` }),
    expected: [403, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 200, 403],
  },
  recordContactAttempt: {
    request: () => ({ method: 'POST', path: `/signals/${signalId}/contact-attempts`, body: contact }),
    expected: [403, 403, 403, 403, 201, 403, 201, 403, 403, 403, 403, 403, 403],
  },
  // Issue 17: the team plans on a fresh signal (one standing appointment each); the outcome of an
  // appointment that does not exist reaches the handler only for the team (404), never for others.
  planAppointment: {
    request: () => ({
      method: 'POST',
      path: `/signals/${freshSignal()}/appointments`,
      body: { startsAt: '2026-11-26T14:00:00+01:00', place: 'thuis', opVerzoekInwoner: false },
    }),
    expected: [403, 403, 403, 403, 201, 403, 201, 403, 403, 403, 403, 403, 403],
  },
  recordAppointmentOutcome: {
    request: () => ({
      method: 'POST',
      path: `/signals/${signalId}/appointments/afs_onbekend`,
      body: { status: 'geannuleerd' },
    }),
    expected: [403, 403, 403, 403, 404, 403, 404, 403, 403, 403, 403, 403, 403],
  },
  rerouteSignal: {
    request: () => ({
      method: 'POST',
      path: `/signals/${freshSignal()}/reroute`,
      body: { teamId: 'bt-jg-overvecht', reason: 'Er zijn kinderen in beeld.' },
    }),
    expected: [403, 403, 403, 403, 200, 403, 200, 403, 403, 403, 403, 403, 403],
  },
  closeSignal: {
    request: () => ({
      method: 'POST',
      path: `/signals/${freshSignal()}/close`,
      // A fresh signal has no contact attempt: only a `niet opgepakt` outcome closes it (issue 15).
      body: { outcome: 'niet-opgepakt-andere-reden' },
    }),
    expected: [403, 403, 403, 403, 200, 403, 200, 403, 403, 403, 403, 403, 403],
  },
  listTeamEscalations: {
    request: () => ({ method: 'GET', path: '/teams/bt-sociaal-overvecht/escalations' }),
    expected: [403, 403, 403, 403, 403, 403, 200, 403, 200, 403, 403, 200, 403],
  },
  firstContactMetrics: {
    request: () => ({ method: 'GET', path: `/metrics/first-contact?${metricsQuery}` }),
    expected: [403, 403, 403, 403, 403, 403, 200, 403, 200, 403, 200, 200, 403],
  },
  signalVolume: {
    request: () => ({ method: 'GET', path: `/metrics/signal-volume?${metricsQuery}` }),
    expected: [403, 403, 403, 403, 403, 403, 200, 403, 200, 403, 200, 200, 403],
  },
  ddasGegevens: {
    request: () => ({
      method: 'POST',
      path: '/ddas/v1/gegevens',
      body: { aanleverperiodeStartdatum: '2026-11-01', aanleverperiodeEinddatum: '2026-11-30' },
    }),
    // X1/X3: CBS alone, admins included in the refusal.
    expected: [403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200],
  },
};

function freshSignal(): string {
  const id = pool.pop();
  if (!id) throw new Error('the pool of fresh signals is empty: raise POOL_SIZE');
  return id;
}

async function call(request: Request, token?: string) {
  return t.api.request(request.method, request.path, {
    ...(token ? { token } : {}),
    ...(request.body !== undefined ? { body: request.body } : {}),
    ...(request.headers ? { headers: request.headers } : {}),
  });
}

beforeAll(async () => {
  t = await startTestRuntime();
  await t.setClock('2026-11-23T10:00:00+01:00');
  const created = await t.api.request<{ signalId: string }>('POST', '/intake/care-reports', {
    token: 'dev-politie',
    body: report,
  });
  signalId = created.body.signalId;
  const upload = await t.api.request<{ uploadId: string }>(
    'POST',
    '/intake/rent-arrears?attest=sociale-incasso',
    {
      token: 'dev-bo-ex',
      body: csv,
      headers: { 'content-type': 'text/csv' },
    },
  );
  uploadId = upload.body.uploadId;
  for (let index = 0; index < POOL_SIZE; index++) {
    const response = await t.api.request<{ signalId: string }>('POST', '/intake/care-reports', {
      token: 'dev-politie',
      body: { ...report, reportId: `PL-AUTH-P${index}` },
    });
    pool.push(response.body.signalId);
  }
  await t.drain();
});

afterAll(async () => {
  await t?.stop();
});

describe('authentication and authorisation on every route (issue 6, P4)', () => {
  it('the matrix covers every protected operation of the contract', () => {
    const protectedOperations = Object.entries(OPERATIONS)
      .filter(([, operation]) => operation.roles !== 'public')
      .map(([name]) => name)
      .sort();
    expect(Object.keys(MATRIX).sort()).toEqual(protectedOperations);
  });

  it('every role of API.md has a column, and every row a status per column', () => {
    expect(new Set(CALLERS.map(([label]) => label.split(',')[0]))).toEqual(new Set(ROLES));
    for (const { expected } of Object.values(MATRIX)) expect(expected).toHaveLength(CALLERS.length);
  });

  describe.each(Object.entries(MATRIX))('%s', (_name, { request, expected }) => {
    it('refuses a missing or unknown token with 401', async () => {
      expect((await call(request())).status).toBe(401);
      expect((await call(request(), 'not-a-token')).status).toBe(401);
    });

    it.each(CALLERS.map(([label, token], column) => [label, token, expected[column] as number] as const))(
      '%s (%s) → %i',
      async (_label, token, status) => {
        const sent = request();
        const response = await call(sent, token);
        expect(response.status).toBe(status);
        // The DDAS route refuses as a problem (X3), with FSC's code; the others with API.md's error.
        if (status === 403)
          expect(response.body).toMatchObject(
            sent.path.startsWith('/ddas/')
              ? { status: 403, code: 'ERROR_CODE_WRONG_GROUP_ID_IN_TOKEN' }
              : { error: { code: 'forbidden' } },
          );
        if (status === 404)
          expect(response.body).toMatchObject({ error: { code: expect.stringMatching(/not-found$/) } });
      },
    );
  });

  it('health and openapi.json are public', async () => {
    const health = await t.api.request('GET', '/health');
    const openapi = await t.api.request<{ openapi: string; paths: Record<string, unknown> }>(
      'GET',
      '/openapi.json',
    );

    expect([health.status, health.body]).toEqual([200, { status: 'ok', now: '2026-11-23T10:00:00+01:00' }]);
    expect(openapi.status).toBe(200);
    expect(openapi.body.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.body.paths).sort()).toEqual(
      [...new Set(Object.values(OPERATIONS).map((operation) => operation.path))].sort(),
    );
  });

  it('an unknown route is a 404 with an error body', async () => {
    const response = await t.api.request('GET', '/nope', { token: 'dev-admin' });
    expect(response).toMatchObject({ status: 404, body: { error: { code: 'route-not-found' } } });
  });
});
