import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCareReports } from '../support/samples.ts';
import { startTestRuntime, type TestRuntime } from './support/test-runtime.ts';

// Issue 12 over HTTP (local runtime: dynalite + local-aws-sqs, real SDK clients): R6 from the real
// Utrecht wijk map (PC6 override, straddling PC4 → grensgebied, PO box → Toegang), postcodes trimmed
// on the JSON routes as on the CSV path (I3), and R3's minors by birth date on care reports.
let t: TestRuntime;
const [template] = sampleCareReports() as [Record<string, unknown>];
let sequence = 0;

type Detail = {
  teamId: string;
  flags: string[];
  routing: { rule: string; explanation: string };
  address: { postcode: string };
};

/** Posts a care report (consent given, no safety issue) and reads back the stored signal. */
async function careReport(changes: {
  postcode: string;
  categories?: string[];
  minors?: { birthDate?: string }[];
}): Promise<Detail & { signalId: string }> {
  sequence += 1;
  const response = await t.api.request<{ signalId: string; status: string }>('POST', '/intake/care-reports', {
    token: 'dev-politie',
    body: {
      ...template,
      reportId: `PL0900-2026-9${String(sequence).padStart(5, '0')}`,
      categories: changes.categories ?? ['psychisch'],
      person: { initials: 'T.', surname: 'Test', birthDate: '1970-01-01' },
      // A new house number each time: one household, one plan (M3) would otherwise join earlier cases.
      address: { postcode: changes.postcode, houseNumber: sequence },
      household: { adults: 1, minors: changes.minors ?? [] },
    },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(202);
  await t.drain();
  const detail = await t.api.request<Detail>('GET', `/signals/${response.body.signalId}`, {
    token: 'dev-admin',
  });
  expect(detail.status).toBe(200);
  return { ...detail.body, signalId: response.body.signalId };
}

beforeAll(async () => {
  t = await startTestRuntime();
  // Monday 23 November 2026, 10:00 in Utrecht.
  await t.setClock('2026-11-23T10:00:00+01:00');
});

afterAll(async () => {
  await t?.stop();
});

describe('R6 over HTTP: the real wijk map', () => {
  it('a straddling PC4 goes to its majority wijk with grensgebied, in the detail and in the inbox', async () => {
    const signal = await careReport({ postcode: '3582 CD' });
    expect(signal).toMatchObject({
      teamId: 'bt-sociaal-oost',
      flags: ['grensgebied'],
      routing: { rule: 'R5' },
    });
    expect(signal.routing.explanation).toContain('de grens met Zuid: controleer de wijk');

    const inbox = await t.api.request<{ items: { signalId: string; flags: string[] }[] }>(
      'GET',
      '/teams/bt-sociaal-oost/signals',
      { token: 'dev-bt-sociaal-oost' },
    );
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.find((item) => item.signalId === signal.signalId)?.flags).toEqual([
      'grensgebied',
    ]);
  });

  it('a PC6 override wins over its straddling PC4: no grensgebied', async () => {
    expect(await careReport({ postcode: '3521AL' })).toMatchObject({
      teamId: 'bt-sociaal-binnenstad',
      flags: [],
    });
  });

  it('a PO-box PC4 goes to Toegang as outside the area', async () => {
    const signal = await careReport({ postcode: '3500AB' });
    expect(signal).toMatchObject({
      teamId: 'toegang',
      flags: ['buiten-werkgebied'],
      routing: { rule: 'R6' },
    });
    expect(signal.routing.explanation).toContain('postbusgebied');
  });

  it('postcodes with surrounding spaces are trimmed on the JSON routes, like the CSV path (I3)', async () => {
    const signal = await careReport({ postcode: '  3513 ab ' });
    expect(signal).toMatchObject({ teamId: 'bt-sociaal-noordwest', address: { postcode: '3513AB' } });

    const batch = {
      batchId: 'wi-2026-11-trim',
      signals: [
        {
          reference: 'E-2026-TRIM-1',
          supplier: 'Eneco',
          kind: 'vroegsignaal',
          customerNumber: '70000001',
          person: { initials: 'J.', surname: 'Trim', birthDate: '1980-05-01' },
          address: { postcode: ' 3525 PA\t', houseNumber: 9 },
          amount: 300,
          arrearsSince: '2026-09-01',
          minorsInHousehold: 0,
        },
      ],
    };
    const receipt = await t.api.request<{ items: { status: string; signalId?: string }[] }>(
      'POST',
      '/intake/energy-debts',
      { token: 'dev-werk-en-inkomen', body: batch },
    );
    expect(receipt.status, JSON.stringify(receipt.body)).toBe(202);
    expect(receipt.body.items[0]?.status).toBe('accepted');
    await t.drain();
    const energy = await t.api.request<Detail>('GET', `/signals/${receipt.body.items[0]?.signalId}`, {
      token: 'dev-admin',
    });
    // 3525 is Hoograven: Zuid (the old table said Zuidwest).
    expect(energy.body).toMatchObject({ teamId: 'bt-sociaal-zuid', address: { postcode: '3525PA' } });
  });
});

describe('R3 over HTTP: a care report’s minors count by birth date on the receipt date', () => {
  it.each([
    ['a "minor" born in 2003', '2003-04-12', 'bt-sociaal-overvecht'],
    ['a child turning 18 today', '2008-11-23', 'bt-sociaal-overvecht'],
    ['a child turning 18 tomorrow (17)', '2008-11-24', 'bt-jg-overvecht'],
  ])('%s → %s', async (_name, birthDate, teamId) => {
    const signal = await careReport({
      postcode: '3561AB',
      categories: ['financien'],
      minors: [{ birthDate }],
    });
    expect(signal.teamId).toBe(teamId);
  });
});
