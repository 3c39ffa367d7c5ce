import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClientOf } from '../../shared/adapters/aws-clients.ts';
import { dynamoHouseholdStore } from '../../shared/adapters/dynamodb-household-store.ts';
import { householdKey } from '../../shared/domain/household-key.ts';
import { startTestRuntime, type TestRuntime } from './support/test-runtime.ts';

// DESIGN M1–M3 and C3 with two and three signals on one address, across partners and months,
// through the real intake and router (dynalite + local-aws-sqs).
let t: TestRuntime;
const HEADER =
  'huurdernummer;achternaam;geboortedatum;postcode;huisnummer;achterstand_bedrag;achterstand_sinds;aantal_minderjarigen';

interface Signal {
  signalId: string;
  teamId: string;
  routing: { rule: string };
  flags: string[];
  caseId?: string;
}

async function at(now: string) {
  await t.setClock(now);
}

async function rentArrears(token: string, rows: string[]): Promise<string[]> {
  const response = await t.api.request<{ rows: { signalId: string; status: string }[] }>(
    'POST',
    '/intake/rent-arrears?attest=sociale-incasso',
    { token, body: [HEADER, ...rows].join('\n'), headers: { 'content-type': 'text/csv' } },
  );
  expect(response.status).toBe(202);
  await t.drain();
  return response.body.rows.map((row) => row.signalId);
}

async function energy(customerNumber: string, address: object, minorsInHousehold: number): Promise<string> {
  const response = await t.api.request<{ items: { signalId: string }[] }>('POST', '/intake/energy-debts', {
    token: 'dev-werk-en-inkomen',
    body: {
      batchId: `wi-${customerNumber}`,
      signals: [
        {
          reference: `E-${customerNumber}`,
          supplier: 'Eneco',
          kind: 'vroegsignaal',
          customerNumber,
          person: { initials: 'K.', surname: 'Bos', birthDate: '1979-04-04' },
          address,
          amount: 350,
          arrearsSince: '2026-08-01',
          minorsInHousehold,
        },
      ],
    },
  });
  expect(response.status).toBe(202);
  await t.drain();
  return response.body.items[0]?.signalId as string;
}

async function careReport(reportId: string, address: object): Promise<string> {
  const response = await t.api.request<{ signalId: string }>('POST', '/intake/care-reports', {
    token: 'dev-politie',
    body: {
      reportId,
      reportedAt: '2026-10-27T20:00:00+01:00',
      unit: 'Basisteam Oost',
      categories: ['opvoeding'],
      safety: { acuteUnsafety: false, domesticViolence: false, childUnsafety: false },
      consent: 'given',
      person: { initials: 'K.', surname: 'Bos', birthDate: '1979-04-04' },
      address,
      household: { adults: 2, minors: [{ birthDate: '2015-01-01' }] },
    },
  });
  expect(response.status).toBe(202);
  await t.drain();
  return response.body.signalId;
}

/** A first contact attempt, not reached: the team has picked the signal up (C4 `opgepakt`). */
async function pickUp(signalId: string): Promise<void> {
  const { teamId } = await signal(signalId);
  const response = await t.api.request('POST', `/signals/${signalId}/contact-attempts`, {
    token: `dev-${teamId}`,
    body: { kind: 'brief', reached: false },
  });
  expect(response.status).toBe(201);
}

async function signal(signalId: string): Promise<Signal> {
  const response = await t.api.request<Signal>('GET', `/signals/${signalId}`, { token: 'dev-admin' });
  expect(response.status).toBe(200);
  return response.body;
}

beforeAll(async () => {
  t = await startTestRuntime();
});

afterAll(async () => {
  await t?.stop();
});

