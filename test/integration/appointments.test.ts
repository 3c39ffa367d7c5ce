import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCareReports } from '../support/samples.ts';
import { startTestRuntime, type TestRuntime } from './support/test-runtime.ts';

// Issue 17 acceptance 1 (first part: the API and the ladder, DESIGN A1/A2, D4/D5) on the test
// clock, through dynalite + local-aws-sqs: a care report received Monday 23 November 2026 10:00 is
// due Monday 30 November (sample …456 → Buurtteam Sociaal Overvecht; its household is given, so
// the BRP plays no part).

let t: TestRuntime;
const base = sampleCareReports()[0] as Record<string, unknown>;
const WORKER = 'dev-bt-sociaal-overvecht';

type Detail = {
  escalationLevel: number;
  escalations: { level: number }[];
  appointments: { appointmentId: string; status: string; opVerzoekInwoner: boolean }[];
  nextAppointmentAt?: string;
  contactAttempts: { kind: string; reached: boolean; at: string }[];
  firstContactAt?: string;
  firstContactInTime?: boolean;
};

async function report(reportId: string): Promise<string> {
  const response = await t.api.request<{ signalId: string }>('POST', '/intake/care-reports', {
    token: 'dev-politie',
    body: { ...base, reportId },
  });
  expect(response.status).toBe(202);
  await t.drain();
  return response.body.signalId;
}

async function plan(signalId: string, startsAt: string, opVerzoekInwoner: boolean) {
  const response = await t.api.request<Detail>('POST', `/signals/${signalId}/appointments`, {
    token: WORKER,
    body: { startsAt, place: 'thuis', opVerzoekInwoner },
  });
  expect(response.status).toBe(201);
  return response.body;
}

async function end(signalId: string, appointmentId: string | undefined, status: string) {
  return t.api.request<Detail>('POST', `/signals/${signalId}/appointments/${appointmentId}`, {
    token: WORKER,
    body: { status },
  });
}

const detail = async (signalId: string) =>
  (await t.api.request<Detail>('GET', `/signals/${signalId}`, { token: WORKER })).body;

async function outboxLevels(signalId: string): Promise<number[]> {
  const response = await t.api.request<{ items: { signalId: string; level: number }[] }>(
    'GET',
    '/_local/outbox',
    {
      token: 'dev-admin',
    },
  );
  return response.body.items
    .filter((item) => item.signalId === signalId)
    .map((item) => item.level)
    .sort();
}

/** Escalation messages for (signal, level) straight onto the queue, `copies` of them in one batch. */
async function escalationMessages(signalId: string, level: number, copies: number) {
  const message = JSON.stringify({ type: 'escalation', signalId, level });
  await t.runtime.sqs.send(
    new SendMessageBatchCommand({
      QueueUrl: t.runtime.queues.escalations.url,
      Entries: Array.from({ length: copies }, (_, index) => ({ Id: `copy-${index}`, MessageBody: message })),
    }),
  );
}

const sweep = () => t.api.request('POST', '/_local/sweep', { token: 'dev-admin' });

let ownRequest: string;
let teamChoseLate: string;
let held: string;
/** Paused like ownRequest, and hit by duplicate escalation messages sent straight to the queue. */
let duplicated: string;

beforeAll(async () => {
  t = await startTestRuntime();
  await t.setClock('2026-11-23T10:00:00+01:00');
  ownRequest = await report('PL0900-2026-900001');
  teamChoseLate = await report('PL0900-2026-900002');
  held = await report('PL0900-2026-900003');
  duplicated = await report('PL0900-2026-900004');
  await t.setClock('2026-11-24T09:00:00+01:00');
});

afterAll(async () => {
  await t?.stop();
});

