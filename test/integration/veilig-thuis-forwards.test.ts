import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCareReports } from '../support/samples.ts';
import { startTestRuntime, type TestRuntime } from './support/test-runtime.ts';

// Issue 15, build 4b — Veilig Thuis has a home: its team (`dev-veilig-thuis`, team-member) lists the
// forwards (DESIGN C2) with `status=forwarded` and takes one into handling with
// `POST /signals/{id}/close` and outcome `doorgezet-veilig-thuis`, so it leaves the open list. Other
// outcomes and other teams are refused. The ladder (D4) sends nothing more for it, and it is still
// deleted 6 months after receipt with reason `forwarded` (P1).
const [given, violence] = sampleCareReports() as [Record<string, unknown>, Record<string, unknown>];
const VT = 'dev-veilig-thuis';
const VT_COORDINATOR = 'dev-coordinator-veilig-thuis';
let t: TestRuntime;
let forward = '';
let rerouted = '';

interface Item {
  signalId: string;
  status: string;
}
interface Refusal {
  error: { code: string; message: string; details?: { field: string; code: string; message: string }[] };
}

async function tab(status: string, token = VT): Promise<Item[]> {
  const response = await t.api.request<{ items: Item[] }>(
    'GET',
    `/teams/veilig-thuis/signals?status=${status}`,
    {
      token,
    },
  );
  expect(response.status).toBe(200);
  return response.body.items;
}

async function setClock(now: string) {
  const response = await t.api.request<{ purged: number; escalated: number }>('POST', '/_local/clock', {
    token: 'dev-admin',
    body: { now },
  });
  expect(response.status).toBe(200);
  return response.body;
}

async function outbox(signalId: string) {
  const response = await t.api.request<{
    items: { signalId: string; level: number; recipient: { role: string } }[];
  }>('GET', '/_local/outbox', { token: 'dev-admin' });
  return response.body.items.filter((item) => item.signalId === signalId);
}

beforeAll(async () => {
  t = await startTestRuntime();
  // Monday 23 November 2026, 10:00: the police report domestic violence (sample …457): R1, C2.
  await setClock('2026-11-23T10:00:00+01:00');
  const reported = await t.api.request<{ signalId: string }>('POST', '/intake/care-reports', {
    token: 'dev-politie',
    body: violence,
  });
  forward = reported.body.signalId;
  // And a Buurtteam signal that a worker re-routes to Veilig Thuis: open there, no forward.
  const other = await t.api.request<{ signalId: string }>('POST', '/intake/care-reports', {
    token: 'dev-politie',
    body: given,
  });
  rerouted = other.body.signalId;
  await t.drain();
  const reroute = await t.api.request('POST', `/signals/${rerouted}/reroute`, {
    token: 'dev-bt-sociaal-overvecht',
    body: { teamId: 'veilig-thuis', reason: 'Mevrouw vertelde over geweld thuis.' },
  });
  expect(reroute.status).toBe(200);
});

afterAll(async () => {
  await t?.stop();
});

describe('the Veilig Thuis home: its forwards (issue 15, C2)', () => {
  it('status=forwarded lists the forwards only; open lists them beside what was re-routed there', async () => {
    expect(await tab('forwarded')).toEqual([
      expect.objectContaining({ signalId: forward, status: 'forwarded' }),
    ]);
    expect((await tab('open')).map((item) => [item.signalId, item.status]).sort()).toEqual(
      [
        [forward, 'forwarded'],
        [rerouted, 'open'],
      ].sort(),
    );
    expect(await tab('forwarded', VT_COORDINATOR)).toHaveLength(1);
  });

  it('another team cannot list them; a bad status names the four in Dutch', async () => {
    const other = await t.api.request('GET', '/teams/veilig-thuis/signals?status=forwarded', {
      token: 'dev-bt-sociaal-overvecht',
    });
    const bad = await t.api.request<Refusal>('GET', '/teams/veilig-thuis/signals?status=doorgezet', {
      token: VT,
    });

    expect(other.status).toBe(403);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([
      expect.objectContaining({
        field: 'status',
        message: "status moet 'open', 'overdue', 'closed' of 'forwarded' zijn.",
      }),
    ]);
  });
});

