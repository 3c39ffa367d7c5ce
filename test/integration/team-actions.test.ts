import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClientOf } from '../../shared/adapters/aws-clients.ts';
import { dynamoSignalRepository } from '../../shared/adapters/dynamodb-signal-repository.ts';
import { careReportSchema } from '../../shared/api/care-report-schemas.ts';
import { careReportToSignal } from '../../shared/domain/care-report.ts';
import { municipalCalendar } from '../../shared/domain/municipal-calendar.ts';
import type { Signal } from '../../shared/domain/signal.ts';
import { sampleCareReports } from '../support/samples.ts';
import { startTestRuntime, type TestRuntime } from './support/test-runtime.ts';

// Issue 4 acceptance 4–6: the sweep reads only what is due, reroute and close per API.md, and the
// first-contact KPI on a hand-computed data set with its role scopes.
let t: TestRuntime;
const base = sampleCareReports()[0] as Record<string, unknown>; // → bt-sociaal-overvecht
const TEAM = 'bt-sociaal-overvecht';
const member = `dev-${TEAM}`;

async function report(reportId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await t.api.request<{ signalId: string }>('POST', '/intake/care-reports', {
    token: 'dev-politie',
    body: { ...base, ...overrides, reportId },
  });
  expect(response.status).toBe(202);
  await t.drain();
  return response.body.signalId;
}

beforeAll(async () => {
  t = await startTestRuntime();
});

afterAll(async () => {
  await t?.stop();
});

describe('reroute and close (API.md, DESIGN O1)', () => {
  let signalId = '';

  beforeAll(async () => {
    await t.setClock('2026-11-23T10:00:00+01:00');
    signalId = await report('PL-TEAM-1');
  });

  it('reroute: another team, deadline unchanged, routing history kept, household follows', async () => {
    const response = await t.api.request<Signal & { overdue: boolean }>(
      'POST',
      `/signals/${signalId}/reroute`,
      {
        token: member,
        body: { teamId: 'bt-jg-overvecht', reason: 'In het gesprek bleek de opvoeding de hoofdzorg.' },
      },
    );

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      teamId: 'bt-jg-overvecht',
      dueDate: '2026-11-30',
      deadlineAt: '2026-11-30T23:59:59+01:00',
      routing: { rule: 'reroute', explanation: expect.stringContaining('opvoeding de hoofdzorg') },
    });
    expect(response.body.routingHistory.map((step) => [step.teamId, step.rule, step.by])).toEqual([
      [TEAM, 'R5', undefined],
      ['bt-jg-overvecht', 'reroute', member],
    ]);
    const oldInbox = await t.api.request<{ items: { signalId: string }[] }>('GET', `/teams/${TEAM}/signals`, {
      token: member,
    });
    const newInbox = await t.api.request<{ items: { signalId: string }[] }>(
      'GET',
      '/teams/bt-jg-overvecht/signals',
      {
        token: 'dev-bt-jg-overvecht',
      },
    );
    expect(oldInbox.body.items.map((item) => item.signalId)).not.toContain(signalId);
    expect(newInbox.body.items.map((item) => item.signalId)).toContain(signalId);
    // M3: the next signal of this household joins the new team's case.
    const next = await report('PL-TEAM-1b');
    const joined = await t.api.request<Signal>('GET', `/signals/${next}`, { token: 'dev-admin' });
    expect(joined.body).toMatchObject({
      teamId: 'bt-jg-overvecht',
      routing: { rule: 'R2' },
      caseId: signalId,
    });
  });

  it.each([
    [
      'the old team can no longer act on it',
      member,
      { teamId: 'bt-sociaal-oost', reason: 'Verkeerd team.' },
      403,
      'forbidden',
    ],
    [
      'an unknown team',
      'dev-bt-jg-overvecht',
      { teamId: 'bt-nergens', reason: 'Test van fout.' },
      422,
      'unknown-team',
    ],
    [
      'the same team',
      'dev-bt-jg-overvecht',
      { teamId: 'bt-jg-overvecht', reason: 'Test van fout.' },
      422,
      'same-team',
    ],
    ['no reason', 'dev-bt-jg-overvecht', { teamId: 'bt-sociaal-oost' }, 422, 'validation-failed'],
  ])('reroute refuses %s', async (_name, token, body, status, code) => {
    const response = await t.api.request<{ error: { code: string } }>(
      'POST',
      `/signals/${signalId}/reroute`,
      { token, body },
    );

    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
  });

  it('close: an unknown outcome code is a 422; another team’s signal a 403; contact on it a 403', async () => {
    const unknown = await t.api.request<{ error: { code: string; details: { field: string }[] } }>(
      'POST',
      `/signals/${signalId}/close`,
      { token: 'dev-bt-jg-overvecht', body: { outcome: 'opgelost' } },
    );
    const otherTeam = await t.api.request('POST', `/signals/${signalId}/close`, {
      token: 'dev-bt-jg-zuid',
      body: { outcome: 'al-bekend' },
    });
    const otherTeamContact = await t.api.request('POST', `/signals/${signalId}/contact-attempts`, {
      token: member,
      body: { kind: 'telefoon', reached: true },
    });
    const missing = await t.api.request('POST', '/signals/sig_bestaatniet/close', {
      token: member,
      body: { outcome: 'al-bekend' },
    });

    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({ code: 'unknown-outcome', details: [{ field: 'outcome' }] });
    expect(otherTeam.status).toBe(403);
    expect(otherTeamContact.status).toBe(403);
    expect(missing.status).toBe(404);
  });

  it('close with a DDAS code: closed, outcome kept, out of the open inbox, no escalation; closing again is a 409', async () => {
    // Issue 15: closing as picked up needs a contact attempt first, reached or not.
    const attempt = await t.api.request('POST', `/signals/${signalId}/contact-attempts`, {
      token: 'dev-bt-jg-overvecht',
      body: { kind: 'telefoon', reached: false },
    });
    expect(attempt.status).toBe(201);
    const closed = await t.api.request<Signal>('POST', `/signals/${signalId}/close`, {
      token: 'dev-coordinator-bt-jg-overvecht',
      body: { outcome: 'vervolghulp-niet-financieel' },
    });
    const again = await t.api.request<{ error: { code: string } }>('POST', `/signals/${signalId}/close`, {
      token: 'dev-bt-jg-overvecht',
      body: { outcome: 'al-bekend' },
    });
    const contactAfter = await t.api.request('POST', `/signals/${signalId}/contact-attempts`, {
      token: 'dev-bt-jg-overvecht',
      body: { kind: 'telefoon', reached: true },
    });
    const closedTab = await t.api.request<{ items: { signalId: string; status: string }[] }>(
      'GET',
      '/teams/bt-jg-overvecht/signals?status=closed',
      { token: 'dev-bt-jg-overvecht' },
    );
    await t.setClock('2026-12-15T10:00:00+01:00');

    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      status: 'closed',
      outcome: 'vervolghulp-niet-financieel',
      closedAt: '2026-11-23T10:00:00+01:00',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('signal-not-open');
    expect(contactAfter.status).toBe(409);
    expect(closedTab.body.items).toEqual([expect.objectContaining({ signalId, status: 'closed' })]);
    const afterDeadline = await t.api.request<Signal>('GET', `/signals/${signalId}`, { token: 'dev-admin' });
    expect(afterDeadline.body.escalations).toEqual([]);
    const police = await t.api.request('GET', '/intake/care-reports/PL-TEAM-1', { token: 'dev-politie' });
    expect(police.body).toEqual({ reportId: 'PL-TEAM-1', feedback: 'afgerond' });
  });
});

