import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCareReports } from '../support/samples.ts';
import { startTestRuntime, type TestRuntime } from './support/test-runtime.ts';

// Issue 15, build 2 — the case record over HTTP: who closed a signal (closedBy, in words), the
// zero-contact rule on closing (DESIGN O1 with C4: only `niet opgepakt` without a contact attempt),
// and escalations that say whether they are resolved (D3, D4).
const base = sampleCareReports()[0] as Record<string, unknown>; // → bt-sociaal-overvecht, due Mon 30 Nov
const TEAM = 'bt-sociaal-overvecht';
const MEMBER = `dev-${TEAM}`;
const COORDINATOR = `dev-coordinator-${TEAM}`;
let t: TestRuntime;

interface Detail {
  status: string;
  outcome?: string;
  closedAt?: string;
  closedBy?: { principalId: string; role: string; scope: string; displayName: string };
  escalations: {
    level: number;
    at: string;
    resolved: boolean;
    resolvedAt?: string;
    resolvedThrough?: string;
  }[];
}
interface Refusal {
  error: { code: string; message: string; details?: { field: string; code: string; message: string }[] };
}

async function report(reportId: string): Promise<string> {
  const response = await t.api.request<{ signalId: string }>('POST', '/intake/care-reports', {
    token: 'dev-politie',
    body: { ...base, reportId },
  });
  expect(response.status).toBe(202);
  await t.drain();
  return response.body.signalId;
}

const detail = async (signalId: string) =>
  (await t.api.request<Detail>('GET', `/signals/${signalId}`, { token: MEMBER })).body;

async function contact(signalId: string, reached: boolean, at?: string) {
  const response = await t.api.request('POST', `/signals/${signalId}/contact-attempts`, {
    token: MEMBER,
    body: { kind: 'telefoon', reached, ...(at ? { at } : {}) },
  });
  expect(response.status).toBe(201);
}

beforeAll(async () => {
  t = await startTestRuntime();
  await t.setClock('2026-11-23T10:00:00+01:00');
});

afterAll(async () => {
  await t?.stop();
});

describe('closing without any contact attempt (issue 15, O1, C4)', () => {
  let signalId = '';

  beforeAll(async () => {
    signalId = await report('PL-RECORD-1');
  });

  it('as picked up (advies-quick-fix): 422 contact-attempt-required on outcome, in Dutch; nothing changes', async () => {
    const refused = await t.api.request<Refusal>('POST', `/signals/${signalId}/close`, {
      token: MEMBER,
      body: { outcome: 'advies-quick-fix' },
    });

    expect(refused.status).toBe(422);
    expect(refused.body.error).toEqual({
      code: 'contact-attempt-required',
      message:
        "Zonder contactpoging kan dit signaal alleen worden afgesloten als 'niet opgepakt' (kies een uitkomst 'Niet opgepakt: …'). Leg anders eerst een contactpoging vast.",
      details: [
        {
          field: 'outcome',
          code: 'contact-attempt-required',
          message: expect.stringContaining("alleen worden afgesloten als 'niet opgepakt'"),
        },
      ],
    });
    expect(await detail(signalId)).toMatchObject({ status: 'open' });
  });

  it('as niet opgepakt: 200, closedAt and closedBy with a readable name; the police see niet-opgepakt', async () => {
    await t.setClock('2026-11-24T11:30:00+01:00');
    const closed = await t.api.request<Detail>('POST', `/signals/${signalId}/close`, {
      token: COORDINATOR,
      body: { outcome: 'niet-opgepakt-andere-reden' },
    });
    const closedBy = {
      principalId: COORDINATOR,
      role: 'coordinator',
      scope: TEAM,
      displayName: 'Coördinator · Buurtteam Sociaal Overvecht',
    };

    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      status: 'closed',
      outcome: 'niet-opgepakt-andere-reden',
      closedAt: '2026-11-24T11:30:00+01:00',
      closedBy,
    });
    // The signal page says the same afterwards, to every reader of the team.
    expect(await detail(signalId)).toMatchObject({ closedAt: '2026-11-24T11:30:00+01:00', closedBy });
    expect(closed.body.closedBy?.displayName).not.toContain('dev-');
    const police = await t.api.request('GET', '/intake/care-reports/PL-RECORD-1', { token: 'dev-politie' });
    expect(police.body).toEqual({ reportId: 'PL-RECORD-1', feedback: 'niet-opgepakt' });
  });

  it('after one contact attempt, even an unanswered one, any outcome closes it', async () => {
    await t.setClock('2026-11-23T10:00:00+01:00');
    const other = await report('PL-RECORD-2');
    await contact(other, false);

    const closed = await t.api.request<Detail>('POST', `/signals/${other}/close`, {
      token: MEMBER,
      body: { outcome: 'definitief-geen-contact' },
    });

    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      status: 'closed',
      outcome: 'definitief-geen-contact',
      closedBy: { principalId: MEMBER, displayName: 'Medewerker buurtteam · Buurtteam Sociaal Overvecht' },
    });
  });
});

