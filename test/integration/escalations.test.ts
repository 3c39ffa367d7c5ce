import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SendMessageBatchCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClientOf } from '../../shared/adapters/aws-clients.ts';
import { dynamoEscalationStore } from '../../shared/adapters/dynamodb-escalation-store.ts';
import { sampleCareReports } from '../support/samples.ts';
import { capturedLogs } from './support/log-capture.ts';
import { startTestRuntime, type TestRuntime } from './support/test-runtime.ts';

// Issue 4 acceptance 1–3: the escalation ladder on the test clock, exactly once per level under
// duplicate messages and overlapping sweeps, and a failing notifier that ends in the DLQ and is
// delivered by the redrive once it works — all through dynalite + local-aws-sqs.
const run = promisify(execFile);
let t: TestRuntime;
const base = sampleCareReports()[0] as Record<string, unknown>; // → bt-sociaal-overvecht, due Mon 30 Nov
const TEAM = 'bt-sociaal-overvecht';

interface Escalation {
  signalId: string;
  level: number;
  at: string;
  recipient: { role: string; scope: string };
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

async function at(now: string): Promise<number> {
  const response = await t.api.request<{ escalated: number }>('POST', '/_local/clock', {
    token: 'dev-admin',
    body: { now },
  });
  expect(response.status).toBe(200);
  return response.body.escalated;
}

async function sweep(): Promise<number> {
  const response = await t.api.request<{ escalated: number }>('POST', '/_local/sweep', {
    token: 'dev-admin',
  });
  return response.body.escalated;
}

async function outbox(signalId: string) {
  const response = await t.api.request<{
    items: { signalId: string; level: number; recipient: { role: string } }[];
  }>('GET', '/_local/outbox', { token: 'dev-admin' });
  return response.body.items.filter((item) => item.signalId === signalId);
}

/** The escalate consumer's log lines about one signal, written since `offset`. */
function escalationLogs(offset: number, signalId: string) {
  return capturedLogs()
    .slice(offset)
    .split('\n')
    .filter((line) => line.startsWith('{') && line.includes('"Escalatie verwerkt"'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => entry.signalId === signalId);
}

async function escalationsOf(signalId: string): Promise<Escalation[]> {
  const response = await t.api.request<{ escalations: Escalation[]; escalationLevel: number }>(
    'GET',
    `/signals/${signalId}`,
    {
      token: 'dev-admin',
    },
  );
  return response.body.escalations;
}

beforeAll(async () => {
  t = await startTestRuntime();
});

afterAll(async () => {
  await t?.stop();
});

describe('D4 ladder for a signal received Monday 23 November 2026 (due Monday 30 November)', () => {
  let late = '';
  let contacted = '';
  let inTime = '';

  beforeAll(async () => {
    await at('2026-11-23T10:00:00+01:00');
    late = await report('PL-ESC-LATE');
    contacted = await report('PL-ESC-CONTACT');
    inTime = await report('PL-ESC-INTIME');
    await at('2026-11-27T11:00:00+01:00');
    const reached = await t.api.request('POST', `/signals/${inTime}/contact-attempts`, {
      token: `dev-${TEAM}`,
      body: { kind: 'huisbezoek', reached: true },
    });
    expect(reached.status).toBe(201);
  });

  it('is not escalated on Monday 30 November at 23:30', async () => {
    await at('2026-11-30T23:30:00+01:00');

    expect(await escalationsOf(late)).toEqual([]);
    expect(await outbox(late)).toEqual([]);
  });

  it('gets exactly one level-1 escalation to the coordinator after midnight, even after three sweeps', async () => {
    const logOffset = capturedLogs().length;
    await at('2026-12-01T00:00:01+01:00');
    await sweep();
    await sweep();
    await sweep();

    expect(await escalationsOf(late)).toEqual([
      // Issue 15: the signal page also says whether it is resolved (not yet: nobody reached).
      {
        level: 1,
        at: '2026-12-01T00:00:01+01:00',
        recipient: { role: 'coordinator', scope: TEAM },
        resolved: false,
      },
    ]);
    expect((await outbox(late)).map((item) => [item.level, item.recipient.role])).toEqual([
      [1, 'coordinator'],
    ]);
    // Powertools reserves the key `level` for the log level: the escalation's level has its own key.
    expect(escalationLogs(logOffset, late)).toContainEqual(
      expect.objectContaining({ level: 'INFO', escalationLevel: 1, result: 'escalated' }),
    );
  });

  it('level 2 (to the manager) comes only after two more working days', async () => {
    await at('2026-12-02T23:59:00+01:00');
    expect((await escalationsOf(late)).map((escalation) => escalation.level)).toEqual([1]);

    await at('2026-12-03T00:00:01+01:00');
    expect(await escalationsOf(late)).toEqual([
      expect.objectContaining({ level: 1 }),
      {
        level: 2,
        at: '2026-12-03T00:00:01+01:00',
        recipient: { role: 'manager', scope: 'sociaal' },
        resolved: false,
      },
    ]);
  });

  it('a reached contact stops the ladder: no level 3 for it, while the other one still climbs', async () => {
    const reached = await t.api.request('POST', `/signals/${contacted}/contact-attempts`, {
      token: `dev-coordinator-${TEAM}`,
      body: { kind: 'telefoon', reached: true },
    });
    expect(reached.status).toBe(201);

    await at('2026-12-08T00:00:01+01:00');

    expect((await escalationsOf(contacted)).map((escalation) => escalation.level)).toEqual([1, 2]);
    expect((await escalationsOf(late)).map((escalation) => escalation.level)).toEqual([1, 2, 3]);
    expect((await escalationsOf(late))[2]?.recipient).toEqual({ role: 'municipality', scope: 'gemeente' });
    await at('2026-12-20T12:00:00+01:00');
    expect((await outbox(contacted)).map((item) => item.level).sort()).toEqual([1, 2]);
    expect((await outbox(late)).map((item) => item.level).sort()).toEqual([1, 2, 3]);
  });

  it('a signal contacted in time is never escalated, and counts as in time in the KPI', async () => {
    expect(await escalationsOf(inTime)).toEqual([]);
    expect(await outbox(inTime)).toEqual([]);

    const kpi = await t.api.request<{
      teams: {
        teamId: string;
        due: number;
        contactedInTime: number;
        contactedLate: number;
        openOverdue: number;
      }[];
    }>('GET', `/metrics/first-contact?from=2026-11-30&to=2026-11-30&teamId=${TEAM}`, {
      token: `dev-coordinator-${TEAM}`,
    });
    expect(kpi.body.teams).toEqual([
      expect.objectContaining({
        teamId: TEAM,
        due: 3,
        contactedInTime: 1,
        contactedLate: 1,
        openOverdue: 1,
        percentInTime: 33.3,
      }),
    ]);
  });

  it('the team sees its escalations, newest first', async () => {
    const response = await t.api.request<{ items: Escalation[] }>('GET', `/teams/${TEAM}/escalations`, {
      token: `dev-coordinator-${TEAM}`,
    });

    const items = response.body.items;
    // Escalations of the same moment may come in either order; across moments, newest first.
    expect(items.map((item) => Date.parse(item.at))).toEqual(
      items.map((item) => Date.parse(item.at)).sort((a, b) => b - a),
    );
    expect(items.map((item) => `${item.signalId}:${item.level}`).sort()).toEqual(
      [`${late}:3`, `${contacted}:2`, `${late}:2`, `${contacted}:1`, `${late}:1`].sort(),
    );
    expect(items[0]).toMatchObject({ signalId: late, level: 3 });
  });

  it('pages with a cursor; a garbled cursor or another team’s is 400 invalid-cursor, never a 500', async () => {
    const token = `dev-coordinator-${TEAM}`;
    const first = await t.api.request<{ items: Escalation[]; cursor?: string }>(
      'GET',
      `/teams/${TEAM}/escalations?limit=2`,
      { token },
    );
    const rest = await t.api.request<{ items: Escalation[] }>(
      'GET',
      `/teams/${TEAM}/escalations?limit=50&cursor=${encodeURIComponent(first.body.cursor ?? '')}`,
      { token },
    );
    expect(first.body.items).toHaveLength(2);
    expect([...first.body.items, ...rest.body.items]).toHaveLength(5);

    const foreign = Buffer.from(
      JSON.stringify({ pk: 'x', sk: 'y', inboxPk: 'TEAM#other', inboxSk: 'z' }),
    ).toString('base64url');
    for (const cursor of ['niet-een-cursor', '%%%', foreign]) {
      const response = await t.api.request(
        'GET',
        `/teams/${TEAM}/escalations?cursor=${encodeURIComponent(cursor)}`,
        {
          token,
        },
      );
      expect(response, cursor).toMatchObject({ status: 400, body: { error: { code: 'invalid-cursor' } } });
    }
  });
});

describe('exactly once under duplicates (D4)', () => {
  it('the same escalation message delivered twice and overlapping sweeps: one escalation, one notification', async () => {
    await at('2027-01-04T10:00:00+01:00');
    const signalId = await report('PL-ESC-DUP'); // due Monday 11 January 2027
    await t.api.request('POST', '/_local/clock', {
      token: 'dev-admin',
      body: { now: '2027-01-12T08:00:00+01:00' },
    });
    const message = JSON.stringify({ type: 'escalation', signalId, level: 1 });

    await Promise.all([
      t.runtime.sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: t.runtime.queues.escalations.url,
          Entries: [
            { Id: 'a', MessageBody: message },
            { Id: 'b', MessageBody: message },
          ],
        }),
      ),
      sweep(),
      sweep(),
      t.runtime.sqs.send(
        new SendMessageCommand({ QueueUrl: t.runtime.queues.escalations.url, MessageBody: message }),
      ),
    ]);
    await sweep();

    expect((await escalationsOf(signalId)).map((escalation) => escalation.level)).toEqual([1]);
    expect(await outbox(signalId)).toHaveLength(1);
    // Stop its ladder here, so the next test sees only its own escalation.
    await t.api.request('POST', `/signals/${signalId}/contact-attempts`, {
      token: `dev-${TEAM}`,
      body: { kind: 'telefoon', reached: true },
    });
  });
});

