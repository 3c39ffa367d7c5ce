import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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
  startBrpStandIn,
} from '../../infra/local/brp-stand-in.ts';
import {
  HAAL_CENTRAAL_DEFAULTS,
  type HaalCentraalBrpConfig,
  haalCentraalBrp,
} from '../../shared/adapters/haal-centraal-brp.ts';
import {
  type BrpAddress,
  type BrpFailureCode,
  PopulationRegisterError,
} from '../../shared/application/population-register.ts';

// DESIGN B1–B3: the Haal Centraal adapter over real HTTP on localhost — against the BRP stand-in
// (infra/local/brp-stand-in.ts) for the answers, and against small node:http servers for each way
// the BRP can fail: timeout, 5xx, 429, 4xx, malformed answers, a refused or dropped connection,
// and the circuit breaker around them (its clock injected).

const ZOEK_LEEG = { type: 'ZoekMetPostcodeEnHuisnummer', personen: [] };
const noSleep = async () => {};

// ---------------------------------------------------------------------------------------------
// Helpers

interface TestServer {
  readonly url: string;
  readonly bodies: unknown[];
  hits(): number;
  close(): Promise<void>;
}

const servers: TestServer[] = [];

/** A BRP that answers each request as `respond` says (`hit` counts from 1). */
async function brpServer(
  respond: (hit: number, response: ServerResponse, request: IncomingMessage) => void,
): Promise<TestServer> {
  const bodies: unknown[] = [];
  let hits = 0;
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
    bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    hits++;
    respond(hits, response, request);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const handle: TestServer = {
    url: `http://127.0.0.1:${port}/api/brp`,
    bodies,
    hits: () => hits,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  servers.push(handle);
  return handle;
}

function reply(
  response: ServerResponse,
  status: number,
  body: unknown,
  contentType = 'application/json',
): void {
  response.writeHead(status, { 'Content-Type': contentType });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}

const problem = (status: number) => ({ title: 'Fout.', status, code: 'fout' });

/** A port where nothing listens: opened, read and closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The failure code a promise rejects with (it must reject with a PopulationRegisterError). */
async function failureOf(promise: Promise<unknown>): Promise<BrpFailureCode> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(PopulationRegisterError);
  return (error as PopulationRegisterError).code;
}

const adapter = (url: string, config: Partial<HaalCentraalBrpConfig> = {}) =>
  haalCentraalBrp({ url, sleep: noSleep, ...config });

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

// ---------------------------------------------------------------------------------------------

