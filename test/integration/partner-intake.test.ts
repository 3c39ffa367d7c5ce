import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClientOf } from '../../shared/adapters/aws-clients.ts';
import { dynamoSignalRepository } from '../../shared/adapters/dynamodb-signal-repository.ts';
import { readSample, readSampleBytes } from '../support/samples.ts';
import { readWholeReceipt } from './support/receipt-pages.ts';
import { startTestRuntime, type TestRuntime } from './support/test-runtime.ts';

// Issue 3 acceptance 1, 2 and 6: the sample rent-arrears file and energy batch over HTTP against the
// local runtime, every line of their .expected.md, re-sending, updating, and partner isolation.
let t: TestRuntime;
type Line = {
  row?: number;
  index?: number;
  status: string;
  signalId?: string;
  errors?: { field: string; code: string }[];
  feedback?: string;
};
type Receipt = { uploadId: string; counts: Record<string, number>; rows: Line[]; items: Line[] };
let rent: Receipt;
let energy: Receipt;

const csv = readSampleBytes('rent-arrears-bo-ex.csv');
const batch = JSON.parse(readSample('energy-debts-batch.json'));
const rowOf = (receipt: Receipt, row: number) => receipt.rows.find((line) => line.row === row) as Line;

async function uploadRentArrears(token: string, bytes: Uint8Array, query = '?attest=sociale-incasso') {
  return t.api.request<Receipt>('POST', `/intake/rent-arrears${query}`, {
    token,
    body: bytes,
    headers: { 'content-type': 'text/csv' },
  });
}

async function signal(signalId: string | undefined, token = 'dev-admin') {
  const response = await t.api.request<Record<string, unknown>>('GET', `/signals/${signalId}`, { token });
  return response;
}

async function scan() {
  const result = await documentClientOf(t.runtime.dynamodb).send(
    new ScanCommand({ TableName: t.runtime.tableName }),
  );
  return result.Items ?? [];
}

beforeAll(async () => {
  t = await startTestRuntime();
  await t.setClock('2026-11-23T10:00:00+01:00');
  const rentResponse = await uploadRentArrears('dev-bo-ex', csv);
  const energyResponse = await t.api.request<Receipt>('POST', '/intake/energy-debts', {
    token: 'dev-werk-en-inkomen',
    body: batch,
  });
  expect([rentResponse.status, energyResponse.status]).toEqual([202, 202]);
  rent = rentResponse.body;
  energy = energyResponse.body;
  await t.drain();
});

afterAll(async () => {
  await t?.stop();
});