describe('three signals on one address from three partners across two months (M2, M3)', () => {
  const X = { postcode: '3581AA', houseNumber: 10 };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await at('2026-09-15T10:00:00+02:00');
    [ids.rent = ''] = await rentArrears('dev-bo-ex', ['HN-X1;Bos;04-04-1979;3581 AA;10;900,00;01-08-2026;0']);
    await at('2026-10-20T10:00:00+02:00');
    ids.energy = await energy('X-1', X, 2);
    await at('2026-10-28T10:00:00+01:00');
    ids.police = await careReport('PL-X-1', X);
  });

  it('1st (Bo-Ex, September): no history → Sociaal Oost by R5, no flags', async () => {
    expect(await signal(ids.rent as string)).toMatchObject({
      teamId: 'bt-sociaal-oost',
      routing: { rule: 'R5' },
      flags: [],
    });
  });

  it('2nd (Werk & Inkomen, October, 2 minors): joins the open case (R2, not R4) and is opeenvolgend', async () => {
    expect(await signal(ids.energy as string)).toMatchObject({
      teamId: 'bt-sociaal-oost',
      routing: { rule: 'R2' },
      caseId: ids.rent,
      flags: ['opeenvolgend', 'meervoudig'],
    });
  });

  it('3rd (police, October, child-related): joins the case too, meervoudig and opeenvolgend', async () => {
    const police = await signal(ids.police as string);

    expect(police).toMatchObject({ teamId: 'bt-sociaal-oost', routing: { rule: 'R2' }, caseId: ids.rent });
    expect(police.flags.sort()).toEqual(['meervoudig', 'opeenvolgend']);
  });

  it('the neighbour at number 12 is another household: no flags, its own routing', async () => {
    await at('2026-10-29T10:00:00+01:00');
    const [neighbour = ''] = await rentArrears('dev-mitros', [
      'HN-Y1;Mol;01-01-1970;3581AA;12;500,00;01-09-2026;1',
    ]);

    expect(await signal(neighbour)).toMatchObject({
      teamId: 'bt-jg-oost',
      routing: { rule: 'R4' },
      flags: [],
    });
  });

  it('the sixth month back still counts for opeenvolgend, the seventh does not (and the open case stays)', async () => {
    const P = { postcode: '3584AA', houseNumber: 1 };
    const Q = { postcode: '3584AA', houseNumber: 2 };
    await at('2026-10-05T10:00:00+02:00');
    const firstP = await energy('P-1', P, 0);
    const firstQ = await energy('Q-1', Q, 0);
    // Picked up, so kept while the team works on it: unanswered for 6 months it would be deleted (P1).
    for (const picked of [firstP, firstQ]) await pickUp(picked);
    await at('2027-04-12T10:00:00+02:00');
    const april = await energy('P-2', P, 0);
    await at('2027-05-17T10:00:00+02:00');
    const may = await energy('Q-2', Q, 0);

    expect(await signal(april)).toMatchObject({
      flags: ['opeenvolgend'],
      routing: { rule: 'R2' },
      caseId: firstP,
    });
    expect(await signal(may)).toMatchObject({ flags: [], routing: { rule: 'R2' }, caseId: firstQ });
  });
});

describe('two signals on one address in one file (M2, M3)', () => {
  it('two tenants of one address: the second joins the first, both meervoudig', async () => {
    await at('2026-11-02T10:00:00+01:00');
    const [first = '', second = ''] = await rentArrears('dev-portaal', [
      'HN-Z1;Kok;02-02-1960;3532AB;7;400,00;01-09-2026;0',
      'HN-Z2;Kok;03-03-1990;3532AB;7;250,00;01-10-2026;2',
    ]);

    expect(await signal(first)).toMatchObject({
      teamId: 'bt-sociaal-west',
      routing: { rule: 'R5' },
      flags: ['meervoudig'],
    });
    expect(await signal(second)).toMatchObject({
      teamId: 'bt-sociaal-west',
      routing: { rule: 'R2' },
      caseId: first,
      flags: ['meervoudig'],
    });
  });
});

describe('C3: a resident who declined help is not approached again by the same partner within 6 months', () => {
  const W = { postcode: '3521AB', houseNumber: 3 };

  beforeAll(async () => {
    // Closing comes with issue 4; here the household's history says so directly, through the store.
    const secret = readFileSync(join(t.dataDir, 'household-key.secret'), 'utf8').trim();
    const households = dynamoHouseholdStore(documentClientOf(t.runtime.dynamodb), t.runtime.tableName);
    await households.record(
      new Map([
        [
          householdKey(W, secret),
          [
            {
              signalId: 'sig_declined',
              receivedAt: '2026-09-01T10:00:00+02:00',
              source: 'bo-ex',
              status: 'closed',
              amount: 500,
              outcome: 'inwoner-hoeft-geen-hulp',
              closedAt: '2026-10-01T10:00:00+02:00',
            },
          ],
        ],
      ]),
    );
    await at('2026-11-16T10:00:00+01:00');
  });

  it('same partner, amount not higher → niet-opgepakt-herhaalde-melding; feedback niet-opgepakt', async () => {
    const response = await t.api.request<{ uploadId: string; rows: { signalId: string }[] }>(
      'POST',
      '/intake/rent-arrears?attest=sociale-incasso',
      {
        token: 'dev-bo-ex',
        body: `${HEADER}\nHN-W1;Vos;05-05-1985;3521 AB;3;450,00;01-11-2026;0\n`,
        headers: { 'content-type': 'text/csv' },
      },
    );
    await t.drain();
    const feedback = await t.api.request<{ rows: { feedback: string }[] }>(
      'GET',
      `/intake/uploads/${response.body.uploadId}`,
      {
        token: 'dev-bo-ex',
      },
    );

    expect(
      (await t.api.request('GET', `/signals/${response.body.rows[0]?.signalId}`, { token: 'dev-admin' }))
        .status,
    ).toBe(404);
    expect(feedback.body.rows[0]?.feedback).toBe('niet-opgepakt');
  });

  it('same partner, amount rose → routed', async () => {
    const [raised = ''] = await rentArrears('dev-bo-ex', [
      'HN-W2;Vos;05-05-1985;3521AB;3;650,00;01-11-2026;0',
    ]);

    expect(await signal(raised)).toMatchObject({ teamId: 'bt-sociaal-zuidwest' });
  });

  it('another partner → routed', async () => {
    const other = await energy('W-1', W, 0);

    expect((await signal(other)).teamId).toBe('bt-sociaal-zuidwest');
  });
});