describe('haalCentraalBrp against the BRP stand-in', () => {
  let standIn: BrpStandIn;

  beforeAll(async () => {
    standIn = await startBrpStandIn();
  });

  afterAll(async () => {
    await standIn.close();
  });

  const lastRequest = () => standIn.requests.at(-1);

  it('asks ZoekMetPostcodeEnHuisnummer for geboorte.datum only, within Utrecht, and returns one birth date per resident (B1)', async () => {
    // Prepare: the postcode as a partner may still write it.
    const register = adapter(standIn.url);
    const address: BrpAddress = { ...ADDRESS_MARSHALLAAN_4_BIS, postcode: '3562 cd' };

    // Act
    const birthDates = await register.residentsAt(address);

    // Assess: two adults and two minors; the question exactly as B1 allows it.
    expect(birthDates).toEqual([
      { kind: 'datum', date: '1984-02-11' },
      { kind: 'datum', date: '1986-10-22' },
      { kind: 'datum', date: '2012-05-14' },
      { kind: 'datum', date: '2016-09-03' },
    ]);
    expect(lastRequest()).toEqual({
      type: 'ZoekMetPostcodeEnHuisnummer',
      fields: ['geboorte.datum'],
      gemeenteVanInschrijving: '0344',
      postcode: '3562CD',
      huisnummer: 4,
      huisnummertoevoeging: 'bis',
    });
  });

  it('keeps what the register knows of partial birth dates, and a person without one is onbekend (B1, R3)', async () => {
    // Prepare
    const register = adapter(standIn.url);

    // Act
    const birthDates = await register.residentsAt(ADDRESS_WITH_PARTIAL_BIRTH_DATES);

    // Assess: Datum, JaarMaandDatum, JaarDatum, DatumOnbekend, and no `geboorte` at all.
    expect(birthDates).toEqual([
      { kind: 'datum', date: '2010-10-10' },
      { kind: 'jaar-maand', year: 2013, month: 4 },
      { kind: 'jaar', year: 1975 },
      { kind: 'onbekend' },
      { kind: 'onbekend' },
    ]);
  });

  it('reads answers with automatically delivered fields (geheimhouding) as any other', async () => {
    const birthDates = await adapter(standIn.url).residentsAt(ADDRESS_BERNADOTTELAAN_12);

    expect(birthDates).toEqual([
      { kind: 'datum', date: '1984-03-14' },
      { kind: 'datum', date: '2014-06-20' },
      { kind: 'datum', date: '2019-01-07' },
    ]);
  });

  it('returns no birth dates for an address where nobody is registered (B2 niet-in-brp)', async () => {
    expect(await adapter(standIn.url).residentsAt(ADDRESS_WITHOUT_RESIDENTS)).toEqual([]);
    expect(await adapter(standIn.url).residentsAt(ADDRESS_EYKMANLAAN_88)).toEqual([
      { kind: 'datum', date: '1961-07-30' },
    ]);
  });

  it('learns where a BSN is registered, asking gemeenteVanInschrijving without filtering on it (B2)', async () => {
    // Prepare
    const register = adapter(standIn.url);
    const before = standIn.requests.length;

    // Act
    const elsewhere = await register.registrationOf(BSN_REGISTERED_ELSEWHERE);
    const utrecht = await register.registrationOf(BSN_REGISTERED_IN_UTRECHT);
    const unknown = await register.registrationOf(BSN_NOT_IN_BRP);

    // Assess
    expect(elsewhere).toEqual({ found: true, municipalityCode: '0363' });
    expect(utrecht).toEqual({ found: true, municipalityCode: '0344' });
    expect(unknown).toEqual({ found: false });
    expect(standIn.requests.slice(before)).toEqual(
      [BSN_REGISTERED_ELSEWHERE, BSN_REGISTERED_IN_UTRECHT, BSN_NOT_IN_BRP].map((bsn) => ({
        type: 'RaadpleegMetBurgerservicenummer',
        fields: ['gemeenteVanInschrijving'],
        burgerservicenummer: [bsn],
      })),
    );
  });

  it.each([
    ['A', { huisletter: 'A' }],
    ['a', { huisletter: 'a' }],
    [' B ', { huisletter: 'B' }],
    ['bis', { huisnummertoevoeging: 'bis' }],
    ['2', { huisnummertoevoeging: '2' }],
    ['A-1', { huisnummertoevoeging: 'A-1' }],
    ['III', { huisnummertoevoeging: 'III' }],
    ['-2', { huisnummertoevoeging: '2' }],
    ['', {}],
    [undefined, {}],
  ])('sends the suffix %j as %j', async (suffix, parameters) => {
    // Prepare
    const register = adapter(standIn.url);

    // Act
    await register.residentsAt({ postcode: '3562CD', houseNumber: 4, houseNumberSuffix: suffix });

    // Assess
    expect(lastRequest()).toEqual({
      type: 'ZoekMetPostcodeEnHuisnummer',
      fields: ['geboorte.datum'],
      gemeenteVanInschrijving: '0344',
      postcode: '3562CD',
      huisnummer: 4,
      ...parameters,
    });
  });

  it.each(['2-hoog', '3 hoog', '1/2'])(
    'does not ask at all for the unsearchable suffix %j: left out, every unit at the number would count',
    async (suffix) => {
      // Prepare
      const register = adapter(standIn.url);
      const before = standIn.requests.length;

      // Act
      const asked = register.residentsAt({ postcode: '3562CD', houseNumber: 4, houseNumberSuffix: suffix });

      // Assess
      await expect(asked).rejects.toMatchObject({ code: 'brp-unsearchable-address' });
      expect(standIn.requests).toHaveLength(before);
    },
  );

  it.each([
    ['a postcode without letters', { postcode: '3562', houseNumber: 4 }],
    ['a postcode starting with 0', { postcode: '0562CD', houseNumber: 4 }],
    ['house number 0', { postcode: '3562CD', houseNumber: 0 }],
    ['house number 100000', { postcode: '3562CD', houseNumber: 100_000 }],
    ['a fractional house number', { postcode: '3562CD', houseNumber: 4.5 }],
  ])('throws on %s before sending anything: a bug, not a question', async (_, address) => {
    const before = standIn.requests.length;

    const failure = adapter(standIn.url).residentsAt(address);

    await expect(failure).rejects.toThrow(/does not fit the contract/);
    await expect(failure).rejects.not.toBeInstanceOf(PopulationRegisterError);
    expect(standIn.requests.length).toBe(before);
  });

  it('throws on a BSN that is not nine digits before sending anything', async () => {
    const before = standIn.requests.length;

    await expect(adapter(standIn.url).registrationOf('12345678')).rejects.toThrow(
      /does not fit the contract/,
    );
    expect(standIn.requests.length).toBe(before);
  });

  it('says nothing personal in the error of a request that does not fit', async () => {
    const error = await adapter(standIn.url)
      .residentsAt({ postcode: '3562', houseNumber: 4 })
      .catch((reason: Error) => reason);

    expect(String(error)).toContain('postcode');
    expect(String(error)).not.toContain('3562');
  });
});