describe('rent-arrears-bo-ex.csv (Windows-1252, `;`, CRLF)', () => {
  it('the receipt accounts for all 8 rows (I1)', () => {
    expect(rent.counts).toEqual({ received: 8, accepted: 4, rejected: 4, duplicate: 0, updated: 0 });
    expect(rent.rows.map((line) => [line.row, line.status])).toEqual([
      [2, 'accepted'],
      [3, 'accepted'],
      [4, 'accepted'],
      [5, 'rejected'],
      [6, 'rejected'],
      [7, 'rejected'],
      [8, 'accepted'],
      [9, 'rejected'],
    ]);
  });

  it('row 2: accepted; 2 minors → Jeugd & Gezin Overvecht (financien relates to minors)', async () => {
    const response = await signal(rowOf(rent, 2).signalId, 'dev-bt-jg-overvecht');

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      teamId: 'bt-jg-overvecht',
      kind: 'huurachterstand',
      source: 'bo-ex',
      routing: { rule: 'R4' },
      dominantProblem: 'financien',
      minorsInHousehold: 2,
      amount: 1234.56,
      arrearsSince: '2026-08-01',
      dueDate: '2026-11-30',
      deadlineAt: '2026-11-30T23:59:59+01:00',
      flags: [],
      person: { displayName: 'J. van Dijk', birthDate: '1984-03-14' },
    });
  });

  // The sample's expectation (Sociaal Overvecht, samenstelling-onbekend) is the one without a BRP
  // (test/unit/brp-routing.test.ts); `npm start` asks its BRP stand-in, where two minors live (B1).
  it('row 3: accepted; composition unknown to the partner → two minors volgens de BRP → Jeugd & Gezin Overvecht; Ö survives', async () => {
    const response = await signal(rowOf(rent, 3).signalId, 'dev-bt-jg-overvecht');

    expect(response.body).toMatchObject({
      teamId: 'bt-jg-overvecht',
      routing: { rule: 'R4' },
      flags: [],
      household: { minorsUnder18: 2, source: 'brp' },
      person: { surname: 'Özdemir', displayName: 'M. Özdemir', email: 'm.ozdemir@example.nl' },
      address: { postcode: '3562CD', houseNumber: 4, houseNumberSuffix: 'bis' },
      amount: 812.4,
      dueDate: '2026-11-30',
    });
  });

  it('row 4: accepted; ISO dates; no minors → Sociaal Noordoost; valid BSN', async () => {
    const response = await signal(rowOf(rent, 4).signalId, 'dev-bt-sociaal-noordoost');

    expect(response.body).toMatchObject({
      teamId: 'bt-sociaal-noordoost',
      routing: { rule: 'R5' },
      flags: [],
      person: { birthDate: '1961-07-30', bsn: '111222333' },
      arrearsSince: '2026-10-01',
      dueDate: '2026-11-30',
    });
  });

  it.each([
    [5, 'geboortedatum', 'invalid-date'],
    [6, 'postcode', 'invalid-postcode'],
    [7, 'bezwaar', 'geen-grondslag'],
    [9, 'bsn', 'invalid-bsn'],
  ])('row %i: rejected on %s (%s)', (row, field, code) => {
    expect(rowOf(rent, row).errors).toEqual([
      expect.objectContaining({ field, code, message: expect.any(String) }),
    ]);
  });

  it('row 7 (objection, C1): nothing of it is stored beyond the receipt line', async () => {
    const items = await scan();
    // The postcode as written and as it would be stored: a bare PC4 like 3551 turns up by chance in
    // the random hex of keyed-hash signal ids and in timestamps.
    for (const value of ['Linden', 'Amsterdamsestraatweg', '3551 CB', '3551CB', 'HN-100236']) {
      expect(
        items.filter((item) => JSON.stringify(item).includes(value)),
        value,
      ).toEqual([]);
    }
  });

  it('row 8: accepted but below the €75 threshold → niet-opgepakt-onterecht, not routed; of the person only the minimised DDAS client is kept (X2, P1)', async () => {
    const line = rowOf(rent, 8);
    const stored = (await scan()).filter((item) => item.signalId === line.signalId && item.sk === 'SIGNAL');
    // Row 8 has no BSN: postcode, house number and birth date (X2); no suffix in the row, none kept.
    const client = { postcode: '3527AB', huisnummer: '15', geboortedatum: '1995-09-23' };

    expect(line.status).toBe('accepted');
    expect(stored).toEqual([
      expect.objectContaining({
        type: 'not-routed-signal',
        status: 'not-routed',
        outcome: 'niet-opgepakt-onterecht',
        amount: 60,
        client,
        // P1 unchanged: it goes 6 months after receipt, like any record never picked up.
        retentionReason: 'never-picked-up',
        expiresAt: Date.parse('2027-05-23T09:00:00Z') / 1000,
      }),
    ]);
    // Nothing else of the person or the partner's file: name, initials, street, city, tenant number.
    expect(JSON.stringify(stored)).not.toMatch(/nhoorn|K\.|Kanaleneiland|Utrecht|HN-100237|23-09-1995/);
    // Read back through the repository and the real SDK: exactly the record the delivery takes (X2).
    const repository = dynamoSignalRepository(documentClientOf(t.runtime.dynamodb), t.runtime.tableName);
    expect((await repository.getMany([line.signalId as string])).get(line.signalId as string)).toStrictEqual({
      signalId: line.signalId,
      source: 'bo-ex',
      kind: 'huurachterstand',
      receivedAt: '2026-11-23T10:00:00+01:00',
      status: 'not-routed',
      outcome: 'niet-opgepakt-onterecht',
      amount: 60,
      householdKey: expect.any(String),
      client,
    });
    expect((await signal(line.signalId)).status).toBe(404);
  });

  it('the partner sees per-row feedback, only ontvangen | opgepakt | niet-opgepakt | afgerond (C4)', async () => {
    const { receipt } = await readWholeReceipt<Receipt>(t.api, rent.uploadId, 'dev-bo-ex');

    expect(receipt.rows.map((line) => [line.row, line.feedback])).toEqual([
      [2, 'ontvangen'],
      [3, 'ontvangen'],
      [4, 'ontvangen'],
      [5, undefined],
      [6, undefined],
      [7, undefined],
      [8, 'niet-opgepakt'],
      [9, undefined],
    ]);
    // Row 8's stored client (X2) is not the partner's to see again (C4): feedback only, beside the
    // corporation's own huurdernummer (issue 15).
    expect(rowOf(receipt, 8)).toEqual({
      row: 8,
      reference: 'HN-100237',
      status: 'accepted',
      signalId: rowOf(rent, 8).signalId,
      feedback: 'niet-opgepakt',
    });
    // Field names like `geboortedatum` do appear, in rejected rows' errors; the client's values never.
    const whole = JSON.stringify(receipt);
    for (const value of ['client', 'burgerservicenummer', '3527AB', '3527 AB', '1995-09-23', '"15"']) {
      expect(whole, value).not.toContain(value);
    }
    const contact = await t.api.request('POST', `/signals/${rowOf(rent, 4).signalId}/contact-attempts`, {
      token: 'dev-bt-sociaal-noordoost',
      body: { kind: 'brief', reached: false },
    });
    expect(contact.status).toBe(201);
    const after = await readWholeReceipt<Receipt>(t.api, rent.uploadId, 'dev-bo-ex');
    expect(rowOf(after.receipt, 4).feedback).toBe('opgepakt');
    expect(JSON.stringify(after.pages.map((page) => page.body))).not.toMatch(/brief|R4|R5|explanation|team/);
  });
});

