import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADDRESS_BERNADOTTELAAN_12,
  ADDRESS_EYKMANLAAN_88,
  ADDRESS_MARSHALLAAN_4_BIS,
  ADDRESS_WITH_PARTIAL_BIRTH_DATES,
  ADDRESS_WITHOUT_RESIDENTS,
  type BrpStandIn,
  BSN_NOT_IN_BRP,
  BSN_REGISTERED_ELSEWHERE,
  BSN_REGISTERED_IN_UTRECHT,
  DEMO_RESIDENTS,
  startBrpStandIn,
} from '../../infra/local/brp-stand-in.ts';
import { haalCentraalBrp } from '../../shared/adapters/haal-centraal-brp.ts';
import {
  ADDRESS_SEARCH_FIELDS,
  abstractDatumSchema,
  BSN_LOOKUP_FIELDS,
  BURGERSERVICENUMMER_PATTERN,
  FIELD_PATTERN,
  foutberichtSchema,
  GEMEENTE_VAN_INSCHRIJVING_PATTERN,
  HUISLETTER_PATTERN,
  HUISNUMMERTOEVOEGING_PATTERN,
  LANG_FORMAAT_PATTERN,
  POSTCODE_PATTERN,
  personenQueryResponseSchema,
  personenQuerySchema,
  raadpleegMetBurgerservicenummerSchema,
  zoekMetPostcodeEnHuisnummerSchema,
} from '../../shared/adapters/haal-centraal-schemas.ts';
import type { BrpAddress, PopulationRegister } from '../../shared/application/population-register.ts';
import { validBsn } from '../../shared/domain/dutch-formats.ts';

// DESIGN B1–B3, the contract test of the BRP integration (Haal Centraal BRP Personen bevragen API
// v2, BRP-API/Haal-Centraal-BRP-bevragen): every request the adapter sends fits the request schemas
// with exactly our `fields`; every answer of the stand-in fits the answer schema and carries only
// what was asked; hostile requests get the problem+json the contract's fout-cases describe. Last,
// an oracle independent of our schemas' code: literal facts read in the contract (openapi.yaml and
// the features), each with where it was read.

const DEMO_ADDRESSES: readonly BrpAddress[] = [
  ADDRESS_MARSHALLAAN_4_BIS,
  ADDRESS_BERNADOTTELAAN_12,
  ADDRESS_EYKMANLAAN_88,
  ADDRESS_WITH_PARTIAL_BIRTH_DATES,
  ADDRESS_WITHOUT_RESIDENTS,
];
const DEMO_BSNS = [...DEMO_RESIDENTS.map((resident) => resident.bsn), BSN_NOT_IN_BRP];
const SUFFIXES = ['A', 'b', 'bis', '2', 'A-1', '-3', '', undefined];

/** Every question the router can ask of the demo data, and of each kind of suffix. */
async function askEverything(register: PopulationRegister): Promise<void> {
  for (const address of DEMO_ADDRESSES) await register.residentsAt(address);
  for (const suffix of SUFFIXES)
    await register.residentsAt({ postcode: '3562 cd', houseNumber: 4, houseNumberSuffix: suffix });
  for (const bsn of DEMO_BSNS) await register.registrationOf(bsn);
}

/** What the adapter may send, beyond the contract: our own two questions, exactly. */
function expectOurQuestion(request: unknown): void {
  // The contract
  const parsed = personenQuerySchema.safeParse(request);
  expect(parsed.error?.issues ?? []).toEqual([]);
  if (!parsed.success) return;
  const query = parsed.data;
  // Ours
  if (query.type === 'ZoekMetPostcodeEnHuisnummer') {
    expect(query.fields).toEqual(['geboorte.datum']);
    expect(query.gemeenteVanInschrijving).toBe('0344');
    expect(query.postcode).toMatch(/^[1-9][0-9]{3}[A-Z]{2}$/); // normalised: no space, capitals
    expect(Number.isInteger(query.huisnummer)).toBe(true);
    expect(query.inclusiefOverledenPersonen).toBeUndefined();
    expect(query.geboortedatum).toBeUndefined();
    expect(query.geslachtsnaam).toBeUndefined();
  } else {
    expect(query.fields).toEqual(['gemeenteVanInschrijving']);
    expect(query).not.toHaveProperty('gemeenteVanInschrijving');
    expect(query.burgerservicenummer).toHaveLength(1);
  }
}