describe('a failing notifier (D4: retried, DLQ, never lost; redrive delivers)', () => {
  it('retries, lands in the DLQ after maxReceiveCount without being marked delivered, and the redrive delivers it once', async () => {
    await at('2027-02-01T10:00:00+01:00');
    const signalId = await report('PL-ESC-OUTAGE'); // due Monday 8 February 2027
    await t.api.request('POST', '/_local/notifier', { token: 'dev-admin', body: { outage: true } });

    await at('2027-02-09T09:00:00+01:00'); // sweeps, and drains until the message is in the DLQ

    const store = dynamoEscalationStore(documentClientOf(t.runtime.dynamodb), t.runtime.tableName);
    expect(await escalationsOf(signalId)).toEqual([]);
    expect(await outbox(signalId)).toEqual([]);
    expect(await store.get(signalId, 1)).toEqual({ state: 'pending' });

    await t.api.request('POST', '/_local/notifier', { token: 'dev-admin', body: { outage: false } });
    // `npm run redrive`, as an operator would run it, finding this runtime through runtime.json.
    writeFileSync(join(t.dataDir, 'runtime.json'), JSON.stringify({ sqs: t.runtime.endpoints.sqs }));
    const { stdout } = await run(process.execPath, ['scripts/redrive.ts'], {
      env: { ...process.env, DATA_DIR: t.dataDir },
    });
    await t.drain();

    expect(stdout).toContain('escalations: 1 bericht(en) uit de DLQ teruggezet');
    expect(stdout).toContain('signals: 0 bericht(en) uit de DLQ teruggezet');
    expect((await escalationsOf(signalId)).map((escalation) => escalation.level)).toEqual([1]);
    expect(await outbox(signalId)).toHaveLength(1);
    expect(await store.get(signalId, 1)).toEqual({ state: 'delivered' });
  });
});

describe('escalation logs (DESIGN C2, D4)', () => {
  it('a Veilig Thuis forward is logged as escalated at escalationLevel 3, next to the log level', async () => {
    await at('2027-03-01T10:00:00+01:00');
    const logOffset = capturedLogs().length;
    const response = await t.api.request<{ signalId: string }>('POST', '/intake/care-reports', {
      token: 'dev-politie',
      body: {
        ...base,
        reportId: 'PL-ESC-VT',
        safety: { acuteUnsafety: false, domesticViolence: true, childUnsafety: false },
      },
    });
    await t.drain();

    expect(response.status).toBe(202);
    expect(escalationLogs(logOffset, response.body.signalId)).toEqual([
      expect.objectContaining({ level: 'INFO', escalationLevel: 3, result: 'escalated' }),
    ]);
  });
});