describe('taking a forward into handling: close with doorgezet-veilig-thuis (issue 15, C2, O1)', () => {
  it.each([
    ['a Buurtteam', 'dev-bt-sociaal-overvecht', 'doorgezet-veilig-thuis', 403, 'forbidden'],
    ['a manager', 'dev-manager-sociaal', 'doorgezet-veilig-thuis', 403, 'forbidden'],
    ['Veilig Thuis with another outcome', VT, 'vervolghulp', 422, 'forward-outcome-required'],
    [
      'Veilig Thuis with a niet-opgepakt outcome',
      VT,
      'niet-opgepakt-andere-reden',
      422,
      'forward-outcome-required',
    ],
    ['Veilig Thuis with an unknown code', VT, 'in-behandeling', 422, 'unknown-outcome'],
  ])('refused for %s', async (_who, token, outcome, status, code) => {
    const response = await t.api.request<Refusal>('POST', `/signals/${forward}/close`, {
      token,
      body: { outcome },
    });

    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
    if (code === 'forward-outcome-required') {
      expect(response.body.error.details).toEqual([
        {
          field: 'outcome',
          code,
          message:
            "Een doorgezette melding neemt Veilig Thuis in behandeling met de uitkomst 'doorgezet-veilig-thuis' (Doorgezet naar Veilig Thuis); een andere uitkomst kan hier niet.",
        },
      ]);
    }
  });

  it('Veilig Thuis: 200, closed, by Veilig Thuis, its level-3 escalation resolved; it leaves the open tabs', async () => {
    await setClock('2026-11-24T09:00:00+01:00');
    const before = await outbox(forward);
    const closed = await t.api.request<Record<string, unknown>>('POST', `/signals/${forward}/close`, {
      token: VT,
      body: { outcome: 'doorgezet-veilig-thuis' },
    });

    expect(before.map((item) => [item.level, item.recipient.role])).toEqual([[3, 'veilig-thuis']]);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      teamId: 'veilig-thuis',
      status: 'closed',
      outcome: 'doorgezet-veilig-thuis',
      closedAt: '2026-11-24T09:00:00+01:00',
      closedBy: {
        principalId: VT,
        role: 'team-member',
        scope: 'veilig-thuis',
        displayName: 'Medewerker buurtteam · Veilig Thuis',
      },
      contactAttempts: [],
      escalations: [
        {
          level: 3,
          at: '2026-11-23T10:00:00+01:00',
          recipient: { role: 'veilig-thuis', scope: 'veilig-thuis' },
          resolved: true,
          resolvedAt: '2026-11-24T09:00:00+01:00',
          resolvedThrough: 'closed',
        },
      ],
    });
    expect(await tab('forwarded')).toEqual([]);
    expect((await tab('open')).map((item) => item.signalId)).toEqual([rerouted]);
    expect(await tab('closed')).toEqual([expect.objectContaining({ signalId: forward, status: 'closed' })]);
    // C4: the police saw `afgerond` from the forward on; the outcome's partner feedback stays.
    const police = await t.api.request('GET', `/intake/care-reports/${violence.reportId}`, {
      token: 'dev-politie',
    });
    expect(police.body).toEqual({ reportId: violence.reportId, feedback: 'afgerond' });
  });

  it('twice is a 409; a contact attempt on it too', async () => {
    const again = await t.api.request<Refusal>('POST', `/signals/${forward}/close`, {
      token: VT,
      body: { outcome: 'doorgezet-veilig-thuis' },
    });
    const contact = await t.api.request('POST', `/signals/${forward}/contact-attempts`, {
      token: VT,
      body: { kind: 'telefoon', reached: true },
    });

    expect([again.status, again.body.error.code]).toEqual([409, 'signal-not-open']);
    expect(contact.status).toBe(409);
  });

  it('the signal re-routed to Veilig Thuis is no forward: the zero-contact rule applies to it', async () => {
    const response = await t.api.request<Refusal>('POST', `/signals/${rerouted}/close`, {
      token: VT,
      body: { outcome: 'doorgezet-veilig-thuis' },
    });

    expect([response.status, response.body.error.code]).toEqual([422, 'contact-attempt-required']);
  });
});

describe('the ladder and retention of a forward taken into handling (D4, P1)', () => {
  it('D4: weeks of sweeps later, nothing more was sent for it', async () => {
    await setClock('2026-12-14T09:00:00+01:00');
    await t.drain();

    expect((await outbox(forward)).map((item) => item.level)).toEqual([3]);
  });

  it('P1: kept until 6 months after receipt (reason forwarded), then purged with its deletion-log entry', async () => {
    const stored = (await t.scan()).find((item) => item.pk === `SIGNAL#${forward}` && item.sk === 'SIGNAL');
    expect(stored).toMatchObject({
      status: 'closed',
      closedFrom: 'forwarded',
      retentionReason: 'forwarded',
      expiresAt: Date.parse('2027-05-23T09:00:00Z') / 1000,
    });

    await setClock('2027-05-23T10:59:59+02:00');
    expect((await t.scan()).some((item) => item.pk === `SIGNAL#${forward}`)).toBe(true);
    await setClock('2027-05-23T11:00:00+02:00');
    const items = await t.scan();

    expect(items.filter((item) => item.pk === `SIGNAL#${forward}`)).toEqual([]);
    expect(items.find((item) => item.pk === `DELETED#${forward}`)).toMatchObject({
      signalId: forward,
      status: 'closed',
      closedAt: '2026-11-24T09:00:00+01:00',
      reason: 'forwarded',
      feedback: 'afgerond',
    });
  });
});