/** A raw POST to the stand-in, headers as the contract wants them unless overridden. */
async function post(standIn: BrpStandIn, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${standIn.url}/personen`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json; charset=utf-8', Accept: 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    json: JSON.parse(text),
  };
}

const zoek = (address: BrpAddress, more: Record<string, unknown> = {}) => ({
  type: 'ZoekMetPostcodeEnHuisnummer',
  fields: [...ADDRESS_SEARCH_FIELDS],
  postcode: address.postcode,
  huisnummer: address.houseNumber,
  ...(address.houseNumberSuffix ? { huisnummertoevoeging: address.houseNumberSuffix } : {}),
  ...more,
});

const raadpleeg = (bsns: string[], more: Record<string, unknown> = {}) => ({
  type: 'RaadpleegMetBurgerservicenummer',
  fields: [...BSN_LOOKUP_FIELDS],
  burgerservicenummer: bsns,
  ...more,
});

const residentsAt = (address: BrpAddress) =>
  DEMO_RESIDENTS.filter(
    (resident) =>
      resident.address.postcode === address.postcode &&
      resident.address.huisnummer === address.houseNumber &&
      resident.gemeenteVanInschrijving.code === '0344',
  );

// ---------------------------------------------------------------------------------------------

describe('BRP contract: what the adapter sends', () => {
  it('sends the stand-in only requests that fit the request schemas, with exactly our fields (B1, B2)', async () => {
    // Prepare
    const standIn = await startBrpStandIn();
    try {
      // Act
      await askEverything(haalCentraalBrp({ url: standIn.url }));

      // Assess
      expect(standIn.requests).toHaveLength(DEMO_ADDRESSES.length + SUFFIXES.length + DEMO_BSNS.length);
      for (const request of standIn.requests) expectOurQuestion(request);
    } finally {
      await standIn.close();
    }
  });

  it('sends a capturing BRP only POSTs to …/personen with the JSON headers and the API key', async () => {
    // Prepare: a BRP that records everything and answers each type with nobody found.
    const captured: { method?: string; url?: string; headers: IncomingHttpHeaders; body: unknown }[] = [];
    const server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { type: string };
      captured.push({ method: request.method, url: request.url, headers: request.headers, body });
      response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ type: body.type, personen: [] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const { port } = server.address() as AddressInfo;
    try {
      // Act
      await askEverything(
        haalCentraalBrp({ url: `http://127.0.0.1:${port}/haalcentraal/api/brp`, apiKey: 'sleutel' }),
      );

      // Assess
      expect(captured).toHaveLength(DEMO_ADDRESSES.length + SUFFIXES.length + DEMO_BSNS.length);
      for (const { method, url, headers, body } of captured) {
        expect(method).toBe('POST');
        expect(url).toBe('/haalcentraal/api/brp/personen');
        expect(headers['content-type']).toBe('application/json; charset=utf-8');
        expect(headers.accept).toBe('application/json');
        expect(headers['x-api-key']).toBe('sleutel');
        expectOurQuestion(body);
      }
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('names in `fields` only paths the contract has for the search type', () => {
    // features/bevragen/persoon-beperkt/geboorte/protocollering: `geboorte.datum` for the searches
    // (PersoonBeperkt); features/bevragen/persoon/gemeente/protocollering: `gemeenteVanInschrijving`
    // for RaadpleegMetBurgerservicenummer (Persoon) — not a field of PersoonBeperkt.
    expect(ADDRESS_SEARCH_FIELDS).toEqual(['geboorte.datum']);
    expect(BSN_LOOKUP_FIELDS).toEqual(['gemeenteVanInschrijving']);
  });
});

