import { createHash } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { base64url, compactVerify, importX509 } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClientOf } from '../../shared/adapters/aws-clients.ts';
import { DELIVERY_AUDIT_PK } from '../../shared/adapters/dynamodb-delivery-audit.ts';
import { uitwisselmodelSchema } from '../../shared/api/ddas-schemas.ts';
import { DDAS_RECORDS_PER_ANSWER } from '../../shared/application/ddas-gegevens.ts';
import { readSample, readSampleBytes } from '../support/samples.ts';
import { startTestRuntime, type TestRuntime } from './support/test-runtime.ts';

// Issue 14 over HTTP (DESIGN X1–X3): the sample list, the energy batch and a second partner's signal
// for a household already known, contact attempts of several kinds, then CBS pulls November. The
// delivery is stated record by record, checked against the v1.2 model, and its signature verified
// with the JOSE library against the served certificate.
let t: TestRuntime;
type Json = Record<string, unknown>;
type Vroegsignaal = {
  ID: string;
  bedrag?: number;
  ontstaansdatum?: string;
  signaaldatum?: string;
  status?: string;
  crisissignaal?: boolean;
  signaalpartner: { type?: string };
  client: Json;
};
type Zaak = { vroegsignalen?: { ID: string }[]; contactpogingen?: Json[]; datumOpgepakt?: string };
type Delivery = {
  gegevens: {
    leveringen: [{ vroegsignalen: Vroegsignaal[]; vroegsignaalzaken: Zaak[]; gemeentecode: string }];
  };
  paginering: Json;
};

const ids: Record<string, string> = {};

/** A second partner (Mitros) lists the tenant of the energy batch's first signal: same household. */
const mitrosCsv =
  'Huurdernummer;Voorletters;Tussenvoegsel;Achternaam;Geboortedatum;Straat;Huisnummer;Toevoeging;Postcode;Woonplaats;Telefoon;Email;Achterstand bedrag;Achterstand sinds;Maandhuur;Aantal minderjarigen;Ontruimingsdatum;BSN;Bezwaar\n' +
  'MI-7001;J.;van;Dam;01-05-1980;Bernadottelaan;12;bis;3563 AB;Utrecht;;;499,50;01-10-2026;640,00;2;;;nee\n';

