import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClientOf } from '../../shared/adapters/aws-clients.ts';
import { TEAM_IDS } from '../../shared/domain/teams.ts';
import { readSample, sampleCareReports } from '../support/samples.ts';
import { capturedLogs } from './support/log-capture.ts';
import { startTestRuntime, type TestRuntime } from './support/test-runtime.ts';

// Acceptance: the four reports of ../shared/samples/care-reports.json, posted over HTTP to the local
// runtime (dynalite + local-aws-sqs, real SDK clients), against care-reports.expected.md.
const reports = sampleCareReports() as {
  reportId: string;
  summary: string;
  person: { surname: string; birthDate: string };
}[];
const [given, violence, refused, notAsked] = reports as [
  (typeof reports)[0],
  (typeof reports)[0],
  (typeof reports)[0],
  (typeof reports)[0],
];

let t: TestRuntime;
const signalIds: Record<string, string> = {};
let table: Record<string, unknown>[] = [];

async function scanTable(): Promise<Record<string, unknown>[]> {
  const client = documentClientOf(t.runtime.dynamodb);
  const result = await client.send(new ScanCommand({ TableName: t.runtime.tableName }));
  return result.Items ?? [];
}

beforeAll(async () => {
  t = await startTestRuntime();
  // Monday 23 November 2026, 10:00 in Utrecht: every due date below follows from this (D2).
  await t.setClock('2026-11-23T10:00:00+01:00');
  for (const report of reports) {
    const response = await t.api.request<{ signalId: string; status: string }>(
      'POST',
      '/intake/care-reports',
      {
        token: 'dev-politie',
        body: report,
      },
    );
    expect(response.status).toBe(202);
    expect(response.body.status).toBe('accepted');
    signalIds[report.reportId] = response.body.signalId;
  }
  await t.drain();
  table = await scanTable();
});

afterAll(async () => {
  await t?.stop();
});

function itemsMentioning(text: string) {
  return table.filter((item) => JSON.stringify(item).includes(text));
}

