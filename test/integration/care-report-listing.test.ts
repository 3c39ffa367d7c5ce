import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClientOf } from '../../shared/adapters/aws-clients.ts';
import { dynamoCareReportListing } from '../../shared/adapters/dynamodb-care-report-listing.ts';
import { sampleCareReports, samplePersonalData } from '../support/samples.ts';
import { startTestRuntime, type TestRuntime } from './support/test-runtime.ts';

// Issue 15, build 4a — the police have a home: `GET /intake/care-reports` lists their own care
// reports, newest received first, paged, each with the feedback of `GET /intake/care-reports/{id}`
// (DESIGN C4) and nothing personal. P4: read under the caller's own partner key, never a Scan.
type Report = Record<string, unknown> & { reportId: string; reportedAt: string };
const [given, violence, refused, notAsked] = sampleCareReports() as [Report, Report, Report, Report];
const POLICE = 'dev-politie';
let t: TestRuntime;
const signalIds: Record<string, string> = {};

interface Listed {
  reportId: string;
  signalId: string;
  reportedAt: string;
  receivedAt: string;
  feedback: string;
}
interface Page {
  items: Listed[];
  cursor?: string;
  error?: { code: string };
}

async function list(query = ''): Promise<{ status: number; body: Page }> {
  return t.api.request<Page>('GET', `/intake/care-reports${query}`, { token: POLICE });
}

async function submit(report: Report, at: string) {
  await t.setClock(at);
  const response = await t.api.request<{ signalId: string; status: string }>('POST', '/intake/care-reports', {
    token: POLICE,
    body: report,
  });
  expect(response.status).toBe(202);
  signalIds[report.reportId] = response.body.signalId;
}

beforeAll(async () => {
  t = await startTestRuntime();
  await submit(given, '2026-11-23T10:00:00+01:00'); // → bt-sociaal-overvecht, nobody acts on it
  await submit(violence, '2026-11-23T10:05:00+01:00'); // → Veilig Thuis (C2): afgerond
  await submit(refused, '2026-11-23T10:10:00+01:00'); // consent refused: not routed, niet-opgepakt
  await submit(notAsked, '2026-11-23T10:15:00+01:00'); // → bt-jg-noordwest, contact attempt below
  await t.drain();
  const contact = await t.api.request('POST', `/signals/${signalIds[notAsked.reportId]}/contact-attempts`, {
    token: 'dev-bt-jg-noordwest',
    body: { kind: 'huisbezoek', reached: false },
  });
  expect(contact.status).toBe(201);
});

afterAll(async () => {
  await t?.stop();
});

