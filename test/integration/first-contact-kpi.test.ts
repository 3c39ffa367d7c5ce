import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCareReports } from '../support/samples.ts';
import { startTestRuntime, type TestRuntime } from './support/test-runtime.ts';

// Issue 4 acceptance 6: GET /metrics/first-contact on a small data set computed by hand, per team
// and in total, within each role's scope.
let t: TestRuntime;
type Report = Record<string, unknown>;
const [adult, , , youth] = sampleCareReports() as [Report, Report, Report, Report];
const A = 'bt-sociaal-overvecht'; // postcode 3561, psychisch
const B = 'bt-jg-noordwest'; // postcode 3553, jeugdcriminaliteit
const C = 'bt-sociaal-oost'; // postcode 3581

interface Row {
  teamId: string;
  due: number;
  contactedInTime: number;
  contactedLate: number;
  openOverdue: number;
  openWithinDeadline: number;
  closedWithoutContact: number;
  percentInTime: number | null;
}

async function signal(
  reportId: string,
  template: Record<string, unknown>,
  postcode?: string,
): Promise<string> {
  const body = {
    ...template,
    reportId,
    consent: 'given',
    ...(postcode ? { address: { postcode, houseNumber: 7 } } : {}),
  };
  const response = await t.api.request<{ signalId: string }>('POST', '/intake/care-reports', {
    token: 'dev-politie',
    body,
  });
  expect(response.status).toBe(202);
  return response.body.signalId;
}

async function contact(signalId: string, team: string, at: string, reached = true) {
  const response = await t.api.request('POST', `/signals/${signalId}/contact-attempts`, {
    token: `dev-${team}`,
    body: { kind: 'telefoon', reached, at },
  });
  expect(response.status).toBe(201);
}

async function kpi(token: string, query: string) {
  return t.api.request<{ teams: Row[]; total: Omit<Row, 'teamId'>; error?: { code: string } }>(
    'GET',
    `/metrics/first-contact?${query}`,
    { token },
  );
}

const row = (
  teamId: string,
  due: number,
  inTime: number,
  late: number,
  overdue: number,
  closed: number,
  percent: number | null,
  within = 0,
) => ({
  teamId,
  due,
  contactedInTime: inTime,
  contactedLate: late,
  openOverdue: overdue,
  openWithinDeadline: within,
  closedWithoutContact: closed,
  percentInTime: percent,
  // A3 (issue 17): none of these signals has an appointment, so the first contact decides; the
  // closed one was closed after its deadline had passed, so it is late like the overdue ones.
  conversationHeldInTime: 0,
  laterAtOwnRequest: 0,
  firstConversation: {
    heldInTime: 0,
    laterAtOwnRequest: 0,
    contactInTime: inTime,
    noneYet: within,
    lateOtherwise: late + overdue + closed,
    percent: {
      heldInTime: due ? 0 : null,
      laterAtOwnRequest: due ? 0 : null,
      contactInTime: oneDecimal(inTime, due),
      noneYet: oneDecimal(within, due),
      lateOtherwise: oneDecimal(late + overdue + closed, due),
    },
  },
});

const oneDecimal = (count: number, due: number) => (due ? Math.round((count / due) * 1000) / 10 : null);

beforeAll(async () => {
  t = await startTestRuntime();
  // Received Monday 7 June 2027: due Monday 14 June (no holidays in between).
  await t.setClock('2027-06-07T10:00:00+02:00');
  const a = [
    await signal('KPI-A1', adult),
    await signal('KPI-A2', adult),
    await signal('KPI-A3', adult),
    await signal('KPI-A4', adult),
  ];
  const b = [await signal('KPI-B1', youth), await signal('KPI-B2', youth)];
  const c1 = await signal('KPI-C1', adult, '3581AB');
  await t.setClock('2027-06-14T09:00:00+02:00');
  const c2 = await signal('KPI-C2', adult, '3581AC'); // due Monday 21 June
  await t.drain();

  await t.setClock('2027-06-17T12:00:00+02:00');
  // Contacts are recorded at most 7 days after they happened (D3): the oldest here is 11 June.
  await contact(a[0] as string, A, '2027-06-11T10:00:00+02:00'); // in time
  await contact(a[1] as string, A, '2027-06-12T10:00:00+02:00', false); // an attempt, not reached
  await contact(a[1] as string, A, '2027-06-16T10:00:00+02:00'); // reached late
  // Issue 15: closing as anything but `niet opgepakt` needs a contact attempt, reached or not.
  await contact(a[3] as string, A, '2027-06-15T10:00:00+02:00', false);
  const closed = await t.api.request('POST', `/signals/${a[3]}/close`, {
    token: `dev-${A}`,
    body: { outcome: 'definitief-geen-contact' },
  });
  expect(closed.status).toBe(200);
  await contact(b[0] as string, B, '2027-06-14T23:00:00+02:00'); // in time, late in the evening
  await contact(c1, C, '2027-06-11T09:00:00+02:00');
  expect(c2).toMatch(/^sig_/);
});

afterAll(async () => {
  await t?.stop();
});