describe('energy-debts-batch.json', () => {
  const itemOf = (index: number) => energy.items.find((item) => item.index === index) as Line;

  it('index 0: accepted; 2 minors → Jeugd & Gezin Overvecht', async () => {
    const response = await signal(itemOf(0).signalId, 'dev-bt-jg-overvecht');

    expect(itemOf(0).status).toBe('accepted');
    expect(response.body).toMatchObject({
      teamId: 'bt-jg-overvecht',
      kind: 'energieschuld',
      supplier: 'Eneco',
      source: 'werk-en-inkomen',
      routing: { rule: 'R4' },
      dueDate: '2026-11-30',
    });
  });

  it('index 1: accepted; eindeleveringssignaal → threatening, due in 3 working days; Sociaal Oost', async () => {
    const response = await signal(itemOf(1).signalId, 'dev-bt-sociaal-oost');

    expect(response.body).toMatchObject({
      teamId: 'bt-sociaal-oost',
      kind: 'eindelevering',
      routing: { rule: 'R5' },
      dominantProblem: 'huisvesting-dreigend',
      flags: ['dreigend'],
      dueDate: '2026-11-26',
      deadlineAt: '2026-11-26T23:59:59+01:00',
    });
  });

  it('index 2: rejected: birth date in the future', () => {
    expect(itemOf(2)).toMatchObject({
      status: 'rejected',
      errors: [{ field: 'person.birthDate', code: 'birth-date-in-future' }],
    });
    expect(energy.counts).toEqual({ received: 3, accepted: 2, rejected: 1, duplicate: 0, updated: 0 });
  });
});

describe('I5: re-sending and updating', () => {
  it('the same file sent again (a client retry) gets the first receipt and changes nothing', async () => {
    const before = await scan();

    const again = await uploadRentArrears('dev-bo-ex', csv);
    await t.drain();

    expect(again.status).toBe(202);
    expect(again.body).toEqual(rent);
    expect(again.headers?.['idempotent-replayed']).toBe('true');
    expect(await scan()).toHaveLength(before.length);
  });

  it('the same rows in a new export (other bytes) are a new receipt whose accepted rows are duplicates', async () => {
    const signalsBefore = (await scan()).filter((item) => String(item.pk).startsWith('SIGNAL#'));

    const again = await uploadRentArrears('dev-bo-ex', new Uint8Array([...csv, 0x0d, 0x0a]));
    await t.drain();

    expect(again.body.uploadId).not.toBe(rent.uploadId);
    expect(again.body.counts).toEqual({ received: 8, accepted: 0, rejected: 4, duplicate: 4, updated: 0 });
    expect(
      again.body.rows.filter((line) => line.status === 'duplicate').map((line) => line.signalId),
    ).toEqual([2, 3, 4, 8].map((row) => rowOf(rent, row).signalId));
    const signalsAfter = (await scan()).filter((item) => String(item.pk).startsWith('SIGNAL#'));
    expect(signalsAfter).toEqual(signalsBefore);
  });

  it('the same tenant and start date with a higher amount updates the open signal instead of adding one', async () => {
    const text = new TextDecoder('windows-1252').decode(csv);
    const [header, row2] = text.split('\r\n');
    const raised = `${header}\r\n${row2?.replace('1.234,56', '1.500,00')}\r\n`;

    const response = await uploadRentArrears('dev-bo-ex', Buffer.from(raised, 'latin1'));
    await t.drain();

    expect(response.body.counts).toEqual({ received: 1, accepted: 0, rejected: 0, duplicate: 0, updated: 1 });
    expect(response.body.rows[0]?.signalId).toBe(rowOf(rent, 2).signalId);
    const updated = await signal(rowOf(rent, 2).signalId);
    expect(updated.body).toMatchObject({
      amount: 1500,
      amountHistory: [{ amount: 1500 }],
      teamId: 'bt-jg-overvecht',
    });
    const inbox = await t.api.request<{ items: unknown[] }>('GET', '/teams/bt-jg-overvecht/signals', {
      token: 'dev-admin',
    });
    expect(inbox.body.items).toHaveLength(3); // rows 2 and 3 (B1) and energy index 0; no fourth
  });

  it('a lower or equal amount is a duplicate and changes nothing', async () => {
    const text = new TextDecoder('windows-1252').decode(csv);
    const [header, row2] = text.split('\r\n');

    const response = await uploadRentArrears('dev-bo-ex', Buffer.from(`${header}\r\n${row2}\r\n`, 'latin1'));

    expect(response.body.counts.duplicate).toBe(1);
    expect((await signal(rowOf(rent, 2).signalId)).body).toMatchObject({ amount: 1500 });
  });

  it('the energy batch sent again gets its first receipt; under a new batch id its signals are duplicates', async () => {
    const again = await t.api.request<Receipt>('POST', '/intake/energy-debts', {
      token: 'dev-werk-en-inkomen',
      body: batch,
    });
    const renamed = await t.api.request<Receipt>('POST', '/intake/energy-debts', {
      token: 'dev-werk-en-inkomen',
      body: { ...batch, batchId: `${batch.batchId}-opnieuw` },
    });

    expect(again.body).toEqual(energy);
    expect(renamed.body.uploadId).not.toBe(energy.uploadId);
    expect(renamed.body.counts).toEqual({ received: 3, accepted: 0, rejected: 1, duplicate: 2, updated: 0 });
  });
});