/** `token: null` sends no Authorization header at all. */
async function cbs(body: unknown, token: string | null = 'dev-cbs') {
  const response = await fetch(`${t.runtime.url}/ddas/v1/gegevens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { response, bytes, json: JSON.parse(Buffer.from(bytes).toString('utf8')) as Json };
}

const NOVEMBER = { aanleverperiodeStartdatum: '2026-11-01', aanleverperiodeEinddatum: '2026-11-30' };

beforeAll(async () => {
  t = await startTestRuntime();
  await t.setClock('2026-11-23T10:00:00+01:00');
  const rent = await t.api.request<{ rows: { row: number; signalId?: string }[] }>(
    'POST',
    '/intake/rent-arrears?attest=sociale-incasso',
    {
      token: 'dev-bo-ex',
      body: readSampleBytes('rent-arrears-bo-ex.csv'),
      headers: { 'content-type': 'text/csv' },
    },
  );
  const energy = await t.api.request<{ items: { index: number; signalId?: string }[] }>(
    'POST',
    '/intake/energy-debts',
    { token: 'dev-werk-en-inkomen', body: JSON.parse(readSample('energy-debts-batch.json')) },
  );
  await t.drain();
  const mitros = await t.api.request<{ rows: { row: number; signalId?: string }[] }>(
    'POST',
    '/intake/rent-arrears?attest=sociale-incasso',
    { token: 'dev-mitros', body: Buffer.from(mitrosCsv, 'latin1'), headers: { 'content-type': 'text/csv' } },
  );
  await t.drain();
  for (const row of rent.body.rows) if (row.signalId) ids[`rent${row.row}`] = row.signalId;
  for (const item of energy.body.items) if (item.signalId) ids[`energy${item.index}`] = item.signalId;
  ids.mitros = mitros.body.rows[0]?.signalId as string;

  // The J&G Overvecht team works the van Dam household: a call in the morning, a letter, a visit
  // in the evening that reaches them (D3; the dagdeel of each, in Amsterdam time).
  await t.setClock('2026-11-26T09:00:00+01:00');
  const team = 'dev-bt-jg-overvecht';
  for (const attempt of [
    { kind: 'telefoon', reached: false, at: '2026-11-24T09:15:00+01:00' },
    { kind: 'brief', reached: false, at: '2026-11-24T14:00:00+01:00' },
    { kind: 'huisbezoek', reached: true, at: '2026-11-25T19:30:00+01:00' },
  ]) {
    const answer = await t.api.request('POST', `/signals/${ids.energy0}/contact-attempts`, {
      token: team,
      body: attempt,
    });
    expect(answer.status).toBe(201);
  }
  await t.setClock('2026-12-03T09:00:00+01:00');
}, 120_000);

afterAll(async () => {
  await t?.stop();
});

describe('POST /ddas/v1/gegevens: November 2026 for CBS (issue 14, X1–X3)', () => {
  it('delivers every debt signal of November, record by record, as v1.2 wants it', async () => {
    // Act
    const { response, json } = await cbs({ ...NOVEMBER, page: 1, pageSize: 25_000 });

    // Assess
    expect(response.status).toBe(200);
    const delivery = json as unknown as Delivery;
    expect(uitwisselmodelSchema.safeParse(delivery.gegevens).error?.issues ?? []).toEqual([]);
    // Asked 25,000; a page holds what fits in one answer (build 3), and says so.
    expect(delivery.paginering).toEqual({
      pageSize: DDAS_RECORDS_PER_ANSWER,
      currentPage: 1,
      totalPages: 1,
      totalRecords: 7,
    });
    const [levering] = delivery.gegevens.leveringen;
    expect(levering.gemeentecode).toBe('0344');
    const byId = new Map(levering.vroegsignalen.map((signal) => [signal.ID, signal]));
    // Rent row 2: no BSN, so address and birth date; € 1.234,56 → 1235.
    expect(byId.get(ids.rent2 as string)).toEqual({
      ID: ids.rent2,
      bedrag: 1235,
      ontstaansdatum: '2026-08-01',
      signaaldatum: '2026-11-23',
      status: 'Nog niet opgepakt',
      crisissignaal: false,
      warmeOverdracht: false,
      signaalpartner: { type: 'Huur' },
      client: { postcode: '3561AB', huisnummer: '12', geboortedatum: '1984-03-14' },
    });
    // Rent row 3: the suffix is part of the address.
    expect(byId.get(ids.rent3 as string)?.client).toEqual({
      postcode: '3562CD',
      huisnummer: '4',
      huisnummertoevoeging: 'bis',
      geboortedatum: '1990-11-02',
    });
    // Rent row 4: a BSN, and then the BSN alone.
    expect(byId.get(ids.rent4 as string)?.client).toEqual({ burgerservicenummer: '111222333' });
    // Rent row 8: below the threshold, not routed — with its status and its minimised client.
    expect(byId.get(ids.rent8 as string)).toMatchObject({
      bedrag: 60,
      status: 'Niet opgepakt: onterecht signaal',
      client: { postcode: '3527AB', huisnummer: '15', geboortedatum: '1995-09-23' },
    });
    // Energy 0: € 412,50 → 413 (half up), picked up by the team's attempts.
    expect(byId.get(ids.energy0 as string)).toMatchObject({
      bedrag: 413,
      status: 'Opgepakt',
      signaalpartner: { type: 'Energie' },
    });
    // Energy 1: an end-of-supply signal is a crisis signal.
    expect(byId.get(ids.energy1 as string)).toMatchObject({ bedrag: 980, crisissignaal: true });
    // Mitros's tenant: the same household as energy 0.
    expect(byId.get(ids.mitros as string)).toMatchObject({ bedrag: 500, signaalpartner: { type: 'Huur' } });
    expect(byId.size).toBe(7);
    // Rejected rows never were signals; nothing carries a name.
    expect(JSON.stringify(delivery)).not.toMatch(/Dijk|zdemir|Groot|Dam|Visser|Smit/);

    // One zaak per household case: van Dam's two signals from two partners together, with the
    // three attempts and their dagdeel.
    const vanDam = levering.vroegsignaalzaken.find((zaak) =>
      zaak.vroegsignalen?.some((signal) => signal.ID === ids.energy0),
    );
    expect(vanDam?.vroegsignalen?.map((signal) => signal.ID).sort()).toEqual(
      [ids.energy0, ids.mitros].sort(),
    );
    expect(vanDam?.datumOpgepakt).toBe('2026-11-24');
    expect(vanDam?.contactpogingen).toEqual([
      { soort: 'Telefoon', bereikt: false, datum: '2026-11-24', dagdeel: 'Ochtend' },
      { soort: 'Brief', bereikt: false, datum: '2026-11-24', dagdeel: 'Middag' },
      { soort: 'Huisbezoek', bereikt: true, datum: '2026-11-25', dagdeel: 'Avond' },
    ]);
    // The not-routed record is in no zaak; the five routed households each have one.
    expect(levering.vroegsignaalzaken).toHaveLength(5);
  });

  it('signs the exact bytes: the digest recomputes and the JWS verifies against the served certificate', async () => {
    // Prepare
    const { response, bytes } = await cbs(NOVEMBER);
    const certificate = (await (await fetch(`${t.runtime.url}/ddas/v1/certificaat`)).json()) as {
      kid: string;
      x5c: string[];
      certificatePem: string;
    };
    const digest = response.headers.get('digest');
    const signature = response.headers.get('nlgov-adr-payload-sig') as string;
    const key = await importX509(certificate.certificatePem, 'PS256');
    const [header, detached, value] = signature.split('.');
    const attached = (body: Uint8Array) => `${header}.${base64url.encode(body)}.${value}`;

    // Assess: the digest over the bytes as received (RFC 3230), and the detached JWS (X3).
    expect(digest).toBe(`SHA-256=${createHash('sha256').update(bytes).digest('base64')}`);
    expect(detached).toBe('');
    const verified = await compactVerify(attached(bytes), key);
    expect(verified.protectedHeader).toMatchObject({ alg: 'PS256', typ: 'JOSE', kid: certificate.kid });
    expect(verified.protectedHeader.x5c).toEqual(certificate.x5c);

    // One flipped byte in the body: the signature no longer holds.
    const flipped = Uint8Array.from(bytes);
    const middle = Math.floor(flipped.length / 2);
    flipped[middle] = (flipped[middle] as number) ^ 0x01;
    await expect(compactVerify(attached(flipped), key)).rejects.toThrow();
  });

  it('keeps every delivery on record: who, the period, the page and the counts, no personal data (X3)', async () => {
    // Prepare
    const table = documentClientOf(t.runtime.dynamodb);
    const recorded = async () =>
      (
        await table.send(
          new QueryCommand({
            TableName: t.runtime.tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': DELIVERY_AUDIT_PK },
          }),
        )
      ).Items ?? [];
    const before = (await recorded()).length;

    // Act
    const { response } = await cbs({ ...NOVEMBER, page: 1 });

    // Assess
    expect(response.status).toBe(200);
    const entries = await recorded();
    expect(entries).toHaveLength(before + 1);
    const { pk: _pk, sk: _sk, at: _at, ...latest } = entries.at(-1) as Json;
    expect(latest).toEqual({
      type: 'ddas-delivery',
      principalId: 'dev-cbs',
      start: '2026-11-01',
      end: '2026-11-30',
      page: 1,
      pageSize: DDAS_RECORDS_PER_ANSWER,
      totalRecords: 7,
      vroegsignalen: 7,
      vroegsignaalzaken: 5,
      leftOut: 0,
    });
    // A refused call is no delivery: nothing more on record.
    await cbs(NOVEMBER, 'dev-admin');
    expect(await recorded()).toHaveLength(before + 1);
  });

  describe('refusals as application/problem+json (RFC 9457), with Fsc-Error-Code for the caller', () => {
    const problem = new Ajv2020({ strict: false }).compile({
      type: 'object',
      required: ['type', 'title', 'status'],
      properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' } },
    });

    it.each([
      ['an unknown field → 400', { ...NOVEMBER, gemeente: '0344' }, 'dev-cbs', 400, undefined],
      [
        'a date that does not exist → 400',
        { aanleverperiodeStartdatum: '2026-02-30' },
        'dev-cbs',
        400,
        undefined,
      ],
      ['no token → 401', NOVEMBER, null, 401, 'ERROR_CODE_ACCESS_TOKEN_MISSING'],
      ['an unknown token → 401', NOVEMBER, 'not-a-token', 401, 'ERROR_CODE_ACCESS_TOKEN_INVALID'],
      ['another role, an admin too → 403', NOVEMBER, 'dev-admin', 403, 'ERROR_CODE_WRONG_GROUP_ID_IN_TOKEN'],
      [
        'a period ending before it starts → 422',
        { aanleverperiodeStartdatum: '2026-11-30', aanleverperiodeEinddatum: '2026-11-01' },
        'dev-cbs',
        422,
        undefined,
      ],
      ['a page past the last → 422', { ...NOVEMBER, page: 2 }, 'dev-cbs', 422, undefined],
    ])('%s', async (_name, body, token, status, fscCode) => {
      // Act
      const { response, json } = await cbs(body, token);

      // Assess
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(problem(json), JSON.stringify(problem.errors)).toBe(true);
      expect(json.status).toBe(status);
      expect(response.headers.get('fsc-error-code')).toBe(fscCode ?? null);
      if (fscCode) expect(json).toMatchObject({ code: fscCode, domain: 'ERROR_DOMAIN_INWAY' });
      // Never the signature of an answer that is no delivery.
      expect(response.headers.get('nlgov-adr-payload-sig')).toBeNull();
    });
  });
});