describe('A1: planning and ending the first conversation over HTTP', () => {
  it('plans an appointment: the signal lists it and shows it as the next one', async () => {
    const planned = await plan(ownRequest, '2026-12-03T14:00:00+01:00', true);

    expect(planned.appointments).toEqual([
      expect.objectContaining({ status: 'gepland', opVerzoekInwoner: true }),
    ]);
    expect(planned.nextAppointmentAt).toBe('2026-12-03T14:00:00+01:00');
  });

  it('refuses a second while one stands (409), and bad input with Dutch field errors (400/422)', async () => {
    const again = await t.api.request('POST', `/signals/${ownRequest}/appointments`, {
      token: WORKER,
      body: { startsAt: '2026-12-04T14:00:00+01:00', place: 'thuis', opVerzoekInwoner: true },
    });
    const bad = await t.api.request<{ error: { details: { field: string }[] } }>(
      'POST',
      `/signals/${ownRequest}/appointments`,
      { token: WORKER, body: { startsAt: 'morgen', place: 'kantoor' } },
    );

    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'appointment-already-planned' } });
    expect([400, 422]).toContain(bad.status);
    expect(bad.body.error.details.map((problem) => problem.field).sort()).toEqual(
      ['opVerzoekInwoner', 'place', 'startsAt'].sort(),
    );
  });

  it('a held appointment is the first contact (afspraak op locatie, in time); it is audited', async () => {
    const planned = await plan(held, '2026-11-26T14:00:00+01:00', false);
    await t.setClock('2026-11-26T16:00:00+01:00');

    const response = await end(held, planned.appointments[0]?.appointmentId, 'gehouden');

    expect(response.status).toBe(200);
    expect(response.body.contactAttempts).toEqual([
      expect.objectContaining({
        kind: 'afspraak-op-locatie',
        reached: true,
        at: '2026-11-26T14:00:00+01:00',
      }),
    ]);
    expect(response.body).toMatchObject({
      firstContactAt: '2026-11-26T14:00:00+01:00',
      firstContactInTime: true,
    });
    const audit = await t.api.request<{ items: { action: string }[] }>('GET', `/signals/${held}/audit`, {
      token: 'dev-coordinator-bt-sociaal-overvecht',
    });
    expect(audit.body.items.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['planAppointment', 'recordAppointmentOutcome']),
    );
  });
});

type Calendar = { items: { signalId: string; startsAt: string; place: string; opVerzoekInwoner: boolean }[] };
type Kpi = { teams: { teamId: string; firstConversation: Record<string, unknown> }[] };
const TEAM = 'bt-sociaal-overvecht';

const calendar = (from: string, to: string, token = WORKER) =>
  t.api.request<Calendar>('GET', `/teams/${TEAM}/appointments?from=${from}&to=${to}`, { token });

async function a3(): Promise<Record<string, unknown> | undefined> {
  const response = await t.api.request<Kpi>(
    'GET',
    `/metrics/first-contact?from=2026-11-30&to=2026-11-30&teamId=${TEAM}`,
    { token: 'dev-coordinator-bt-sociaal-overvecht' },
  );
  expect(response.status).toBe(200);
  return response.body.teams[0]?.firstConversation;
}

describe('A1/A3: the inbox, the team calendar and the KPI (Thursday 26 November)', () => {
  it('the inbox shows the next appointment of the signal that has one', async () => {
    const inbox = await t.api.request<{ items: { signalId: string; nextAppointmentAt?: string }[] }>(
      'GET',
      `/teams/${TEAM}/signals?status=open`,
      { token: WORKER },
    );

    const next = new Map(inbox.body.items.map((item) => [item.signalId, item.nextAppointmentAt]));
    expect(next.get(ownRequest)).toBe('2026-12-03T14:00:00+01:00');
    expect(next.get(held)).toBeUndefined();
    expect(next.get(teamChoseLate)).toBeUndefined();
  });

  it('the team calendar lists the planned appointment on its day, first and last day included; it is audited', async () => {
    const week = await calendar('2026-11-30', '2026-12-06');
    const onItsDay = await calendar('2026-12-03', '2026-12-03');
    const dayBefore = await calendar('2026-11-23', '2026-12-02');
    const dayAfter = await calendar('2026-12-04', '2026-12-10');

    expect(week.status).toBe(200);
    expect(week.body.items).toEqual([
      expect.objectContaining({
        signalId: ownRequest,
        startsAt: '2026-12-03T14:00:00+01:00',
        place: 'thuis',
        opVerzoekInwoner: true,
      }),
    ]);
    expect(onItsDay.body.items.map((item) => item.signalId)).toEqual([ownRequest]);
    expect(dayBefore.body.items).toEqual([]);
    expect(dayAfter.body.items).toEqual([]);
    const audit = await t.api.request<{ items: { action: string }[] }>(
      'GET',
      `/signals/${ownRequest}/audit`,
      {
        token: 'dev-coordinator-bt-sociaal-overvecht',
      },
    );
    expect(audit.body.items.map((entry) => entry.action)).toContain('listTeamAppointments');
  });

  it('the calendar refuses another team (403), an unknown team (404) and a backward or too long period (400)', async () => {
    const otherTeam = await calendar('2026-11-30', '2026-12-06', 'dev-bt-jg-overvecht');
    const unknown = await t.api.request(
      'GET',
      '/teams/bt-nergens/appointments?from=2026-11-30&to=2026-12-06',
      {
        token: 'dev-admin',
      },
    );
    const backward = await calendar('2026-12-06', '2026-11-30');
    const tooLong = await calendar('2026-11-01', '2026-12-31');

    expect(otherTeam.status).toBe(403);
    expect(unknown.status).toBe(404);
    expect(backward.status).toBe(400);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toMatchObject({ error: { details: [expect.objectContaining({ field: 'to' })] } });
  });

  it('A3 for the week of 30 November: one held in time, one later at own request, two with nothing yet', async () => {
    expect(await a3()).toMatchObject({
      heldInTime: 1,
      laterAtOwnRequest: 1,
      contactInTime: 0,
      noneYet: 2,
      lateOtherwise: 0,
    });
  });
});