describe('GET /intake/care-reports: the police’s own reports with feedback (issue 15, C4, P4)', () => {
  it('newest received first, each with its ids, both moments and feedback — and nothing else', async () => {
    const response = await list();

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      items: [
        {
          reportId: notAsked.reportId,
          signalId: signalIds[notAsked.reportId],
          reportedAt: notAsked.reportedAt,
          receivedAt: '2026-11-23T10:15:00+01:00',
          feedback: 'opgepakt',
        },
        {
          reportId: refused.reportId,
          signalId: signalIds[refused.reportId],
          reportedAt: refused.reportedAt,
          receivedAt: '2026-11-23T10:10:00+01:00',
          feedback: 'niet-opgepakt',
        },
        {
          reportId: violence.reportId,
          signalId: signalIds[violence.reportId],
          reportedAt: violence.reportedAt,
          receivedAt: '2026-11-23T10:05:00+01:00',
          feedback: 'afgerond',
        },
        {
          reportId: given.reportId,
          signalId: signalIds[given.reportId],
          reportedAt: given.reportedAt,
          receivedAt: '2026-11-23T10:00:00+01:00',
          feedback: 'ontvangen',
        },
      ],
    });
    const text = JSON.stringify(response.body);
    for (const value of samplePersonalData()) expect(text).not.toContain(value);
  });

  it('each feedback is the one GET /intake/care-reports/{reportId} gives', async () => {
    for (const item of (await list()).body.items) {
      const one = await t.api.request('GET', `/intake/care-reports/${item.reportId}`, { token: POLICE });
      expect(one.body).toEqual({ reportId: item.reportId, feedback: item.feedback });
    }
  });

  it('pages with limit and cursor, as the team inbox does', async () => {
    const first = await list('?limit=3');
    const second = await list(`?limit=3&cursor=${first.body.cursor}`);

    expect(first.body.items.map((item) => item.reportId)).toEqual([
      notAsked.reportId,
      refused.reportId,
      violence.reportId,
    ]);
    expect(first.body.cursor).toEqual(expect.any(String));
    expect(second.body.items.map((item) => item.reportId)).toEqual([given.reportId]);
    expect(second.body.cursor).toBeUndefined();
  });

  it.each([
    ['a cursor from another list', '?cursor=bm9wZQ', 'invalid-cursor'],
    ['limit 0', '?limit=0', 'invalid-query'],
    ['limit 101', '?limit=101', 'invalid-query'],
  ])('%s is a 400', async (_name, query, code) => {
    const response = await list(query);
    expect(response.status).toBe(400);
    expect(response.body.error?.code).toBe(code);
  });

  it('the same report sent again (duplicate, I5) is listed once', async () => {
    const again = await t.api.request<{ status: string }>('POST', '/intake/care-reports', {
      token: POLICE,
      body: given,
    });

    expect([again.status, again.body.status]).toEqual([200, 'duplicate']);
    expect((await list()).body.items.filter((item) => item.reportId === given.reportId)).toHaveLength(1);
  });

  it('P4: another police organisation’s reports are in its own partition, never in this list', async () => {
    const listing = dynamoCareReportListing(documentClientOf(t.runtime.dynamodb), t.runtime.tableName);
    await listing.add({
      source: 'politie-oost-nederland',
      reportId: 'PL0600-2026-000001',
      signalId: 'sig_elders',
      reportedAt: '2026-11-23T11:00:00+01:00',
      receivedAt: '2026-11-23T11:00:00+01:00',
    });

    const ids = (await list()).body.items.map((item) => item.reportId);

    expect(ids).toHaveLength(4);
    expect(ids).not.toContain('PL0600-2026-000001');
    expect((await listing.list('politie-oost-nederland', { limit: 10 })).items).toHaveLength(1);
  });

  it('the listing items hold no personal data and stay under 1 KB: one write unit per report', async () => {
    const items = (await t.scan()).filter((item) => item.type === 'care-report-listing');

    expect(items.filter((item) => item.source === 'politie-utrecht')).toHaveLength(4);
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual([
        'pk',
        'receivedAt',
        'reportId',
        'reportedAt',
        'signalId',
        'sk',
        'source',
        'type',
      ]);
      // DynamoDB bills a write per started KB of item (names and values); JSON overstates that.
      expect(Buffer.byteLength(JSON.stringify(item))).toBeLessThan(1024);
    }
    const text = JSON.stringify(items);
    for (const value of samplePersonalData()) expect(text).not.toContain(value);
  });

  it('after the purge (P1) the list keeps the feedback the deletion log remembers', async () => {
    // Six months after receipt: the report nobody picked up and the Veilig Thuis forward are deleted.
    await t.setClock('2027-05-24T10:00:00+02:00');
    const feedback = Object.fromEntries(
      (await list()).body.items.map((item) => [item.reportId, item.feedback]),
    );

    expect((await t.scan()).some((item) => item.pk === `SIGNAL#${signalIds[given.reportId]}`)).toBe(false);
    expect(feedback).toEqual({
      [given.reportId]: 'niet-opgepakt',
      [violence.reportId]: 'afgerond',
      [refused.reportId]: 'niet-opgepakt',
      [notAsked.reportId]: 'opgepakt',
    });
  });
});
