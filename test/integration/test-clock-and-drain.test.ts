import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCareReports } from '../support/samples.ts';
import { startTestRuntime, type TestRuntime } from './support/test-runtime.ts';

// API.md "Local runtime only": the test clock moves deadlines and `overdue`; /_local/drain returns
// only when the queues are empty and no handler runs.
const base = sampleCareReports()[0] as Record<string, unknown>; // consent given → Sociaal Overvecht
const report = (reportId: string) => ({ ...base, reportId });
const TEAM = 'bt-sociaal-overvecht';
const member = `dev-${TEAM}`;

interface Item {
  signalId: string;
  dueDate: string;
  deadlineAt: string;
  overdue: boolean;
}

let t: TestRuntime;
const ids: Record<string, string> = {};

async function submit(reportId: string): Promise<string> {
  const response = await t.api.request<{ signalId: string }>('POST', '/intake/care-reports', {
    token: 'dev-politie',
    body: report(reportId),
  });
  expect(response.status).toBe(202);
  return response.body.signalId;
}

async function inbox(
  status: 'open' | 'overdue' | 'closed',
  query = '',
): Promise<{ items: Item[]; cursor?: string }> {
  const response = await t.api.request<{ items: Item[]; cursor?: string }>(
    'GET',
    `/teams/${TEAM}/signals?status=${status}${query}`,
    { token: member },
  );
  expect(response.status).toBe(200);
  return response.body;
}

beforeAll(async () => {
  t = await startTestRuntime();
  // Received on Wednesday 23 December 2026: due Thursday 31 December (DESIGN D2 example).
  await t.setClock('2026-12-23T10:00:00+01:00');
  ids.christmas = await submit('PL-CLOCK-1');
  // Received on Monday 23 November 2026: due Monday 30 November.
  await t.setClock('2026-11-23T10:00:00+01:00');
  ids.november = await submit('PL-CLOCK-2');
  await t.drain();
});

afterAll(async () => {
  await t?.stop();
});

describe('test clock', () => {
  it('the receipt time comes from the test clock, so it fixes the due date (D2)', async () => {
    const { items } = await inbox('open');

    expect(items.map((item) => [item.signalId, item.dueDate, item.deadlineAt])).toEqual([
      [ids.november, '2026-11-30', '2026-11-30T23:59:59+01:00'],
      [ids.christmas, '2026-12-31', '2026-12-31T23:59:59+01:00'],
    ]);
  });

  it('nothing is overdue on the due date itself, late in the evening', async () => {
    await t.setClock('2026-11-30T23:30:00+01:00');

    expect((await inbox('overdue')).items).toEqual([]);
    expect((await inbox('open')).items.map((item) => item.overdue)).toEqual([false, false]);
  });

  it('after midnight the November signal is overdue, the Christmas one is not', async () => {
    await t.setClock('2026-12-01T00:00:01+01:00');

    expect((await inbox('overdue')).items.map((item) => item.signalId)).toEqual([ids.november]);
    expect((await inbox('open')).items.map((item) => [item.signalId, item.overdue])).toEqual([
      [ids.november, true],
      [ids.christmas, false],
    ]);
  });

  it('a reached contact takes the signal out of overdue but keeps it open, recorded as late (D3)', async () => {
    const response = await t.api.request('POST', `/signals/${ids.november}/contact-attempts`, {
      token: member,
      body: { kind: 'telefoon', reached: true },
    });

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      firstContactAt: '2026-12-01T00:00:01+01:00',
      firstContactInTime: false,
      overdue: false,
    });
    expect((await inbox('overdue')).items).toEqual([]);
    expect((await inbox('open')).items.map((item) => item.signalId)).toEqual([ids.november, ids.christmas]);
  });

  it('moving the clock into January makes the Christmas signal overdue', async () => {
    await t.setClock('2027-01-01T00:00:00+01:00');

    expect((await inbox('overdue')).items.map((item) => item.signalId)).toEqual([ids.christmas]);
  });

  it('GET /_local/clock shows the time to anyone (the web app shows it as a banner); only the admin may set it; bad input is a 422', async () => {
    const read = await t.api.request('GET', '/_local/clock', { token: 'dev-admin' });
    const readAnonymously = await t.api.request('GET', '/_local/clock');
    const readAsMember = await t.api.request('GET', '/_local/clock', { token: member });
    const noToken = await t.api.request('POST', '/_local/clock', { body: { now: '2027-01-01T00:00:00Z' } });
    const notAdmin = await t.api.request('POST', '/_local/clock', {
      token: member,
      body: { now: '2027-01-01T00:00:00Z' },
    });
    const invalid = await t.api.request('POST', '/_local/clock', {
      token: 'dev-admin',
      body: { now: 'morgen' },
    });

    expect([read.status, read.body]).toEqual([200, { now: '2027-01-01T00:00:00+01:00', mode: 'frozen' }]);
    expect([readAnonymously.status, readAnonymously.body]).toEqual([200, read.body]);
    expect([readAsMember.status, readAsMember.body]).toEqual([200, read.body]);
    expect(noToken.status).toBe(401);
    expect(notAdmin.status).toBe(403);
    expect(invalid.status).toBe(422);
  });
});

describe('inbox paging', () => {
  it('pages with limit and cursor, in deadline order; a foreign cursor is a 400', async () => {
    const first = await inbox('open', '&limit=1');
    const second = await inbox('open', `&limit=1&cursor=${first.cursor}`);
    const foreign = await t.api.request('GET', `/teams/bt-jg-oost/signals?cursor=${first.cursor}`, {
      token: 'dev-admin',
    });
    const badLimit = await t.api.request('GET', `/teams/${TEAM}/signals?limit=0`, { token: member });

    expect(first.items.map((item) => item.signalId)).toEqual([ids.november]);
    expect(second.items.map((item) => item.signalId)).toEqual([ids.christmas]);
    expect(foreign.status).toBe(400);
    expect(foreign.body).toMatchObject({ error: { code: 'invalid-cursor' } });
    expect(badLimit.status).toBe(400);
  });
});

describe('/_local/drain', () => {
  it('returns only when every queue is empty and every signal is stored', async () => {
    await t.setClock('2027-01-04T09:00:00+01:00');
    const submitted = await Promise.all(
      Array.from({ length: 25 }, (_, index) => submit(`PL-DRAIN-${index}`)),
    );

    const processed = await t.drain();

    const { Attributes } = await t.runtime.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: t.runtime.queues.signals.url, AttributeNames: ['All'] }),
    );
    expect(Number(Attributes?.ApproximateNumberOfMessages)).toBe(0);
    expect(Number(Attributes?.ApproximateNumberOfMessagesNotVisible)).toBe(0);
    expect(processed).toBeLessThanOrEqual(25);
    const stored = await Promise.all(
      submitted.map((signalId) =>
        t.api.request('GET', `/signals/${signalId}`, { token: member }).then((r) => r.status),
      ),
    );
    expect(stored).toEqual(submitted.map(() => 200));
  });
});
