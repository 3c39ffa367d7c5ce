import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCareReports, samplePersonalData } from '../support/samples.ts';
import { startTestRuntime, type TestRuntime } from './support/test-runtime.ts';

// Issue 6 acceptance 2, DESIGN P3: every read of a signal's personal data and every change is in
// the audit trail (who, role, when, action, signal id) — and the trail itself holds no personal data.
interface AuditList {
  items: {
    signalId: string;
    at: string;
    action: string;
    principal: { id: string; role: string; scope: string };
    who: { role: string; label: string };
    count: number;
    firstAt?: string;
  }[];
  cursor?: string;
}

const report = sampleCareReports()[0] as Record<string, unknown>; // → bt-sociaal-overvecht, with a summary
const TEAM = 'bt-sociaal-overvecht';
const COORDINATOR = `dev-coordinator-${TEAM}`;
let t: TestRuntime;
let signalId = '';

async function auditOf(id: string, token = COORDINATOR) {
  return t.api.request<AuditList>('GET', `/signals/${id}/audit`, { token });
}

async function auditItems(): Promise<Record<string, unknown>[]> {
  return (await t.scan()).filter((item) => String(item.pk).startsWith('AUDIT#'));
}

beforeAll(async () => {
  t = await startTestRuntime();
  await t.setClock('2026-11-23T10:00:00+01:00');
  const created = await t.api.request<{ signalId: string }>('POST', '/intake/care-reports', {
    token: 'dev-politie',
    body: report,
  });
  signalId = created.body.signalId;
  await t.drain();
});

afterAll(async () => {
  await t?.stop();
});

describe('audit trail (P3)', () => {
  it('routing alone leaves no entry: nobody has looked yet', async () => {
    expect((await auditOf(signalId)).body.items).toEqual([]);
  });

  it('reading a signal writes an entry: who, role, scope, when, action, signal id', async () => {
    await t.setClock('2026-11-24T09:15:00+01:00');
    const read = await t.api.request('GET', `/signals/${signalId}`, { token: `dev-${TEAM}` });
    expect(read.status).toBe(200);

    const audit = await auditOf(signalId);

    expect(audit.status).toBe(200);
    expect(audit.body.items).toEqual([
      {
        signalId,
        at: '2026-11-24T08:15:00.000Z',
        action: 'getSignal',
        principal: { id: `dev-${TEAM}`, role: 'team-member', scope: TEAM },
        // Issue 15: who in words; one stored entry.
        who: { role: 'team-member', label: 'Medewerker buurtteam · Buurtteam Sociaal Overvecht' },
        count: 1,
      },
    ]);
  });

  it('the stored entry holds no name, birth date, address, BSN or summary', async () => {
    const stored = await auditItems();

    expect(stored.length).toBeGreaterThan(0);
    const text = JSON.stringify(stored);
    for (const value of samplePersonalData()) expect(text).not.toContain(value);
    // And nothing beyond the five facts and the keys, so a new field cannot smuggle data in.
    for (const item of stored) {
      expect(Object.keys(item).sort()).toEqual(['action', 'at', 'pk', 'principal', 'signalId', 'sk', 'type']);
    }
  });

  it('a refused read (another team) writes nothing and shows nothing', async () => {
    const before = (await auditItems()).length;
    const refused = await t.api.request('GET', `/signals/${signalId}`, { token: 'dev-bt-jg-noordwest' });

    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).not.toContain('Jansen');
    expect((await auditItems()).length).toBe(before);
  });

  it('the inbox shows names and addresses, so listing a signal is an entry too', async () => {
    await t.api.request('GET', `/teams/${TEAM}/signals`, { token: 'dev-manager-sociaal' });

    const [latest] = (await auditOf(signalId)).body.items;

    expect(latest).toMatchObject({
      action: 'listTeamSignals',
      principal: { id: 'dev-manager-sociaal', role: 'manager' },
    });
  });

  it('every change is an entry: contact attempt, re-route, close — newest first', async () => {
    const member = `dev-${TEAM}`;
    await t.api.request('POST', `/signals/${signalId}/contact-attempts`, {
      token: member,
      body: { kind: 'telefoon', reached: false, note: 'Voicemail ingesproken bij mevrouw Jansen.' },
    });
    await t.api.request('POST', `/signals/${signalId}/reroute`, {
      token: COORDINATOR,
      body: { teamId: 'bt-sociaal-oost', reason: 'Mevrouw woont sinds kort in Oost.' },
    });
    await t.api.request('POST', `/signals/${signalId}/close`, {
      token: 'dev-bt-sociaal-oost',
      body: { outcome: 'advies-quick-fix' },
    });

    // The signal is now Oost's: its coordinator reads the trail, Overvecht's no longer may.
    const audit = await auditOf(signalId, 'dev-coordinator-bt-sociaal-oost');
    expect((await auditOf(signalId)).status).toBe(403);

    expect(audit.body.items.map((item) => [item.action, item.principal.id])).toEqual([
      ['closeSignal', 'dev-bt-sociaal-oost'],
      ['rerouteSignal', COORDINATOR],
      ['recordContactAttempt', member],
      ['listTeamSignals', 'dev-manager-sociaal'],
      ['getSignal', member],
    ]);
    // The note and the reason are on the signal, never in the trail.
    expect(JSON.stringify(await auditItems())).not.toMatch(/Voicemail|Jansen|Oost\./);
  });

  it('pages newest first with a cursor', async () => {
    const first = await t.api.request<AuditList>('GET', `/signals/${signalId}/audit?limit=2`, {
      token: 'dev-admin',
    });
    const second = await t.api.request<AuditList>(
      'GET',
      `/signals/${signalId}/audit?limit=10&cursor=${first.body.cursor}`,
      { token: 'dev-admin' },
    );

    expect(first.body.items.map((item) => item.action)).toEqual(['closeSignal', 'rerouteSignal']);
    expect(second.body.items.map((item) => item.action)).toEqual([
      'recordContactAttempt',
      'listTeamSignals',
      'getSignal',
    ]);
    expect(second.body.cursor).toBeUndefined();
  });

  it('a cursor from somewhere else is a 400, not a 500', async () => {
    const response = await t.api.request('GET', `/signals/${signalId}/audit?cursor=bm9wZQ`, {
      token: 'dev-admin',
    });
    expect(response).toMatchObject({ status: 400, body: { error: { code: 'invalid-cursor' } } });
  });
});