describe('GET /metrics/first-contact', () => {
  it('per team and in total for due date 14 June, as computed by hand', async () => {
    const response = await kpi('dev-gemeente', 'from=2027-06-14&to=2027-06-14');

    expect(response.status).toBe(200);
    const nonEmpty = response.body.teams.filter((team) => team.due > 0);
    // Teams in the order of the wijken table: Oost, Overvecht (Sociaal), then Noordwest (J&G).
    expect(nonEmpty).toEqual([
      row(C, 1, 1, 0, 0, 0, 100),
      row(A, 4, 1, 1, 1, 1, 25),
      row(B, 2, 1, 0, 1, 0, 50),
    ]);
    expect(response.body.teams.find((team) => team.teamId === 'bt-jg-zuid')).toEqual(
      row('bt-jg-zuid', 0, 0, 0, 0, 0, null),
    );
    expect(response.body.teams.map((team) => team.teamId)).not.toContain('veilig-thuis');
    const { teamId: _, ...total } = row('total', 7, 3, 1, 2, 1, 42.9);
    expect(response.body.total).toEqual(total);
  });

  it('a wider range adds the signal due 21 June, open but not yet overdue on 17 June', async () => {
    const response = await kpi('dev-gemeente', `from=2027-06-14&to=2027-06-21&teamId=${C}`);

    // Issue 15: the counts add up to `due` — the one still within its deadline counted too.
    expect(response.body.teams).toEqual([row(C, 2, 1, 0, 0, 0, 50, 1)]);
  });

  it('every team of the caller’s scope has a row, zeros without data, and its counts add up to due (issue 15)', async () => {
    const scopes = {
      'dev-gemeente': 21, // ten wijken × Sociaal and J&G, and Toegang; Veilig Thuis works by the Meldcode
      'dev-manager-sociaal': 10,
      'dev-manager-jg': 10,
      [`dev-coordinator-${A}`]: 1,
      'dev-coordinator-toegang': 1,
    };
    for (const [token, teams] of Object.entries(scopes)) {
      const response = await kpi(token, 'from=2027-06-01&to=2027-06-30');
      expect(response.status).toBe(200);
      expect(new Set(response.body.teams.map((team) => team.teamId)).size, token).toBe(teams);
      for (const team of [...response.body.teams, { ...response.body.total, teamId: 'total' }]) {
        const { due, contactedInTime, contactedLate, openOverdue, openWithinDeadline, closedWithoutContact } =
          team;
        expect(
          contactedInTime + contactedLate + openOverdue + openWithinDeadline + closedWithoutContact,
        ).toBe(due);
        if (due === 0) expect(team).toEqual(row(team.teamId, 0, 0, 0, 0, 0, null));
      }
    }
    const all = await kpi('dev-gemeente', 'from=2027-06-01&to=2027-06-30');
    expect(all.body.teams.find((team) => team.teamId === 'toegang')).toEqual(
      row('toegang', 0, 0, 0, 0, 0, null),
    );
    expect(all.body.total).toMatchObject({ due: 8, openWithinDeadline: 1 });
  });

  it('scopes: a coordinator sees its own team, a manager its organisation', async () => {
    const coordinator = await kpi(`dev-coordinator-${A}`, 'from=2027-06-14&to=2027-06-14');
    const sociaal = await kpi('dev-manager-sociaal', 'from=2027-06-14&to=2027-06-14');
    const jg = await kpi('dev-manager-jg', 'from=2027-06-14&to=2027-06-14');

    expect(coordinator.body.teams).toEqual([row(A, 4, 1, 1, 1, 1, 25)]);
    expect(coordinator.body.total.due).toBe(4);
    expect(sociaal.body.teams.every((team) => team.teamId.startsWith('bt-sociaal-'))).toBe(true);
    expect(sociaal.body.teams).toHaveLength(10);
    expect(sociaal.body.total).toMatchObject({ due: 5, contactedInTime: 2 });
    expect(jg.body.teams.every((team) => team.teamId.startsWith('bt-jg-'))).toBe(true);
    expect(jg.body.total).toMatchObject({ due: 2, contactedInTime: 1, openOverdue: 1 });
  });

  it.each([
    [`dev-coordinator-${A}`, `teamId=${B}`, 403],
    ['dev-manager-jg', `teamId=${A}`, 403],
    [`dev-${A}`, '', 403],
    ['dev-bo-ex', '', 403],
    ['dev-gemeente', 'teamId=bt-nergens', 404],
  ])('%s with %s → %i', async (token, extra, status) => {
    expect((await kpi(token, `from=2027-06-14&to=2027-06-14${extra ? `&${extra}` : ''}`)).status).toBe(
      status,
    );
  });

  it('signal counts per inbox tab, and signals per source per month', async () => {
    const counts = await t.api.request('GET', `/teams/${A}/signal-counts`, { token: `dev-${A}` });
    const volume = await t.api.request<{
      months: { month: string; bySource: Record<string, number>; total: number }[];
    }>('GET', '/metrics/signal-volume?from=2027-06-01&to=2027-06-30', { token: 'dev-gemeente' });

    // A: four signals, one closed; one open without contact past its deadline.
    expect(counts.body).toEqual({ open: 3, overdue: 1, closed: 1 });
    expect(volume.body.months).toEqual([{ month: '2027-06', bySource: { 'politie-utrecht': 8 }, total: 8 }]);
  });

  it('rejects a malformed period', async () => {
    expect((await kpi('dev-gemeente', 'from=2027-06-14')).status).toBe(400);
    expect((await kpi('dev-gemeente', 'from=2027-06-31&to=2027-07-01')).status).toBe(400);
    expect((await kpi('dev-gemeente', 'from=2027-06-20&to=2027-06-14')).status).toBe(400);
  });
});
