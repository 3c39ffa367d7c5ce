import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS, type OperationName } from '../../shared/api/operations.ts';
import { sampleCareReports } from '../support/samples.ts';
import { startTestRuntime, type TestRuntime } from './support/test-runtime.ts';

// API.md "Auth": missing/invalid token → 401; valid but not allowed (role or scope) → 403.
// Every protected route of the contract must appear here, with who may and who may not.
const report = sampleCareReports()[0] as { reportId: string }; // routes to bt-sociaal-overvecht
let t: TestRuntime;
let signalId = '';
let uploadId = '';
let rerouteId = '';
let closeId = '';

interface Request {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Case {
  readonly request: () => Request;
  readonly allowed: readonly [token: string, status: number][];
  readonly wrongRole: readonly string[];
  readonly wrongScope: readonly string[];
  /** Another partner's upload is not found rather than forbidden: its existence is not theirs to know. */
  readonly wrongScopeStatus?: number;
}

const csv =
  'huurdernummer;achternaam;geboortedatum;postcode;huisnummer;achterstand_bedrag;achterstand_sinds\nHN-1;Test;01-01-1980;3561AB;1;500,00;01-09-2026\n';

const contact = { kind: 'telefoon', reached: false };

const MATRIX: Record<Exclude<OperationName, 'health' | 'openApi'>, Case> = {
  submitRentArrears: {
    request: () => ({
      method: 'POST',
      path: '/intake/rent-arrears?attest=sociale-incasso',
      body: csv,
      headers: { 'content-type': 'text/csv' },
    }),
    allowed: [['dev-mitros', 202]],
    wrongRole: [
      'dev-politie',
      'dev-werk-en-inkomen',
      'dev-bt-sociaal-overvecht',
      'dev-gemeente',
      'dev-admin',
    ],
    wrongScope: [],
  },
  submitEnergyDebts: {
    request: () => ({
      method: 'POST',
      path: '/intake/energy-debts',
      body: { batchId: 'wi-auth', signals: [{}] },
    }),
    allowed: [['dev-werk-en-inkomen', 202]],
    wrongRole: ['dev-bo-ex', 'dev-politie', 'dev-bt-sociaal-overvecht', 'dev-admin'],
    wrongScope: [],
  },
  listUploads: {
    request: () => ({ method: 'GET', path: '/intake/uploads' }),
    allowed: [
      ['dev-bo-ex', 200],
      ['dev-werk-en-inkomen', 200],
    ],
    wrongRole: [
      'dev-politie',
      'dev-bt-sociaal-overvecht',
      'dev-manager-sociaal',
      'dev-gemeente',
      'dev-admin',
    ],
    wrongScope: [],
  },
  getUpload: {
    request: () => ({ method: 'GET', path: `/intake/uploads/${uploadId}` }),
    allowed: [['dev-bo-ex', 200]],
    wrongRole: ['dev-politie', 'dev-bt-sociaal-overvecht', 'dev-gemeente'],
    wrongScope: ['dev-mitros', 'dev-portaal', 'dev-werk-en-inkomen'],
    wrongScopeStatus: 404,
  },
  submitCareReport: {
    request: () => ({
      method: 'POST',
      path: '/intake/care-reports',
      body: { ...report, reportId: `PL-AUTH-${Date.now()}` },
    }),
    allowed: [['dev-politie', 202]],
    wrongRole: ['dev-bo-ex', 'dev-werk-en-inkomen', 'dev-bt-sociaal-overvecht', 'dev-gemeente', 'dev-admin'],
    wrongScope: [],
  },
  getCareReport: {
    request: () => ({ method: 'GET', path: `/intake/care-reports/${report.reportId}` }),
    allowed: [['dev-politie', 200]],
    wrongRole: ['dev-mitros', 'dev-bt-sociaal-overvecht', 'dev-manager-sociaal', 'dev-gemeente'],
    wrongScope: [],
  },
  listTeamSignals: {
    request: () => ({ method: 'GET', path: '/teams/bt-sociaal-overvecht/signals' }),
    allowed: [
      ['dev-bt-sociaal-overvecht', 200],
      ['dev-coordinator-bt-sociaal-overvecht', 200],
      ['dev-manager-sociaal', 200],
      ['dev-admin', 200],
    ],
    wrongRole: ['dev-politie', 'dev-bo-ex', 'dev-gemeente'],
    wrongScope: [
      'dev-bt-sociaal-oost',
      'dev-bt-jg-overvecht',
      'dev-coordinator-bt-jg-overvecht',
      'dev-manager-jg',
    ],
  },
  getSignal: {
    request: () => ({ method: 'GET', path: `/signals/${signalId}` }),
    allowed: [
      ['dev-bt-sociaal-overvecht', 200],
      ['dev-coordinator-bt-sociaal-overvecht', 200],
      ['dev-manager-sociaal', 200],
      ['dev-admin', 200],
    ],
    wrongRole: ['dev-politie', 'dev-portaal', 'dev-gemeente'],
    wrongScope: [
      'dev-bt-sociaal-oost',
      'dev-veilig-thuis',
      'dev-coordinator-bt-jg-overvecht',
      'dev-manager-jg',
    ],
  },
  rerouteSignal: {
    request: () => ({
      method: 'POST',
      path: `/signals/${rerouteId}/reroute`,
      body: { teamId: 'bt-jg-overvecht', reason: 'Er zijn kinderen in beeld.' },
    }),
    allowed: [['dev-bt-sociaal-overvecht', 200]],
    wrongRole: ['dev-politie', 'dev-manager-sociaal', 'dev-gemeente', 'dev-admin'],
    wrongScope: ['dev-bt-sociaal-oost', 'dev-coordinator-bt-jg-overvecht'],
  },
  closeSignal: {
    request: () => ({
      method: 'POST',
      path: `/signals/${closeId}/close`,
      body: { outcome: 'advies-quick-fix' },
    }),
    allowed: [['dev-coordinator-bt-sociaal-overvecht', 200]],
    wrongRole: ['dev-politie', 'dev-manager-sociaal', 'dev-gemeente', 'dev-admin', 'dev-bo-ex'],
    wrongScope: ['dev-bt-jg-noordwest', 'dev-coordinator-bt-sociaal-zuid'],
  },
  listTeamEscalations: {
    request: () => ({ method: 'GET', path: '/teams/bt-sociaal-overvecht/escalations' }),
    allowed: [
      ['dev-coordinator-bt-sociaal-overvecht', 200],
      ['dev-manager-sociaal', 200],
      ['dev-admin', 200],
    ],
    wrongRole: ['dev-bt-sociaal-overvecht', 'dev-politie', 'dev-gemeente', 'dev-bo-ex'],
    wrongScope: ['dev-coordinator-bt-sociaal-oost', 'dev-manager-jg'],
  },
  countTeamSignals: {
    request: () => ({ method: 'GET', path: '/teams/bt-sociaal-overvecht/signal-counts' }),
    allowed: [
      ['dev-bt-sociaal-overvecht', 200],
      ['dev-manager-sociaal', 200],
      ['dev-admin', 200],
    ],
    wrongRole: ['dev-politie', 'dev-gemeente', 'dev-bo-ex'],
    wrongScope: ['dev-bt-sociaal-oost', 'dev-manager-jg'],
  },
  signalVolume: {
    request: () => ({
      method: 'GET',
      path: '/metrics/signal-volume?from=2026-11-01&to=2026-11-30&teamId=bt-sociaal-overvecht',
    }),
    allowed: [
      ['dev-coordinator-bt-sociaal-overvecht', 200],
      ['dev-manager-sociaal', 200],
      ['dev-gemeente', 200],
    ],
    wrongRole: ['dev-bt-sociaal-overvecht', 'dev-politie', 'dev-werk-en-inkomen'],
    wrongScope: ['dev-coordinator-bt-sociaal-oost', 'dev-manager-jg'],
  },
  firstContactMetrics: {
    request: () => ({
      method: 'GET',
      path: '/metrics/first-contact?from=2026-11-01&to=2026-11-30&teamId=bt-sociaal-overvecht',
    }),
    allowed: [
      ['dev-coordinator-bt-sociaal-overvecht', 200],
      ['dev-manager-sociaal', 200],
      ['dev-gemeente', 200],
      ['dev-admin', 200],
    ],
    wrongRole: ['dev-bt-sociaal-overvecht', 'dev-politie', 'dev-bo-ex', 'dev-werk-en-inkomen'],
    wrongScope: ['dev-coordinator-bt-sociaal-oost', 'dev-manager-jg'],
  },
  recordContactAttempt: {
    request: () => ({ method: 'POST', path: `/signals/${signalId}/contact-attempts`, body: contact }),
    allowed: [
      ['dev-bt-sociaal-overvecht', 201],
      ['dev-coordinator-bt-sociaal-overvecht', 201],
    ],
    wrongRole: ['dev-politie', 'dev-manager-sociaal', 'dev-gemeente', 'dev-admin'],
    wrongScope: ['dev-bt-sociaal-oost', 'dev-coordinator-bt-sociaal-zuid'],
  },
};

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
  // Two more signals of bt-sociaal-overvecht, to re-route and to close.
  for (const [suffix, assign] of [
    ['R', (id: string) => (rerouteId = id)],
    ['C', (id: string) => (closeId = id)],
  ] as const) {
    const response = await t.api.request<{ signalId: string }>('POST', '/intake/care-reports', {
      token: 'dev-politie',
      body: { ...report, reportId: `PL-AUTH-${suffix}` },
    });
    assign(response.body.signalId);
  }
  await t.drain();
});