describe('haalCentraalBrp with an API key', () => {
  let standIn: BrpStandIn;

  beforeAll(async () => {
    standIn = await startBrpStandIn({ apiKey: 'demo-key' });
  });

  afterAll(async () => {
    await standIn.close();
  });

  it('sends it as X-API-KEY', async () => {
    expect(
      await adapter(standIn.url, { apiKey: 'demo-key' }).residentsAt(ADDRESS_EYKMANLAAN_88),
    ).toHaveLength(1);
  });

  it("takes the BRP's 401 for a missing key as a client error and does not retry it", async () => {
    const before = standIn.requests.length;

    expect(await failureOf(adapter(standIn.url).residentsAt(ADDRESS_EYKMANLAAN_88))).toBe('brp-client-error');
    expect(standIn.requests.length - before).toBe(1);
  });
});

describe('haalCentraalBrp when the BRP fails (B3)', () => {
  it('gives up with brp-timeout when every attempt outlasts timeoutMs, after the retries', async () => {
    // Prepare: answers after 400 ms; the adapter waits 100 ms per attempt.
    const brp = await brpServer((_, response) => {
      setTimeout(() => {
        if (!response.destroyed) reply(response, 200, ZOEK_LEEG);
      }, 400);
    });
    const register = adapter(brp.url, { timeoutMs: 100, retries: 2 });
    const started = Date.now();

    // Act
    const code = await failureOf(register.residentsAt(ADDRESS_EYKMANLAAN_88));

    // Assess: three attempts of ~100 ms each, not one of 400 ms.
    expect(code).toBe('brp-timeout');
    expect(brp.hits()).toBe(3);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('times out on an answer whose body stops halfway (the timeout covers reading it)', async () => {
    const brp = await brpServer((_, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write('{"type":"ZoekMetPostcodeEnHuisnummer",');
    });

    const code = await failureOf(
      adapter(brp.url, { timeoutMs: 100, retries: 0 }).residentsAt(ADDRESS_EYKMANLAAN_88),
    );

    expect(code).toBe('brp-timeout');
  });

  it("times out on the stand-in's 'slow' fault", async () => {
    const standIn = await startBrpStandIn();
    try {
      standIn.setFault('slow');
      const code = await failureOf(
        adapter(standIn.url, { timeoutMs: 100, retries: 1 }).residentsAt(ADDRESS_EYKMANLAAN_88),
      );
      expect(code).toBe('brp-timeout');
      expect(standIn.requests).toHaveLength(2);
    } finally {
      await standIn.close();
    }
  });

  it('retries a 500 and then gives up with brp-server-error', async () => {
    const brp = await brpServer((_, response) =>
      reply(response, 500, problem(500), 'application/problem+json'),
    );

    const code = await failureOf(adapter(brp.url, { retries: 2 }).residentsAt(ADDRESS_EYKMANLAAN_88));

    expect(code).toBe('brp-server-error');
    expect(brp.hits()).toBe(3);
  });

  it('answers when a retry after a 503 succeeds', async () => {
    const brp = await brpServer((hit, response) =>
      hit === 1
        ? reply(response, 503, problem(503), 'application/problem+json')
        : reply(response, 200, ZOEK_LEEG),
    );

    expect(await adapter(brp.url).residentsAt(ADDRESS_EYKMANLAAN_88)).toEqual([]);
    expect(brp.hits()).toBe(2);
  });

  it('retries a 429 (too many requests) as a passing condition', async () => {
    const brp = await brpServer((_, response) =>
      reply(response, 429, problem(429), 'application/problem+json'),
    );

    const code = await failureOf(adapter(brp.url, { retries: 2 }).registrationOf(BSN_REGISTERED_IN_UTRECHT));

    expect(code).toBe('brp-client-error');
    expect(brp.hits()).toBe(3);
  });

  it.each([400, 401, 403, 404, 406, 415])(
    'never retries a %i: brp-client-error after one request',
    async (status) => {
      const brp = await brpServer((_, response) =>
        reply(response, status, problem(status), 'application/problem+json'),
      );

      const code = await failureOf(adapter(brp.url, { retries: 2 }).residentsAt(ADDRESS_EYKMANLAAN_88));

      expect(code).toBe('brp-client-error');
      expect(brp.hits()).toBe(1);
    },
  );

  it("takes the stand-in's 'malformed' answer as brp-malformed-answer, without retrying", async () => {
    const standIn = await startBrpStandIn();
    try {
      standIn.setFault('malformed');
      const code = await failureOf(adapter(standIn.url, { retries: 2 }).residentsAt(ADDRESS_EYKMANLAAN_88));
      expect(code).toBe('brp-malformed-answer');
      expect(standIn.requests).toHaveLength(1);
    } finally {
      await standIn.close();
    }
  });

  it.each([
    ['a body that is not JSON', 200, 'Service Unavailable', 'application/json'],
    ['JSON under another media type', 200, ZOEK_LEEG, 'text/html'],
    [
      'a date the contract does not know',
      200,
      {
        type: 'ZoekMetPostcodeEnHuisnummer',
        personen: [
          { geboorte: { datum: { type: 'Datum', datum: '2015-02-31', langFormaat: '31 februari 2015' } } },
        ],
      },
      'application/json',
    ],
    [
      'an AbstractDatum without langFormaat',
      200,
      {
        type: 'ZoekMetPostcodeEnHuisnummer',
        personen: [{ geboorte: { datum: { type: 'JaarDatum', jaar: 1975 } } }],
      },
      'application/json',
    ],
    [
      'an answer to the other question',
      200,
      { type: 'RaadpleegMetBurgerservicenummer', personen: [] },
      'application/json',
    ],
    [
      'an answer of a search type we never ask',
      200,
      { type: 'ZoekMetGeslachtsnaamEnGeboortedatum', personen: [] },
      'application/json',
    ],
    ['a 204 without body', 204, '', 'application/json'],
  ])('takes %s as brp-malformed-answer', async (_, status, body, contentType) => {
    const brp = await brpServer((__, response) => reply(response, status, body, contentType));

    const code = await failureOf(adapter(brp.url).residentsAt(ADDRESS_EYKMANLAAN_88));

    expect(code).toBe('brp-malformed-answer');
    expect(brp.hits()).toBe(1);
  });

  it('follows no redirect with a question: a 302 is no answer', async () => {
    const elsewhere = await brpServer((_, response) => reply(response, 200, ZOEK_LEEG));
    const brp = await brpServer((_, response) => {
      response.writeHead(307, { Location: `${elsewhere.url}/personen` });
      response.end();
    });

    const code = await failureOf(adapter(brp.url).residentsAt(ADDRESS_EYKMANLAAN_88));

    expect(code).toBe('brp-malformed-answer');
    expect(elsewhere.hits()).toBe(0);
  });

  it.each([
    [
      'two persons for one BSN',
      [{ gemeenteVanInschrijving: { code: '0344' } }, { gemeenteVanInschrijving: { code: '0363' } }],
    ],
    [
      'a municipality code that is not four digits',
      [{ gemeenteVanInschrijving: { code: '344', omschrijving: 'Utrecht' } }],
    ],
  ])('takes %s as brp-malformed-answer (B2 must not misread a registration)', async (_, personen) => {
    const brp = await brpServer((__, response) =>
      reply(response, 200, { type: 'RaadpleegMetBurgerservicenummer', personen }),
    );

    expect(await failureOf(adapter(brp.url).registrationOf(BSN_REGISTERED_IN_UTRECHT))).toBe(
      'brp-malformed-answer',
    );
  });

  it('reads a registration without gemeenteVanInschrijving as found, municipality unknown', async () => {
    const brp = await brpServer((_, response) =>
      reply(response, 200, { type: 'RaadpleegMetBurgerservicenummer', personen: [{}] }),
    );

    expect(await adapter(brp.url).registrationOf(BSN_REGISTERED_IN_UTRECHT)).toEqual({
      found: true,
      municipalityCode: undefined,
    });
  });

  it('reads an answer without personen (not required by the contract) as nobody found', async () => {
    const brp = await brpServer((_, response) =>
      reply(response, 200, { type: 'ZoekMetPostcodeEnHuisnummer' }),
    );

    expect(await adapter(brp.url).residentsAt(ADDRESS_WITHOUT_RESIDENTS)).toEqual([]);
  });

  it('gives up with brp-unreachable when the connection is refused', async () => {
    const port = await closedPort();

    const code = await failureOf(adapter(`http://127.0.0.1:${port}`).residentsAt(ADDRESS_EYKMANLAAN_88));

    expect(code).toBe('brp-unreachable');
  });

  it("gives up with brp-unreachable on the stand-in's 'down' fault, after the retries", async () => {
    const standIn = await startBrpStandIn();
    try {
      standIn.setFault('down');
      const code = await failureOf(adapter(standIn.url, { retries: 2 }).residentsAt(ADDRESS_EYKMANLAAN_88));
      expect(code).toBe('brp-unreachable');
      expect(standIn.requests).toHaveLength(3);
    } finally {
      await standIn.close();
    }
  });

  it("takes the stand-in's 'server-error' fault as brp-server-error", async () => {
    const standIn = await startBrpStandIn();
    try {
      standIn.setFault('server-error');
      expect(await failureOf(adapter(standIn.url, { retries: 1 }).registrationOf(BSN_NOT_IN_BRP))).toBe(
        'brp-server-error',
      );
      standIn.setFault('none');
      expect(await adapter(standIn.url).registrationOf(BSN_NOT_IN_BRP)).toEqual({ found: false });
    } finally {
      await standIn.close();
    }
  });

  it('waits longer before each retry, exponentially with jitter around a 100 ms base', async () => {
    // Prepare
    const brp = await brpServer((_, response) =>
      reply(response, 500, problem(500), 'application/problem+json'),
    );
    const waits: number[] = [];
    const register = adapter(brp.url, {
      retries: 5,
      breakerThreshold: 10,
      sleep: async (ms) => void waits.push(ms),
    });

    // Act
    await failureOf(register.residentsAt(ADDRESS_EYKMANLAAN_88));

    // Assess: between half and all of 100, 200, 400, 800, 1600 ms — and not always the same part.
    expect(waits).toHaveLength(5);
    waits.forEach((wait, index) => {
      const ceiling = 100 * 2 ** index;
      expect(wait).toBeGreaterThanOrEqual(ceiling / 2);
      expect(wait).toBeLessThanOrEqual(ceiling);
    });
    expect(new Set(waits.map((wait, index) => wait / 2 ** index)).size).toBeGreaterThan(1);
  });

  it('hands fetch the endpoint, the JSON headers, no redirects, a timeout signal and the mTLS dispatcher', async () => {
    // Prepare
    const calls: { url: string; init: RequestInit }[] = [];
    const dispatcher = {} as NonNullable<RequestInit['dispatcher']>;
    const fakeFetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(JSON.stringify(ZOEK_LEEG), {
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
      });
    }) as unknown as typeof fetch;
    const register = haalCentraalBrp({
      url: 'https://brp.example/haalcentraal/api/brp/',
      apiKey: 'k',
      fetch: fakeFetch,
      dispatcher,
    });

    // Act
    await register.residentsAt(ADDRESS_EYKMANLAAN_88);

    // Assess
    expect(calls).toHaveLength(1);
    const [{ url, init }] = calls as [{ url: string; init: RequestInit }];
    expect(url).toBe('https://brp.example/haalcentraal/api/brp/personen');
    expect(init).toMatchObject({
      method: 'POST',
      redirect: 'manual',
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        Accept: 'application/json',
        'X-API-KEY': 'k',
      },
    });
    expect(init.dispatcher).toBe(dispatcher);
    expect(init.signal).toBeInstanceOf(AbortSignal);
  });

  it('uses the documented defaults', () => {
    expect(HAAL_CENTRAAL_DEFAULTS).toEqual({
      timeoutMs: 2000,
      retries: 2,
      backoffMs: 100,
      breakerThreshold: 5,
      breakerCooldownMs: 30_000,
    });
  });
});