describe('A2: the ladder on the test clock', () => {
  it('Tuesday 1 December: paused by the resident’s own late appointment; the team’s own late choice escalates', async () => {
    await plan(teamChoseLate, '2026-12-03T14:00:00+01:00', false);
    await plan(duplicated, '2026-12-03T14:00:00+01:00', true);

    await t.setClock('2026-12-01T09:00:00+01:00');

    expect((await detail(ownRequest)).escalationLevel).toBe(0);
    expect(await outboxLevels(ownRequest)).toEqual([]);
    expect((await detail(teamChoseLate)).escalationLevel).toBe(1);
    expect(await outboxLevels(teamChoseLate)).toEqual([1]);
    // The held one made contact in time: nothing.
    expect(await outboxLevels(held)).toEqual([]);
  });

  it('a level-1 message still on the queue (sent twice) is not delivered while the pause stands', async () => {
    await escalationMessages(duplicated, 1, 3);
    await Promise.all([sweep(), sweep()]);
    await t.drain();

    expect(await outboxLevels(duplicated)).toEqual([]);
    expect((await detail(duplicated)).escalationLevel).toBe(0);
  });

  it('niet-verschenen on 3 December: resumes at level 1, then level 2 (due since 2 December) — each once, under overlapping sweeps', async () => {
    await t.setClock('2026-12-03T15:00:00+01:00');
    const { appointments } = await detail(ownRequest);

    const missed = await end(ownRequest, appointments[0]?.appointmentId, 'niet-verschenen');
    expect(missed.status).toBe(200);
    await Promise.all([sweep(), sweep(), sweep()]);
    await Promise.all([sweep(), sweep()]);
    await t.drain();

    expect(await outboxLevels(ownRequest)).toEqual([1, 2]);
    expect((await detail(ownRequest)).escalations.map((escalation) => escalation.level)).toEqual([1, 2]);
    expect(await outboxLevels(duplicated)).toEqual([]);
    // The other one is cancelled: duplicate messages for each level race the sweeps — once each.
    const { appointments: its } = await detail(duplicated);
    expect((await end(duplicated, its[0]?.appointmentId, 'geannuleerd')).status).toBe(200);
    await Promise.all([
      escalationMessages(duplicated, 1, 2),
      escalationMessages(duplicated, 2, 2),
      sweep(),
      sweep(),
    ]);
    await escalationMessages(duplicated, 1, 1);
    await sweep();
    await t.drain();
    expect(await outboxLevels(duplicated)).toEqual([1, 2]);
    expect((await detail(duplicated)).escalations.map((escalation) => escalation.level)).toEqual([1, 2]);
    // A3: one resident did not show, the other cancelled: nothing stands "later at own request";
    // with the team's own late choice, three are late now.
    expect(await a3()).toMatchObject({ heldInTime: 1, laterAtOwnRequest: 0, noneYet: 0, lateOtherwise: 3 });
    expect((await calendar('2026-11-30', '2026-12-06')).body.items.map((item) => item.signalId)).toEqual([
      teamChoseLate,
    ]);
  });
});