describe('care-reports.expected.md', () => {
  it('the expectations file is the one these tests were written against', () => {
    const expected = readSample('care-reports.expected.md');
    for (const id of ['…456', '…457', '…458', '…459']) expect(expected).toContain(id);
  });

  it('…456: consent given, adult, psychisch dominant → Sociaal Overvecht, summary stored', async () => {
    const response = await t.api.request('GET', `/signals/${signalIds[given.reportId]}`, {
      token: 'dev-bt-sociaal-overvecht',
    });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      signalId: signalIds[given.reportId],
      teamId: 'bt-sociaal-overvecht',
      status: 'open',
      kind: 'zorgmelding',
      source: 'politie-utrecht',
      dominantProblem: 'psychisch',
      categories: ['psychisch', 'overlast'],
      routing: { rule: 'R5', explanation: expect.stringContaining('Buurtteam Sociaal Overvecht') },
      consent: 'given',
      summary: given.summary,
      person: { displayName: 'A. Jansen', surname: 'Jansen', birthDate: '1971-02-03' },
      address: { postcode: '3561AB', houseNumber: 4 },
      receivedAt: '2026-11-23T10:00:00+01:00',
      dueDate: '2026-11-30',
      deadlineAt: '2026-11-30T23:59:59+01:00',
      overdue: false,
      escalationLevel: 0,
      escalations: [],
      contactAttempts: [],
      flags: [],
    });
  });

  it('…457: domestic violence → Veilig Thuis at once (escalation level 3), whatever the refused consent', async () => {
    const response = await t.api.request('GET', `/signals/${signalIds[violence.reportId]}`, {
      token: 'dev-veilig-thuis',
    });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      teamId: 'veilig-thuis',
      status: 'forwarded',
      outcome: 'doorgezet-veilig-thuis',
      routing: { rule: 'R1' },
      escalationLevel: 3,
      escalations: [
        {
          level: 3,
          at: '2026-11-23T10:00:00+01:00',
          recipient: { role: 'veilig-thuis', scope: 'veilig-thuis' },
        },
      ],
    });
    const feedback = await t.api.request('GET', `/intake/care-reports/${violence.reportId}`, {
      token: 'dev-politie',
    });
    expect(feedback.body).toEqual({ reportId: violence.reportId, feedback: 'afgerond' });
  });

  it('…458: consent refused, no safety issue → not routed, niet-opgepakt-geen-toestemming, only the receipt kept', async () => {
    const asAdmin = await t.api.request('GET', `/signals/${signalIds[refused.reportId]}`, {
      token: 'dev-admin',
    });
    expect(asAdmin.status).toBe(404);

    // The receipt, and the police's own list of what they sent (issue 15, "Mijn meldingen"):
    // ids and times only, nothing about the person.
    const kept = itemsMentioning(refused.reportId);
    expect(kept.map((item) => item.type).sort()).toEqual(['care-report-listing', 'care-report-receipt']);
    expect(kept.find((item) => item.type === 'care-report-receipt')).toMatchObject({
      outcome: 'niet-opgepakt-geen-toestemming',
    });
    expect(Object.keys(kept.find((item) => item.type === 'care-report-listing') ?? {}).sort()).toEqual([
      'pk',
      'receivedAt',
      'reportId',
      'reportedAt',
      'signalId',
      'sk',
      'source',
      'type',
    ]);
    for (const personal of [refused.person.surname, refused.person.birthDate, refused.summary, '3581AA']) {
      expect(itemsMentioning(personal), personal).toEqual([]);
    }
    const feedback = await t.api.request('GET', `/intake/care-reports/${refused.reportId}`, {
      token: 'dev-politie',
    });
    expect(feedback.body).toEqual({ reportId: refused.reportId, feedback: 'niet-opgepakt' });
  });

  it('…459: consent not asked; jeugdcriminaliteit is child-related → Jeugd & Gezin Noordwest; summary not stored', async () => {
    const response = await t.api.request<Record<string, unknown>>(
      'GET',
      `/signals/${signalIds[notAsked.reportId]}`,
      {
        token: 'dev-bt-jg-noordwest',
      },
    );

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      teamId: 'bt-jg-noordwest',
      status: 'open',
      routing: { rule: 'R4' },
      dominantProblem: 'jeugdcriminaliteit',
      consent: 'not-asked',
      person: { displayName: 'D. El Amrani', surname: 'El Amrani' },
    });
    expect(response.body).not.toHaveProperty('summary');
    expect(itemsMentioning(notAsked.summary)).toEqual([]);
    expect(itemsMentioning(notAsked.person.birthDate)).toEqual([]);
  });

  it('stored / not stored: signals for …456, …457, …459; a receipt for each; summaries only for …456 and …457', () => {
    const signalItems = table.filter((item) => item.type === 'signal');
    const receiptItems = table.filter((item) => item.type === 'care-report-receipt');

    expect(signalItems.map((item) => item.sourceReference).sort()).toEqual(
      [given.reportId, violence.reportId, notAsked.reportId].sort(),
    );
    expect(receiptItems.map((item) => item.reportId).sort()).toEqual(
      reports.map((report) => report.reportId).sort(),
    );
    expect(
      signalItems
        .filter((item) => item.summary)
        .map((item) => item.sourceReference)
        .sort(),
    ).toEqual([given.reportId, violence.reportId].sort());
    for (const receipt of receiptItems) {
      expect(Object.keys(receipt).sort()).toEqual(
        [
          'enqueued',
          'pk',
          'receivedAt',
          'reportId',
          'signalId',
          'sk',
          'source',
          'type',
          ...(receipt.outcome ? ['outcome'] : []),
        ].sort(),
      );
    }
  });

  it('inbox listing: each routed signal appears in exactly its own team inbox, with the list fields', async () => {
    const byTeam: Record<string, string[]> = {};
    for (const teamId of TEAM_IDS) {
      const response = await t.api.request<{ items: { signalId: string }[] }>(
        'GET',
        `/teams/${teamId}/signals`,
        {
          token: 'dev-admin',
        },
      );
      expect(response.status).toBe(200);
      if (response.body.items.length) byTeam[teamId] = response.body.items.map((item) => item.signalId);
    }
    expect(byTeam).toEqual({
      'bt-sociaal-overvecht': [signalIds[given.reportId]],
      'bt-jg-noordwest': [signalIds[notAsked.reportId]],
      'veilig-thuis': [signalIds[violence.reportId]],
    });

    const inbox = await t.api.request<{ items: Record<string, unknown>[] }>(
      'GET',
      '/teams/bt-sociaal-overvecht/signals',
      {
        token: 'dev-bt-sociaal-overvecht',
      },
    );
    expect(inbox.body.items[0]).toEqual({
      signalId: signalIds[given.reportId],
      source: 'politie-utrecht',
      kind: 'zorgmelding',
      receivedAt: '2026-11-23T10:00:00+01:00',
      dueDate: '2026-11-30',
      deadlineAt: '2026-11-30T23:59:59+01:00',
      overdue: false,
      // Issue 15: days left as the promise counts them (D1): Tue 24 … Mon 30 November, 5 working days.
      workingDaysLeft: 5,
      escalationLevel: 0,
      dominantProblem: 'psychisch',
      routing: { rule: 'R5', explanation: expect.any(String) },
      flags: [],
      person: { displayName: 'A. Jansen', birthYear: 1971 },
      address: { postcode: '3561AB', houseNumber: 4 },
      status: 'open',
    });
  });

  it('the same reportId again is a duplicate (200) with the same signalId, and creates nothing (I5)', async () => {
    // Counted just before: the reads above have added audit entries (P3) since `table` was taken.
    const before = (await scanTable()).length;
    const response = await t.api.request('POST', '/intake/care-reports', {
      token: 'dev-politie',
      body: given,
    });
    await t.drain();

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ signalId: signalIds[given.reportId], status: 'duplicate' });
    expect((await scanTable()).length).toBe(before);
  });

  it('feedback for the police: ontvangen until the team makes contact (C4)', async () => {
    const response = await t.api.request('GET', `/intake/care-reports/${given.reportId}`, {
      token: 'dev-politie',
    });

    expect(response.body).toEqual({ reportId: given.reportId, feedback: 'ontvangen' });
  });

  it('P2: the handlers logged, and none of the samples’ personal data is in the logs', () => {
    const logs = capturedLogs();

    expect(logs).toContain('Zorgmelding ontvangen');
    expect(logs).toContain('Signaal verwerkt');
    for (const report of reports) {
      for (const value of [report.person.surname, report.person.birthDate, report.summary]) {
        expect(logs).not.toContain(value);
      }
    }
  });
});