describe('escalations say whether they are resolved (issue 15, D3, D4)', () => {
  let contacted = '';
  let closed = '';
  let waiting = '';

  beforeAll(async () => {
    await t.setClock('2026-11-23T10:00:00+01:00');
    contacted = await report('PL-RECORD-3');
    closed = await report('PL-RECORD-4');
    waiting = await report('PL-RECORD-5');
    // Tuesday 1 December: past the deadline (end of Monday 30 November) — level 1 for all three.
    await t.setClock('2026-12-01T09:00:00+01:00');
    await t.drain();
  });

  it('level 1 delivered, nobody reached yet: resolved false, no resolvedAt', async () => {
    for (const signalId of [contacted, closed, waiting]) {
      expect((await detail(signalId)).escalations).toEqual([
        {
          level: 1,
          at: expect.any(String),
          recipient: { role: 'coordinator', scope: TEAM },
          resolved: false,
        },
      ]);
    }
  });

  it('the first reached contact resolves it, at the contact’s own time; closing does, at closing', async () => {
    await t.setClock('2026-12-01T15:00:00+01:00');
    await contact(contacted, false, '2026-12-01T09:30:00+01:00');
    await contact(contacted, true, '2026-12-01T14:00:00+01:00');
    await contact(closed, false);
    const closing = await t.api.request('POST', `/signals/${closed}/close`, {
      token: MEMBER,
      body: { outcome: 'definitief-geen-contact' },
    });
    expect(closing.status).toBe(200);

    expect((await detail(contacted)).escalations).toEqual([
      expect.objectContaining({
        level: 1,
        resolved: true,
        resolvedAt: '2026-12-01T14:00:00+01:00',
        resolvedThrough: 'first-contact',
      }),
    ]);
    expect((await detail(closed)).escalations).toEqual([
      expect.objectContaining({
        level: 1,
        resolved: true,
        resolvedAt: '2026-12-01T15:00:00+01:00',
        resolvedThrough: 'closed',
      }),
    ]);
    expect((await detail(waiting)).escalations).toEqual([expect.objectContaining({ resolved: false })]);
  });

  it('the waiting one climbs to level 2 unresolved; the resolved ones stay at level 1 (D4)', async () => {
    // Level 2 two working days after the due date: after Wednesday 2 December.
    await t.setClock('2026-12-03T09:00:00+01:00');
    await t.drain();

    expect((await detail(waiting)).escalations.map((e) => [e.level, e.resolved])).toEqual([
      [1, false],
      [2, false],
    ]);
    expect((await detail(contacted)).escalations.map((e) => e.level)).toEqual([1]);
    expect((await detail(closed)).escalations.map((e) => e.level)).toEqual([1]);
  });
});