describe('the trail as people read it (issue 15, P3)', () => {
  let seenSignal = '';
  const MEMBER = `dev-${TEAM}`;
  const inbox = async (at: string) => {
    await t.setClock(at);
    const response = await t.api.request('GET', `/teams/${TEAM}/signals`, { token: MEMBER });
    expect(response.status).toBe(200);
  };

  beforeAll(async () => {
    await t.setClock('2026-11-25T09:00:00+01:00');
    const created = await t.api.request<{ signalId: string }>('POST', '/intake/care-reports', {
      token: 'dev-politie',
      body: { ...report, reportId: 'PL-AUDIT-VISITS' },
    });
    seenSignal = created.body.signalId;
    await t.drain();
    // One visit: the inbox at 10:00, 10:10 and 10:35; after 35 minutes without a look, a new one.
    for (const at of ['10:00', '10:10', '10:35', '11:10']) await inbox(`2026-11-25T${at}:00+01:00`);
    await t.api.request('GET', `/signals/${seenSignal}`, { token: MEMBER });
  });

  it('inbox views within 30 minutes of each other are one entry with a count; who is in words', async () => {
    const audit = await auditOf(seenSignal);
    const who = { role: 'team-member', label: 'Medewerker buurtteam · Buurtteam Sociaal Overvecht' };
    const principal = { id: MEMBER, role: 'team-member', scope: TEAM };

    expect(audit.body.items).toEqual([
      { signalId: seenSignal, at: '2026-11-25T10:10:00.000Z', action: 'getSignal', principal, who, count: 1 },
      {
        signalId: seenSignal,
        at: '2026-11-25T10:10:00.000Z',
        action: 'listTeamSignals',
        principal,
        who,
        count: 1,
      },
      {
        signalId: seenSignal,
        at: '2026-11-25T09:35:00.000Z',
        action: 'listTeamSignals',
        principal,
        who,
        count: 3,
        firstAt: '2026-11-25T09:00:00.000Z',
      },
    ]);
    // The stored trail is untouched: one entry per view (P3); only the answer folds.
    expect((await auditItems()).filter((item) => item.signalId === seenSignal)).toHaveLength(5);
  });
});
