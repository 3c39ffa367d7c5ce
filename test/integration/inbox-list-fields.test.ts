import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClientOf } from '../../shared/adapters/aws-clients.ts';
import { signalListItemSchema } from '../../shared/api/signal-schemas.ts';
import { type Signal, toListItem } from '../../shared/domain/signal.ts';
import { startTestRuntime, type TestRuntime } from './support/test-runtime.ts';

// Issue 13: the inbox index projects only the attributes its readers need (shared/resources.ts),
// and the team list (GET /teams/{teamId}/signals) is built from that index alone. Every field of the
// list schema, on every tab, must come out as it would from the whole stored signal: a list field
// whose attribute the projection lacks would be missing here, or wrong (`overdue` without
// `firstContactAt`). The signals below give every optional list field a value somewhere.
const HEADER =
  'Huurdernummer;Voorletters;Tussenvoegsel;Achternaam;Geboortedatum;Straat;Huisnummer;Toevoeging;Postcode;Woonplaats;Telefoon;Email;Achterstand bedrag;Achterstand sinds;Maandhuur;Aantal minderjarigen;Ontruimingsdatum;BSN;Bezwaar';
const ROWS = [
  // Two tenants of one address in one month: both `meervoudig` (M2). Prefix, suffix, birth date.
  'HN-LIST-1;J.;van;Dijk;14-03-1984;Bernadottelaan;4;bis;3562 CD;Utrecht;0612345678;dijk@voorbeeld.nl;1.250,00;01-09-2026;750,00;0;;;nee',
  'HN-LIST-2;A.;;Dijk;02-05-1986;Bernadottelaan;4;bis;3562 CD;Utrecht;;;980,00;01-10-2026;750,00;0;;;nee',
  // Neither prefix nor suffix.
  'HN-LIST-3;K.;;Bakker;21-07-1990;Marshallaan;12;;3562 AB;Utrecht;;;2.400,00;01-08-2026;800,00;0;;;nee',
];
const FILE = new TextEncoder().encode(`${[HEADER, ...ROWS].join('\r\n')}\r\n`);
const AFTER_DEADLINE = '2026-12-01T00:00:01+01:00';

let t: TestRuntime;
const ids: string[] = [];
let team = '';

async function storedSignal(signalId: string): Promise<Signal> {
  const { Item } = await documentClientOf(t.runtime.dynamodb).send(
    new GetCommand({ TableName: t.runtime.tableName, Key: { pk: `SIGNAL#${signalId}`, sk: 'SIGNAL' } }),
  );
  return Item as Signal;
}

async function tab(status: 'open' | 'overdue' | 'closed') {
  const response = await t.api.request<{ items: Record<string, unknown>[] }>(
    'GET',
    `/teams/${team}/signals?status=${status}`,
    { token: 'dev-admin' },
  );
  expect(response.status).toBe(200);
  return response.body.items;
}

beforeAll(async () => {
  t = await startTestRuntime();
  await t.setClock('2026-11-23T10:00:00+01:00'); // Monday: due Monday 30 November (D2)
  const upload = await t.api.request<{ rows: { signalId?: string }[] }>(
    'POST',
    '/intake/rent-arrears?attest=sociale-incasso',
    { token: 'dev-bo-ex', body: FILE, headers: { 'content-type': 'text/csv' } },
  );
  expect(upload.status).toBe(202);
  ids.push(...upload.body.rows.map((row) => row.signalId as string));
  await t.drain();
  team = (await storedSignal(ids[0] as string)).teamId;

  // First contact on the first signal, the second closed, the third left to escalate (D4).
  await t.setClock('2026-11-25T10:00:00+01:00');
  const contact = await t.api.request('POST', `/signals/${ids[0]}/contact-attempts`, {
    token: `dev-${team}`,
    body: { kind: 'telefoon', reached: true },
  });
  // Issue 15: `al-bekend` without contacting the resident is recorded as an administrative attempt.
  const lookedUp = await t.api.request('POST', `/signals/${ids[1]}/contact-attempts`, {
    token: `dev-${team}`,
    body: { kind: 'administratief', reached: false },
  });
  expect(lookedUp.status).toBe(201);
  const close = await t.api.request('POST', `/signals/${ids[1]}/close`, {
    token: `dev-${team}`,
    body: { outcome: 'al-bekend' },
  });
  // Issue 17: the third gets its first conversation planned — by the team, after the deadline, so
  // the ladder does not pause (A2) — and the list shows it as the next appointment.
  const planned = await t.api.request('POST', `/signals/${ids[2]}/appointments`, {
    token: `dev-${team}`,
    body: { startsAt: '2026-12-02T10:00:00+01:00', place: 'buurtteam', opVerzoekInwoner: false },
  });
  expect([contact.status, close.status, planned.status]).toEqual([201, 200, 201]);
  await t.setClock(AFTER_DEADLINE);
});

afterAll(async () => {
  await t?.stop();
});

describe('the team list from the inbox index (issue 13: INCLUDE projection)', () => {
  it('every tab lists what the whole stored signal gives, field for field', async () => {
    const tabs = { open: await tab('open'), overdue: await tab('overdue'), closed: await tab('closed') };
    // One deadline for all three: within a tab they sort by id.
    const idsOf = (items: Record<string, unknown>[]) => items.map((item) => item.signalId as string).sort();
    expect({ open: idsOf(tabs.open), overdue: idsOf(tabs.overdue), closed: idsOf(tabs.closed) }).toEqual({
      open: [ids[0], ids[2]].sort(),
      overdue: [ids[2]],
      closed: [ids[1]],
    });
    for (const items of Object.values(tabs)) {
      for (const item of items) {
        const whole = toListItem(await storedSignal(item.signalId as string), new Date(AFTER_DEADLINE));
        expect(item, item.signalId as string).toEqual(JSON.parse(JSON.stringify(whole)));
      }
    }
  });

  it('the signals above give every field of the list schema a value, nested ones included', async () => {
    const items = [...(await tab('open')), ...(await tab('closed'))];
    const present = (objects: Record<string, unknown>[]) =>
      new Set(objects.flatMap((object) => Object.keys(object).filter((key) => object[key] !== undefined)));
    const shape = signalListItemSchema.shape;

    expect([...present(items)].sort()).toEqual(Object.keys(shape).sort());
    expect([...present(items.map((item) => item.person as Record<string, unknown>))].sort()).toEqual(
      Object.keys(shape.person.shape).sort(),
    );
    expect([...present(items.map((item) => item.address as Record<string, unknown>))].sort()).toEqual(
      Object.keys(shape.address.shape).sort(),
    );
    // And the values that only some signals have are really there.
    const first = items.find((item) => item.signalId === ids[0]) as Record<string, unknown>;
    expect(first).toMatchObject({
      flags: ['meervoudig'],
      firstContactAt: '2026-11-25T10:00:00+01:00',
      person: { displayName: 'J. van Dijk', birthYear: 1984 },
      address: { houseNumberSuffix: 'bis' },
    });
    // Due Monday 30 November, now the first second of Tuesday: one working day late (D1–D2).
    expect(items.find((item) => item.signalId === ids[2])).toMatchObject({
      escalationLevel: 1,
      overdue: true,
      workingDaysLeft: -1,
      nextAppointmentAt: '2026-12-02T10:00:00+01:00',
    });
  });

  it('the tab counts agree with the lists (they filter on the index alone)', async () => {
    const counts = await t.api.request('GET', `/teams/${team}/signal-counts`, { token: 'dev-admin' });

    expect(counts.body).toEqual({ open: 2, overdue: 1, closed: 1 });
  });
});