describe('BRP contract: what the stand-in answers', () => {
  let standIn: BrpStandIn;

  beforeAll(async () => {
    standIn = await startBrpStandIn();
  });

  afterAll(async () => {
    await standIn.close();
  });

  it.each(DEMO_ADDRESSES.map((address) => [`${address.postcode} ${address.houseNumber}`, address] as const))(
    'answers the address search for %s with a valid PersonenQueryResponse holding only geboorte.datum',
    async (_, address) => {
      // Act
      const { status, contentType, json } = await post(standIn, zoek(address));

      // Assess
      expect(status).toBe(200);
      expect(contentType).toMatch(/^application\/json\b/);
      const parsed = personenQueryResponseSchema.safeParse(json);
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(json.type).toBe('ZoekMetPostcodeEnHuisnummer');
      expect(json.personen).toHaveLength(residentsAt(address).length);
      for (const persoon of json.personen as Record<string, unknown>[]) {
        // Asked: geboorte.datum; automatically delivered: geheimhoudingPersoonsgegevens.
        for (const key of Object.keys(persoon))
          expect(['geboorte', 'geheimhoudingPersoonsgegevens']).toContain(key);
        if (persoon.geboorte) expect(Object.keys(persoon.geboorte as object)).toEqual(['datum']);
      }
    },
  );

  it.each(DEMO_BSNS)(
    'answers the BSN lookup of %s with a valid PersonenQueryResponse holding only gemeenteVanInschrijving',
    async (bsn) => {
      // Act
      const { status, json } = await post(standIn, raadpleeg([bsn]));

      // Assess
      expect(status).toBe(200);
      const parsed = personenQueryResponseSchema.safeParse(json);
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(json.type).toBe('RaadpleegMetBurgerservicenummer');
      expect(json.personen).toHaveLength(bsn === BSN_NOT_IN_BRP ? 0 : 1);
      for (const persoon of json.personen as Record<string, unknown>[]) {
        for (const key of Object.keys(persoon))
          expect(['gemeenteVanInschrijving', 'geheimhoudingPersoonsgegevens']).toContain(key);
        expect(Object.keys(persoon.gemeenteVanInschrijving as object).sort()).toEqual([
          'code',
          'omschrijving',
        ]);
      }
    },
  );

  it('answers several BSNs at once, the unknown one left out', async () => {
    const { json } = await post(
      standIn,
      raadpleeg([BSN_REGISTERED_IN_UTRECHT, BSN_NOT_IN_BRP, BSN_REGISTERED_ELSEWHERE]),
    );

    expect(json.personen).toEqual([
      { gemeenteVanInschrijving: { code: '0344', omschrijving: 'Utrecht' } },
      { gemeenteVanInschrijving: { code: '0363', omschrijving: 'Amsterdam' } },
    ]);
  });

  it('searches within a municipality when gemeenteVanInschrijving is given (binnengemeentelijk-zoeken.feature)', async () => {
    const elsewhere = await post(
      standIn,
      raadpleeg([BSN_REGISTERED_ELSEWHERE], { gemeenteVanInschrijving: '0344' }),
    );
    const utrecht = await post(standIn, zoek(ADDRESS_EYKMANLAAN_88, { gemeenteVanInschrijving: '0344' }));
    const amsterdam = await post(standIn, zoek(ADDRESS_EYKMANLAAN_88, { gemeenteVanInschrijving: '0363' }));

    expect(elsewhere.json.personen).toEqual([]);
    expect(utrecht.json.personen).toHaveLength(1);
    expect(amsterdam.json.personen).toEqual([]);
  });

  it('gives the whole date for any path into geboorte.datum (fields-datum.feature)', async () => {
    for (const field of ['geboorte', 'geboorte.datum', 'geboorte.datum.jaar', 'geboorte.datum.onbekend']) {
      const { json } = await post(standIn, zoek(ADDRESS_WITH_PARTIAL_BIRTH_DATES, { fields: [field] }));
      expect(json.personen.map((persoon: { geboorte?: unknown }) => persoon.geboorte)).toEqual([
        { datum: { type: 'Datum', datum: '2010-10-10', langFormaat: '10 oktober 2010' } },
        { datum: { type: 'JaarMaandDatum', jaar: 2013, maand: 4, langFormaat: 'april 2013' } },
        { datum: { type: 'JaarDatum', jaar: 1975, langFormaat: '1975' } },
        { datum: { type: 'DatumOnbekend', onbekend: true, langFormaat: 'onbekend' } },
        undefined,
      ]);
    }
  });

  it('gives the whole table value for gemeenteVanInschrijving.code (fields-tabelwaarde.feature)', async () => {
    const { json } = await post(
      standIn,
      raadpleeg([BSN_REGISTERED_ELSEWHERE], { fields: ['gemeenteVanInschrijving.code'] }),
    );

    expect(json.personen).toEqual([{ gemeenteVanInschrijving: { code: '0363', omschrijving: 'Amsterdam' } }]);
  });

  it('matches postcode without case or space, and huisletter/toevoeging only when given (overzicht.feature)', async () => {
    const count = async (more: Record<string, unknown>) =>
      (await post(standIn, { ...zoek({ postcode: '3562CD', houseNumber: 4 }), ...more })).json.personen
        .length;

    expect(await count({ postcode: '3562 cd' })).toBe(4);
    expect(await count({ huisnummertoevoeging: 'BIS' })).toBe(4);
    expect(await count({ huisnummertoevoeging: 'ter' })).toBe(0);
    expect(await count({ huisletter: 'A' })).toBe(0);
  });
});