describe('contact attempts (API.md, DESIGN D3)', () => {
  let signalId = '';
  let token = '';

  beforeAll(async () => {
    await t.setClock('2026-11-23T10:00:00+01:00');
    signalId = await report('PL-TEAM-2');
    const { body } = await t.api.request<Signal>('GET', `/signals/${signalId}`, { token: 'dev-admin' });
    token = `dev-${body.teamId}`;
    await t.setClock('2026-12-02T10:00:00+01:00');
  });

  it('an attempt 8 days before now is refused: 422 contact-too-old, on field at', async () => {
    const response = await t.api.request<{ error: { code: string; details: unknown[] } }>(
      'POST',
      `/signals/${signalId}/contact-attempts`,
      { token, body: { kind: 'telefoon', reached: true, at: '2026-11-24T10:00:00+01:00' } },
    );

    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({
      code: 'contact-too-old',
      details: [{ field: 'at', code: 'contact-too-old', message: expect.stringContaining('7 dagen') }],
    });
  });

  it('the signal keeps when an attempt happened and when it was recorded', async () => {
    const response = await t.api.request<Signal>('POST', `/signals/${signalId}/contact-attempts`, {
      token,
      body: { kind: 'telefoon', reached: true, at: '2026-11-30T09:00:00+01:00' },
    });
    const detail = await t.api.request<Signal>('GET', `/signals/${signalId}`, { token: 'dev-admin' });

    expect(response.status).toBe(201);
    for (const signal of [response.body, detail.body]) {
      expect(signal.contactAttempts).toEqual([
        expect.objectContaining({ at: '2026-11-30T09:00:00+01:00', recordedAt: '2026-12-02T10:00:00+01:00' }),
      ]);
    }
  });
});

describe('D5: the sweep reads only what is due', () => {
  it('10,000 open signals, 10 of them past their deadline: one sweep reads 10 index items', async () => {
    // Prepare: 10,000 signals written in batches straight into the table (the router would take a
    // while), 10 of them received long enough ago to be due.
    const repository = dynamoSignalRepository(documentClientOf(t.runtime.dynamodb), t.runtime.tableName);
    const report0 = careReportSchema.parse(base);
    const make = (index: number, receivedAt: string): Signal => {
      const result = careReportToSignal(report0, {
        signalId: `sig_bulk${String(index).padStart(6, '0')}`,
        source: 'politie-utrecht',
        receivedAt: new Date(receivedAt),
        calendar: municipalCalendar,
      });
      if (!result.routed) throw new Error('sample must route');
      return result.signal;
    };
    const signals = Array.from({ length: 10_000 }, (_, index) =>
      make(index, index < 10 ? '2027-03-01T10:00:00+01:00' : '2027-03-29T10:00:00+02:00'),
    );
    await repository.putNew(signals);
    await t.api.request('POST', '/_local/clock', {
      token: 'dev-admin',
      body: { now: '2027-03-02T00:00:00+01:00' },
    });

    const { due, itemsRead } = await repository.dueEscalations(new Date('2027-03-09T12:00:00+01:00'));

    console.log(
      `sweep over 10,000 open signals: ${itemsRead} index items read, ${due.length} escalations due`,
    );
    expect(due.filter((item) => item.signalId.startsWith('sig_bulk'))).toHaveLength(10);
    expect(itemsRead).toBe(due.length);
    expect(itemsRead).toBeLessThanOrEqual(12);
  }, 120_000);
});