afterAll(async () => {
  await t?.stop();
});

describe('authentication and authorisation on every route', () => {
  it('the matrix covers every protected operation of the contract', () => {
    const protectedOperations = Object.entries(OPERATIONS)
      .filter(([, operation]) => operation.roles !== 'public')
      .map(([name]) => name)
      .sort();
    expect(Object.keys(MATRIX).sort()).toEqual(protectedOperations);
  });

  describe.each(Object.entries(MATRIX))('%s', (_name, matrix) => {
    it('refuses a missing or unknown token with 401', async () => {
      expect((await call(matrix.request())).status).toBe(401);
      expect((await call(matrix.request(), 'not-a-token')).status).toBe(401);
    });

    it.each(matrix.wrongRole)('refuses the wrong role (%s) with 403', async (token) => {
      const response = await call(matrix.request(), token);
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ error: { code: 'forbidden' } });
    });

    it.runIf(matrix.wrongScope.length > 0).each(matrix.wrongScope)(
      'refuses the wrong scope (%s)',
      async (token) => {
        expect((await call(matrix.request(), token)).status).toBe(matrix.wrongScopeStatus ?? 403);
      },
    );

    it.each(matrix.allowed)('admits %s (%i)', async (token, status) => {
      expect((await call(matrix.request(), token)).status).toBe(status);
    });
  });

  it('health and openapi.json are public', async () => {
    const health = await t.api.request('GET', '/health');
    const openapi = await t.api.request<{ openapi: string; paths: Record<string, unknown> }>(
      'GET',
      '/openapi.json',
    );

    expect(health).toEqual({ status: 200, body: { status: 'ok', now: '2026-11-23T10:00:00+01:00' } });
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