describe('BRP contract: hostile requests to the stand-in', () => {
  let standIn: BrpStandIn;

  beforeAll(async () => {
    standIn = await startBrpStandIn();
  });

  afterAll(async () => {
    await standIn.close();
  });

  /** A problem+json of the contract's Foutbericht with this status. */
  function expectProblem(answer: Awaited<ReturnType<typeof post>>, status: number): void {
    expect(answer.status).toBe(status);
    expect(answer.contentType).toBe('application/problem+json');
    const parsed = foutberichtSchema.safeParse(answer.json);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(answer.json).toMatchObject({ status, instance: '/haalcentraal/api/brp/personen' });
  }

  const MARSHALLAAN = zoek(ADDRESS_MARSHALLAAN_4_BIS);
  const { postcode: _p, huisnummer: _h, ...withoutPostcodeAndHuisnummer } = MARSHALLAAN;
  const { fields: _f, ...withoutFields } = MARSHALLAAN;
  const { type: _t, ...withoutType } = MARSHALLAAN;
  const { burgerservicenummer: _b, ...raadpleegWithoutBsn } = raadpleeg([BSN_REGISTERED_IN_UTRECHT]);

  it.each([
    [
      'no postcode and huisnummer',
      withoutPostcodeAndHuisnummer,
      [
        ['required', 'postcode'],
        ['required', 'huisnummer'],
      ],
    ],
    ['postcode 3562', { ...MARSHALLAAN, postcode: '3562' }, [['pattern', 'postcode']]],
    ['postcode 0628HJ', { ...MARSHALLAAN, postcode: '0628HJ' }, [['pattern', 'postcode']]],
    ['an empty postcode', { ...MARSHALLAAN, postcode: '' }, [['required', 'postcode']]],
    ['huisnummer 0', { ...MARSHALLAAN, huisnummer: 0 }, [['minimum', 'huisnummer']]],
    ['huisnummer 100000', { ...MARSHALLAAN, huisnummer: 100_000 }, [['maximum', 'huisnummer']]],
    ['huisnummer "twee"', { ...MARSHALLAAN, huisnummer: 'twee' }, [['integer', 'huisnummer']]],
    ['huisletter 1', { ...MARSHALLAAN, huisletter: '1' }, [['pattern', 'huisletter']]],
    [
      'huisnummertoevoeging 123.45',
      { ...MARSHALLAAN, huisnummertoevoeging: '123.45' },
      [['pattern', 'huisnummertoevoeging']],
    ],
    [
      'inclusiefOverledenPersonen "geen boolean"',
      { ...MARSHALLAAN, inclusiefOverledenPersonen: 'geen boolean' },
      [['boolean', 'inclusiefOverledenPersonen']],
    ],
    [
      'gemeenteVanInschrijving 123',
      { ...MARSHALLAAN, gemeenteVanInschrijving: '123' },
      [['pattern', 'gemeenteVanInschrijving']],
    ],
    ['an unknown type', { ...MARSHALLAAN, type: 'OnbekendZoekType' }, [['value', 'type']]],
    [
      'a type in the wrong case',
      { ...MARSHALLAAN, type: 'zoekmetpostcodeenhuisnummer' },
      [['value', 'type']],
    ],
    ['no type', withoutType, [['required', 'type']]],
    ['a misspelt parameter', { ...MARSHALLAAN, huisleter: 'A' }, [['unknownParam', 'huisleter']]],
    [
      'a parameter of another search type',
      { ...MARSHALLAAN, voornamen: 'Pietje' },
      [['unknownParam', 'voornamen']],
    ],
    ['no fields', withoutFields, [['required', 'fields']]],
    ['an empty fields', { ...MARSHALLAAN, fields: [] }, [['minItems', 'fields']]],
    ['fields as a string', { ...MARSHALLAAN, fields: 'geboorte.datum' }, [['array', 'fields']]],
    ['a field with a space', { ...MARSHALLAAN, fields: ['geboorte datum'] }, [['pattern', 'fields[0]']]],
    ['131 fields', { ...MARSHALLAAN, fields: Array(131).fill('geboorte.datum') }, [['maxItems', 'fields']]],
    [
      'a field PersoonBeperkt does not have',
      { ...MARSHALLAAN, fields: ['gemeenteVanInschrijving'] },
      [['fields', 'fields[0]']],
    ],
    [
      'an automatically delivered field',
      { ...MARSHALLAAN, fields: ['geboorte.datum', 'inOnderzoek'] },
      [['fields', 'fields[1]']],
    ],
    [
      'a path into geboorte that does not exist',
      { ...MARSHALLAAN, fields: ['geboorte.datum.dag'] },
      [['fields', 'fields[0]']],
    ],
    ['no burgerservicenummer', raadpleegWithoutBsn, [['required', 'burgerservicenummer']]],
    ['no BSN in the list', raadpleeg([]), [['minItems', 'burgerservicenummer']]],
    ['an eight-digit BSN', raadpleeg(['12345678']), [['pattern', 'burgerservicenummer[0]']]],
    [
      'two BSNs of ten digits',
      raadpleeg(['1234567890', '123456789', '1234567890']),
      [
        ['pattern', 'burgerservicenummer[0]'],
        ['pattern', 'burgerservicenummer[2]'],
      ],
    ],
    ['21 BSNs', raadpleeg(Array(21).fill(BSN_REGISTERED_IN_UTRECHT)), [['maxItems', 'burgerservicenummer']]],
    [
      'inclusiefOverledenPersonen on a BSN lookup',
      raadpleeg([BSN_REGISTERED_IN_UTRECHT], { inclusiefOverledenPersonen: true }),
      [['unknownParam', 'inclusiefOverledenPersonen']],
    ],
    ['a body that is no JSON object', '["ZoekMetPostcodeEnHuisnummer"]', [['required', 'type']]],
    ['a body that is no JSON', 'type=ZoekMetPostcodeEnHuisnummer', [['required', 'type']]],
  ])('answers %s with 400 and its invalidParams', async (_, body, expected) => {
    // Act
    const answer = await post(standIn, body);

    // Assess
    expectProblem(answer, 400);
    expect(answer.json).toMatchObject({
      code: 'paramsValidation',
      title: 'Een of meerdere parameters zijn niet correct.',
    });
    expect(
      answer.json.invalidParams.map((param: { code: string; name: string }) => [param.code, param.name]),
    ).toEqual(expected);
  });

  it("gives the contract's pattern in the reason of a pattern error (fout-cases.feature)", async () => {
    const answer = await post(standIn, { ...MARSHALLAAN, postcode: '3562' });

    expect(answer.json.invalidParams[0].reason).toBe(
      'Waarde voldoet niet aan patroon ^[1-9]{1}[0-9]{3}[ ]?[A-Za-z]{2}$.',
    );
    expect(answer.json.detail).toBe('De foutieve parameter(s) zijn: postcode.');
  });

  it.each([
    ['naam on the address search', MARSHALLAAN, ['geboorte.datum', 'naam']],
    ['burgerservicenummer on the address search', MARSHALLAAN, ['burgerservicenummer']],
    ['geboorte on the BSN lookup', raadpleeg([BSN_REGISTERED_IN_UTRECHT]), ['geboorte.datum']],
    [
      'verblijfplaats on the BSN lookup',
      raadpleeg([BSN_REGISTERED_IN_UTRECHT]),
      ['gemeenteVanInschrijving', 'verblijfplaats'],
    ],
  ])('refuses fields beyond our autorisatie (%s) with 403 unauthorizedField', async (_, body, fields) => {
    // features/autorisatie/personen/persoon-beperkt/autorisatie.feature: an existing field the
    // afnemer is not authorised for is 403, not 400.
    const answer = await post(standIn, { ...body, fields });

    expectProblem(answer, 403);
    expect(answer.json.code).toBe('unauthorizedField');
  });

  it.each([
    ['text/plain', 415],
    ['application/json; charset=cp1252', 415],
    ['application/xml', 415],
  ])('answers Content-Type %s with %i', async (contentType, status) => {
    expectProblem(await post(standIn, MARSHALLAAN, { 'Content-Type': contentType }), status);
  });

  it.each(['application/xml', 'text/csv'])('answers Accept %s with 406', async (accept) => {
    expectProblem(await post(standIn, MARSHALLAAN, { Accept: accept }), 406);
  });

  it.each(['*/*', 'application/json;charset=utf-8', 'application/*'])('accepts Accept %s', async (accept) => {
    expect((await post(standIn, MARSHALLAAN, { Accept: accept })).status).toBe(200);
  });

  it('answers another path with 404 and another method with 405, both problem+json', async () => {
    const elsewhere = await fetch(`${standIn.url}/ingeschrevenpersonen`, { method: 'POST', body: '{}' });
    const get = await fetch(`${standIn.url}/personen`);

    expect([elsewhere.status, elsewhere.headers.get('content-type')]).toEqual([
      404,
      'application/problem+json',
    ]);
    expect([get.status, get.headers.get('content-type')]).toEqual([405, 'application/problem+json']);
    await elsewhere.text();
    await get.text();
  });

  it('answers a missing or wrong X-API-KEY with 401 when the stand-in has a key', async () => {
    const guarded = await startBrpStandIn({ apiKey: 'geheim' });
    try {
      expectProblem(await post(guarded, MARSHALLAAN), 401);
      expectProblem(await post(guarded, MARSHALLAAN, { 'X-API-KEY': 'fout' }), 401);
      expect((await post(guarded, MARSHALLAAN, { 'X-API-KEY': 'geheim' })).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  it("answers the 'server-error' fault with a 500 problem+json and 'malformed' with a 200 that is no PersonenQueryResponse", async () => {
    const faulty = await startBrpStandIn();
    try {
      faulty.setFault('server-error');
      expectProblem(await post(faulty, MARSHALLAAN), 500);
      faulty.setFault('malformed');
      const malformed = await post(faulty, MARSHALLAAN);
      expect(malformed.status).toBe(200);
      expect(personenQueryResponseSchema.safeParse(malformed.json).success).toBe(false);
    } finally {
      await faulty.close();
    }
  });
});

describe('BRP contract: the demo residents', () => {
  it('have BSNs that pass the elfproef, nine digits each, none twice', () => {
    const bsns = DEMO_RESIDENTS.map((resident) => resident.bsn);
    for (const bsn of [...bsns, BSN_NOT_IN_BRP]) expect(validBsn(bsn)).toBe(bsn);
    expect(new Set(bsns).size).toBe(bsns.length);
    expect(bsns).not.toContain(BSN_NOT_IN_BRP);
  });

  it('live at addresses the address search can ask for', () => {
    for (const { address } of DEMO_RESIDENTS) {
      const query = zoek({ postcode: address.postcode, houseNumber: address.huisnummer });
      expect(zoekMetPostcodeEnHuisnummerSchema.safeParse(query).success).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The oracle: facts of the contract written down as read, not taken from our schemas' code.
// openapi.yaml is BRP-API/Haal-Centraal-BRP-bevragen specificatie/resolved/openapi.yaml (v2.5.0 at
// 02e1f072, v2.6.0 at 1404d727); the features are under features/ and docs/v2/features/.

describe('BRP contract oracle', () => {
  it("has the contract's patterns, character for character", () => {
    // openapi.yaml components.schemas.Postcode.pattern
    expect(POSTCODE_PATTERN.source).toBe('^[1-9]{1}[0-9]{3}[ ]?[A-Za-z]{2}$');
    // components.schemas.Huisletter.pattern
    expect(HUISLETTER_PATTERN.source).toBe('^[a-zA-Z]{1}$');
    // components.schemas.Huisnummertoevoeging.pattern
    expect(HUISNUMMERTOEVOEGING_PATTERN.source).toBe('^[a-zA-Z0-9 \\-]{1,4}$');
    // components.schemas.Burgerservicenummer.pattern
    expect(BURGERSERVICENUMMER_PATTERN.source).toBe('^[0-9]{9}$');
    // components.schemas.GemeenteVanInschrijving.pattern
    expect(GEMEENTE_VAN_INSCHRIJVING_PATTERN.source).toBe('^[0-9]{4}$');
    // components.schemas.Field.pattern
    expect(FIELD_PATTERN.source).toBe('^[a-zA-Z0-9\\._]{1,200}$');
    // components.schemas.AbstractDatum.properties.langFormaat.pattern
    expect(LANG_FORMAAT_PATTERN.source).toBe('^[a-z0-9 ]{1,17}$');
  });

  const address = {
    type: 'ZoekMetPostcodeEnHuisnummer',
    fields: ['burgerservicenummer'],
    postcode: '2628HJ',
    huisnummer: 2,
  };
  const valid = (schema: { safeParse(input: unknown): { success: boolean } }, input: unknown) =>
    schema.safeParse(input).success;

  it('takes the postcodes of zoeken/met-postcode-en-huisnummer/overzicht.feature and refuses those of its fout-cases', () => {
    for (const postcode of ['2628HJ', '2628hj', '2628 HJ', '2628 hj', '2628 Hj'])
      expect(valid(zoekMetPostcodeEnHuisnummerSchema, { ...address, postcode })).toBe(true);
    for (const postcode of ['0628HJ', '2628  HJ', "<script>alert('hello world');</script>", '2628'])
      expect(valid(zoekMetPostcodeEnHuisnummerSchema, { ...address, postcode })).toBe(false);
  });

  it('keeps huisnummer between 1 and 99999 (components.schemas.Huisnummer: minimum 1, maximum 99999)', () => {
    for (const [huisnummer, ok] of [
      [1, true],
      [99999, true],
      [0, false],
      [100000, false],
      ['2', false],
    ] as const)
      expect(valid(zoekMetPostcodeEnHuisnummerSchema, { ...address, huisnummer })).toBe(ok);
  });

  it('takes huisletter A/a and huisnummertoevoeging III/iii, and refuses 1 and 123.45 (overzicht and fout-cases)', () => {
    expect(valid(zoekMetPostcodeEnHuisnummerSchema, { ...address, huisletter: 'A' })).toBe(true);
    expect(valid(zoekMetPostcodeEnHuisnummerSchema, { ...address, huisletter: 'a' })).toBe(true);
    expect(valid(zoekMetPostcodeEnHuisnummerSchema, { ...address, huisletter: '1' })).toBe(false);
    expect(valid(zoekMetPostcodeEnHuisnummerSchema, { ...address, huisnummertoevoeging: 'III' })).toBe(true);
    expect(valid(zoekMetPostcodeEnHuisnummerSchema, { ...address, huisnummertoevoeging: 'iii' })).toBe(true);
    expect(valid(zoekMetPostcodeEnHuisnummerSchema, { ...address, huisnummertoevoeging: '123.45' })).toBe(
      false,
    );
  });

  it('requires type and fields (components.schemas.PersonenQuery.required) and 1 to 130 fields (minItems 1, maxItems 130)', () => {
    const { fields: _, ...withoutFields } = address;
    expect(valid(personenQuerySchema, withoutFields)).toBe(false);
    expect(valid(personenQuerySchema, { ...address, fields: [] })).toBe(false);
    expect(valid(personenQuerySchema, { ...address, fields: Array(130).fill('naam') })).toBe(true);
    expect(valid(personenQuerySchema, { ...address, fields: Array(131).fill('naam') })).toBe(false);
  });

  it('takes 1 to 20 BSNs of nine digits (RaadpleegMetBurgerservicenummer: minItems 1, maxItems 20; fout-cases)', () => {
    // The request of docs/v2/getting-started.md.
    const example = {
      type: 'RaadpleegMetBurgerservicenummer',
      burgerservicenummer: ['999993653'],
      fields: ['burgerservicenummer'],
    };
    expect(valid(raadpleegMetBurgerservicenummerSchema, example)).toBe(true);
    expect(
      valid(raadpleegMetBurgerservicenummerSchema, {
        ...example,
        burgerservicenummer: Array(20).fill('999993653'),
      }),
    ).toBe(true);
    expect(
      valid(raadpleegMetBurgerservicenummerSchema, {
        ...example,
        burgerservicenummer: Array(21).fill('999993653'),
      }),
    ).toBe(false);
    expect(valid(raadpleegMetBurgerservicenummerSchema, { ...example, burgerservicenummer: [] })).toBe(false);
    for (const bsn of ['12345678', '1234567890', '<script>123456789</script>'])
      expect(valid(raadpleegMetBurgerservicenummerSchema, { ...example, burgerservicenummer: [bsn] })).toBe(
        false,
      );
    // gemeenteVanInschrijving: pattern ^[0-9]{4}$ (fout-cases: 123 and 12345 refused; overzicht: 0599)
    expect(
      valid(raadpleegMetBurgerservicenummerSchema, { ...example, gemeenteVanInschrijving: '0599' }),
    ).toBe(true);
    expect(valid(raadpleegMetBurgerservicenummerSchema, { ...example, gemeenteVanInschrijving: '123' })).toBe(
      false,
    );
  });

  it("reads the contract's AbstractDatum examples and the dates of fields-datum.feature", () => {
    for (const datum of [
      { type: 'Datum', datum: '2018-07-01', langFormaat: '1 juli 2018' }, // AbstractDatum / VolledigeDatum example
      { type: 'DatumOnbekend', onbekend: true, langFormaat: 'onbekend' }, // DatumOnbekend example
      { type: 'JaarDatum', jaar: 2018, langFormaat: '2018' }, // JaarDatum example (YAML writes 2018 unquoted)
      { type: 'JaarMaandDatum', jaar: 2018, maand: 7, langFormaat: 'juli 2018' }, // JaarMaandDatum example
      { type: 'Datum', datum: '1956-11-15', langFormaat: '15 november 1956' }, // fields-datum.feature
      { type: 'JaarMaandDatum', jaar: 1978, maand: 3, langFormaat: 'maart 1978' },
      { type: 'JaarDatum', jaar: 1968, langFormaat: '1968' },
    ])
      expect(abstractDatumSchema.safeParse(datum).error?.issues ?? []).toEqual([]);
  });

  it('requires each kind of AbstractDatum to carry its own properties and langFormaat', () => {
    for (const datum of [
      { type: 'Datum', langFormaat: '1 juli 2018' }, // VolledigeDatum.required: datum
      { type: 'JaarMaandDatum', jaar: 2018, langFormaat: 'juli 2018' }, // required: jaar, maand
      { type: 'JaarDatum', langFormaat: '2018' }, // required: jaar
      { type: 'DatumOnbekend', langFormaat: 'onbekend' }, // required: onbekend
      { type: 'Datum', datum: '2018-07-01' }, // AbstractDatum.required: type, langFormaat
      { type: 'JaarMaandDatum', jaar: 2018, maand: 13, langFormaat: 'juli 2018' }, // Maand: maximum 12
      { type: 'Dag', datum: '2018-07-01', langFormaat: '1 juli 2018' }, // not in the discriminator mapping
    ])
      expect(abstractDatumSchema.safeParse(datum).success).toBe(false);
  });

  it('reads an answer with only its required type (PersonenQueryResponse.required: type)', () => {
    expect(valid(personenQueryResponseSchema, { type: 'ZoekMetPostcodeEnHuisnummer' })).toBe(true);
    expect(valid(personenQueryResponseSchema, { personen: [] })).toBe(false);
  });

  it("reads the contract's 400 example and a fout-case body as Foutbericht", () => {
    // components.responses.400.content.application/problem+json.example
    expect(
      foutberichtSchema.safeParse({
        type: 'https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.1',
        title: 'Ten minste één parameter moet worden opgegeven.',
        status: 400,
        detail:
          'The request could not be understood by the server due to malformed syntax. The client SHOULD NOT repeat the request without modification.',
        instance: 'https://datapunt.voorbeeldgemeente.nl/api/v1/resourcenaam?parameter=waarde',
        code: 'paramsRequired',
        invalidParams: [
          {
            type: 'https://www.vng.nl/realisatie/api/validaties/integer',
            name: 'huisnummer',
            code: 'integer',
            reason: 'Waarde is geen geldig getal.',
          },
        ],
      }).success,
    ).toBe(true);
    // raadpleeg-met-burgerservicenummer/fout-cases.feature
    expect(
      foutberichtSchema.safeParse({
        type: 'https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.1',
        title: 'Een of meerdere parameters zijn niet correct.',
        status: 400,
        detail: 'De foutieve parameter(s) zijn: burgerservicenummer[0].',
        code: 'paramsValidation',
        instance: '/haalcentraal/api/brp/personen',
        invalidParams: [
          {
            code: 'pattern',
            name: 'burgerservicenummer[0]',
            reason: 'Waarde voldoet niet aan patroon ^[0-9]{9}$.',
          },
        ],
      }).success,
    ).toBe(true);
  });
});