describe('P4/C4: a partner sees only its own uploads', () => {
  it('Mitros sees its own upload, not Bo-Ex’s; Bo-Ex does not see Mitros’s', async () => {
    const mitros = await uploadRentArrears('dev-mitros', csv);
    const mitrosList = await t.api.request<{ items: { uploadId: string; source: string }[] }>(
      'GET',
      '/intake/uploads',
      {
        token: 'dev-mitros',
      },
    );
    const boExList = await t.api.request<{ items: { uploadId: string; source: string }[] }>(
      'GET',
      '/intake/uploads',
      {
        token: 'dev-bo-ex',
      },
    );

    expect(mitrosList.body.items.map((item) => item.uploadId)).toEqual([mitros.body.uploadId]);
    expect(boExList.body.items.every((item) => item.source === 'bo-ex')).toBe(true);
    expect(boExList.body.items.map((item) => item.uploadId)).toContain(rent.uploadId);
    expect(boExList.body.items.map((item) => item.uploadId)).not.toContain(mitros.body.uploadId);
    expect(
      (await t.api.request('GET', `/intake/uploads/${rent.uploadId}`, { token: 'dev-mitros' })).status,
    ).toBe(404);
    expect(
      (await t.api.request('GET', `/intake/uploads/${mitros.body.uploadId}`, { token: 'dev-bo-ex' })).status,
    ).toBe(404);
    // The same rows from another corporation are other signals (the dedupe key includes the partner).
    expect(mitros.body.counts.accepted).toBe(4);
  });

  it('É survives the Windows-1252 decoding too, once row 8 is above the threshold', async () => {
    const text = new TextDecoder('windows-1252').decode(csv);
    const [header, ...rows] = text.split('\r\n');
    const row8 = rows.find((line) => line.startsWith('HN-100237'))?.replace(';60,00;', ';600,00;');

    const response = await uploadRentArrears('dev-mitros', Buffer.from(`${header}\r\n${row8}\r\n`, 'latin1'));
    await t.drain();

    expect(response.body.counts.received).toBe(1);
    expect((await signal(response.body.rows[0]?.signalId)).body).toMatchObject({
      person: { surname: 'Éénhoorn' },
      teamId: 'bt-sociaal-zuidwest',
    });
  });

  it('multipart/form-data uploads work the same as raw text/csv', async () => {
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'lijst-portaal.csv');

    const response = await t.api.request<Receipt & { fileName: string }>(
      'POST',
      '/intake/rent-arrears?attest=sociale-incasso',
      {
        token: 'dev-portaal',
        body: form,
      },
    );
    await t.drain();

    expect(response.status).toBe(202);
    expect(response.body.counts).toEqual({ received: 8, accepted: 4, rejected: 4, duplicate: 0, updated: 0 });
    expect(response.body.fileName).toBe('lijst-portaal.csv');
    const row3 = await signal(rowOf(response.body, 3).signalId);
    expect(row3.body).toMatchObject({ person: { surname: 'Özdemir' } });
  });
});