describe('haalCentraalBrp circuit breaker (B3)', () => {
  const failing = () =>
    brpServer((_, response) => reply(response, 500, problem(500), 'application/problem+json'));

  it('opens after N consecutive failed requests and then fails fast without a request', async () => {
    // Prepare
    const brp = await failing();
    const register = adapter(brp.url, { retries: 0, breakerThreshold: 3, now: () => 0 });
    for (let n = 0; n < 3; n++) await failureOf(register.residentsAt(ADDRESS_EYKMANLAAN_88));

    // Act
    const code = await failureOf(register.residentsAt(ADDRESS_EYKMANLAAN_88));
    const bsnCode = await failureOf(register.registrationOf(BSN_REGISTERED_IN_UTRECHT));

    // Assess
    expect(code).toBe('brp-circuit-open');
    expect(bsnCode).toBe('brp-circuit-open');
    expect(brp.hits()).toBe(3);
  });

  it('opens with the default of 5 failures', async () => {
    const brp = await failing();
    const register = adapter(brp.url, { retries: 0, now: () => 0 });

    for (let n = 0; n < 5; n++)
      expect(await failureOf(register.residentsAt(ADDRESS_EYKMANLAAN_88))).toBe('brp-server-error');

    expect(await failureOf(register.residentsAt(ADDRESS_EYKMANLAAN_88))).toBe('brp-circuit-open');
    expect(brp.hits()).toBe(5);
  });

  it("counts attempts: one question's retries can open it, and the refused retry keeps the real failure", async () => {
    const brp = await failing();
    const register = adapter(brp.url, { retries: 2, breakerThreshold: 2, now: () => 0 });

    const code = await failureOf(register.residentsAt(ADDRESS_EYKMANLAAN_88));

    expect(code).toBe('brp-server-error');
    expect(brp.hits()).toBe(2);
  });

  it('half-opens after the cool-down: one trial request, whose success closes it', async () => {
    // Prepare: open at t=0; the BRP recovers.
    let now = 0;
    let healthy = false;
    const brp = await brpServer((_, response) =>
      healthy
        ? reply(response, 200, ZOEK_LEEG)
        : reply(response, 500, problem(500), 'application/problem+json'),
    );
    const register = adapter(brp.url, {
      retries: 0,
      breakerThreshold: 2,
      breakerCooldownMs: 30_000,
      now: () => now,
    });
    await failureOf(register.residentsAt(ADDRESS_EYKMANLAAN_88));
    await failureOf(register.residentsAt(ADDRESS_EYKMANLAAN_88));
    healthy = true;

    // Act + Assess: still open just before the cool-down ends…
    now = 29_999;
    expect(await failureOf(register.residentsAt(ADDRESS_EYKMANLAAN_88))).toBe('brp-circuit-open');
    expect(brp.hits()).toBe(2);
    // …one trial at its end, and closed after it.
    now = 30_000;
    expect(await register.residentsAt(ADDRESS_EYKMANLAAN_88)).toEqual([]);
    expect(await register.residentsAt(ADDRESS_EYKMANLAAN_88)).toEqual([]);
    expect(brp.hits()).toBe(4);
  });

  it('opens again for a full cool-down when the trial fails, and tries again after it', async () => {
    // Prepare
    let now = 0;
    const brp = await failing();
    const register = adapter(brp.url, {
      retries: 2,
      breakerThreshold: 2,
      breakerCooldownMs: 1000,
      now: () => now,
    });
    await failureOf(register.residentsAt(ADDRESS_EYKMANLAAN_88));

    // Act: the trial fails (and its retries are refused)…
    now = 1000;
    const trial = await failureOf(register.residentsAt(ADDRESS_EYKMANLAAN_88));
    now = 1999;
    const during = await failureOf(register.residentsAt(ADDRESS_EYKMANLAAN_88));
    // …and after the second cool-down there is a second trial.
    now = 2000;
    const secondTrial = await failureOf(register.residentsAt(ADDRESS_EYKMANLAAN_88));

    // Assess
    expect([trial, during, secondTrial]).toEqual([
      'brp-server-error',
      'brp-circuit-open',
      'brp-server-error',
    ]);
    expect(brp.hits()).toBe(4);
  });

  it('lets a single trial through while half-open, failing the others fast', async () => {
    // Prepare
    let now = 0;
    let healthy = false;
    const brp = await brpServer((_, response) => {
      if (!healthy) return reply(response, 500, problem(500), 'application/problem+json');
      setTimeout(() => reply(response, 200, ZOEK_LEEG), 50);
    });
    const register = adapter(brp.url, {
      retries: 0,
      breakerThreshold: 1,
      breakerCooldownMs: 10,
      now: () => now,
    });
    await failureOf(register.residentsAt(ADDRESS_EYKMANLAAN_88));
    healthy = true;
    now = 10;

    // Act
    const [first, second] = await Promise.allSettled([
      register.residentsAt(ADDRESS_EYKMANLAAN_88),
      register.residentsAt(ADDRESS_EYKMANLAAN_88),
    ]);

    // Assess
    expect(first).toEqual({ status: 'fulfilled', value: [] });
    expect(second.status === 'rejected' && (second.reason as PopulationRegisterError).code).toBe(
      'brp-circuit-open',
    );
    expect(brp.hits()).toBe(2);
  });

  it('is not opened by client errors: the BRP answered', async () => {
    const brp = await brpServer((_, response) =>
      reply(response, 400, problem(400), 'application/problem+json'),
    );
    const register = adapter(brp.url, { breakerThreshold: 2, now: () => 0 });

    for (let n = 0; n < 4; n++)
      expect(await failureOf(register.residentsAt(ADDRESS_EYKMANLAAN_88))).toBe('brp-client-error');

    expect(brp.hits()).toBe(4);
  });

  it('counts consecutive failures only: an answer in between starts the count again', async () => {
    // Prepare: fail, fail, answer, fail, fail, answer.
    const brp = await brpServer((hit, response) =>
      hit % 3 === 0
        ? reply(response, 200, ZOEK_LEEG)
        : reply(response, 500, problem(500), 'application/problem+json'),
    );
    const register = adapter(brp.url, { retries: 0, breakerThreshold: 3, now: () => 0 });

    // Act
    const results = [];
    for (let n = 0; n < 6; n++)
      results.push(await register.residentsAt(ADDRESS_EYKMANLAAN_88).catch(() => 'failed'));

    // Assess: every question reached the BRP.
    expect(results).toEqual(['failed', 'failed', [], 'failed', 'failed', []]);
    expect(brp.hits()).toBe(6);
  });

  it('is opened by malformed answers too', async () => {
    const brp = await brpServer((_, response) => reply(response, 200, 'niet json'));
    const register = adapter(brp.url, { breakerThreshold: 2, now: () => 0 });

    await failureOf(register.residentsAt(ADDRESS_EYKMANLAAN_88));
    await failureOf(register.residentsAt(ADDRESS_EYKMANLAAN_88));

    expect(await failureOf(register.residentsAt(ADDRESS_EYKMANLAAN_88))).toBe('brp-circuit-open');
    expect(brp.hits()).toBe(2);
  });
});
