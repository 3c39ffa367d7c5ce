import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type * as z from 'zod';
import {
  type Foutbericht,
  type InvalidParam,
  type PersonenQuery,
  personenQuerySchema,
  RAADPLEEG_MET_BURGERSERVICENUMMER,
  ZOEK_MET_POSTCODE_EN_HUISNUMMER,
} from '../../shared/adapters/haal-centraal-schemas.ts';
import type { BrpAddress } from '../../shared/application/population-register.ts';

// DESIGN B3: "Locally a BRP stand-in with demo residents runs inside `npm start`". A node:http server
// speaking the same contract as the Haal Centraal BRP Personen bevragen API v2 (`POST …/personen`,
// shared/adapters/haal-centraal-schemas.ts), for the two search types Buurtsignaal asks: it checks
// the request as the API does (400 problem+json with `invalidParams`, 401, 403, 406, 415, after the
// contract's fout-cases), answers only the requested `fields` the stand-in is authorised for, and
// fails on demand (`setFault`) so that B3 can be seen working. All residents are fictional; their
// BSNs pass the elfproef and lie in RvIG's test range 9999xxxxx except the sample's 111222333.

// ---------------------------------------------------------------------------------------------
// Demo residents

/** Where a demo resident is registered, in the BRP's own terms (verblijfadres). */
export interface DemoAddress {
  readonly postcode: string;
  readonly huisnummer: number;
  readonly huisletter?: string | undefined;
  readonly huisnummertoevoeging?: string | undefined;
}

export interface DemoResident {
  readonly bsn: string;
  readonly address: DemoAddress;
  /** Waardetabel 'Gemeenten'. */
  readonly gemeenteVanInschrijving: { readonly code: string; readonly omschrijving: string };
  /**
   * Geboortedatum (03.10) as the register holds it, `JJJJMMDD` with `00` for what is not known:
   * `20100315` a date, `19780300` only a year and month, `19680000` only a year, `00000000` unknown
   * (features/bevragen/fields-datum). Absent: no birth date registered at all.
   */
  readonly geboortedatum?: string | undefined;
  readonly geslachtsnaam?: string | undefined;
  /** Delivered with every answer, whatever the `fields` (an automatically delivered field). */
  readonly geheimhoudingPersoonsgegevens?: boolean | undefined;
}

const UTRECHT = { code: '0344', omschrijving: 'Utrecht' } as const;
const AMSTERDAM = { code: '0363', omschrijving: 'Amsterdam' } as const;

/** rent-arrears-bo-ex.csv row 3: composition unknown; two adults and two minors live here. */
export const ADDRESS_MARSHALLAAN_4_BIS: BrpAddress = {
  postcode: '3562CD',
  houseNumber: 4,
  houseNumberSuffix: 'bis',
};
/** rent-arrears-bo-ex.csv row 2 (care-reports.json's 3561AB is number 4, not this): two minors. */
export const ADDRESS_BERNADOTTELAAN_12: BrpAddress = { postcode: '3561AB', houseNumber: 12 };
/** rent-arrears-bo-ex.csv row 4: one adult, BSN 111222333. */
export const ADDRESS_EYKMANLAAN_88: BrpAddress = { postcode: '3571AE', houseNumber: 88 };
/**
 * care-reports.json …459 (3553AB 41, household not given): birth dates the register knows only in
 * part — a full date, a year and month, a year, an unknown date, and none at all.
 */
export const ADDRESS_WITH_PARTIAL_BIRTH_DATES: BrpAddress = { postcode: '3553AB', houseNumber: 41 };
/**
 * Nobody is registered here (B2's `niet-in-brp`). No sample is meant for that; this is
 * rent-arrears-bo-ex.csv row 8 (Kanaleneiland 15, 3527 AB).
 */
export const ADDRESS_WITHOUT_RESIDENTS: BrpAddress = { postcode: '3527AB', houseNumber: 15 };

/** rent-arrears-bo-ex.csv row 4's BSN (passes the elfproef): registered in Utrecht (0344). */
export const BSN_REGISTERED_IN_UTRECHT = '111222333';
/** Registered in Amsterdam (0363): B2's `geen-inwoner`. */
export const BSN_REGISTERED_ELSEWHERE = '999990019';
/** Passes the elfproef; the stand-in knows nobody with it. */
export const BSN_NOT_IN_BRP = '999990020';

const MARSHALLAAN: DemoAddress = { postcode: '3562CD', huisnummer: 4, huisnummertoevoeging: 'bis' };
const BERNADOTTELAAN: DemoAddress = { postcode: '3561AB', huisnummer: 12 };
const EYKMANLAAN: DemoAddress = { postcode: '3571AE', huisnummer: 88 };
const PARTIAL_DATES: DemoAddress = { postcode: '3553AB', huisnummer: 41 };

export const DEMO_RESIDENTS: readonly DemoResident[] = [
  // Marshallaan 4 bis: the minors are under 18 on 2026-11-30 and stay so until after 2027.
  { bsn: '999990032', address: MARSHALLAAN, gemeenteVanInschrijving: UTRECHT, geboortedatum: '19840211' },
  { bsn: '999990044', address: MARSHALLAAN, gemeenteVanInschrijving: UTRECHT, geboortedatum: '19861022' },
  { bsn: '999990056', address: MARSHALLAAN, gemeenteVanInschrijving: UTRECHT, geboortedatum: '20120514' },
  { bsn: '999990068', address: MARSHALLAAN, gemeenteVanInschrijving: UTRECHT, geboortedatum: '20160903' },
  // Bernadottelaan 12: one parent, two minors; one of them under geheimhouding.
  { bsn: '999990081', address: BERNADOTTELAAN, gemeenteVanInschrijving: UTRECHT, geboortedatum: '19840314' },
  { bsn: '999990093', address: BERNADOTTELAAN, gemeenteVanInschrijving: UTRECHT, geboortedatum: '20140620' },
  {
    bsn: '999990111',
    address: BERNADOTTELAAN,
    gemeenteVanInschrijving: UTRECHT,
    geboortedatum: '20190107',
    geheimhoudingPersoonsgegevens: true,
  },
  // Eykmanlaan 88: one adult.
  {
    bsn: BSN_REGISTERED_IN_UTRECHT,
    address: EYKMANLAAN,
    gemeenteVanInschrijving: UTRECHT,
    geboortedatum: '19610730',
  },
  // 3553AB 41: partial birth dates.
  { bsn: '999990123', address: PARTIAL_DATES, gemeenteVanInschrijving: UTRECHT, geboortedatum: '20101010' },
  { bsn: '999990135', address: PARTIAL_DATES, gemeenteVanInschrijving: UTRECHT, geboortedatum: '20130400' },
  { bsn: '999990147', address: PARTIAL_DATES, gemeenteVanInschrijving: UTRECHT, geboortedatum: '19750000' },
  { bsn: '999990159', address: PARTIAL_DATES, gemeenteVanInschrijving: UTRECHT, geboortedatum: '00000000' },
  { bsn: '999990160', address: PARTIAL_DATES, gemeenteVanInschrijving: UTRECHT },
  // Registered in Amsterdam.
  {
    bsn: BSN_REGISTERED_ELSEWHERE,
    address: { postcode: '1012AB', huisnummer: 25 },
    gemeenteVanInschrijving: AMSTERDAM,
    geboortedatum: '19900101',
  },
];

// ---------------------------------------------------------------------------------------------
// The stand-in

export const BRP_FAULTS = ['none', 'down', 'slow', 'server-error', 'malformed'] as const;
/**
 * `down`: the connection is dropped without an answer; `slow`: the answer comes after 10 s;
 * `server-error`: 500 problem+json; `malformed`: 200 with a body that is no PersonenQueryResponse.
 */
export type BrpFault = (typeof BRP_FAULTS)[number];

export interface BrpStandInOptions {
  /** 0 (the default): any free port. */
  readonly port?: number | undefined;
  readonly residents?: readonly DemoResident[] | undefined;
  /** When set, the `X-API-KEY` header must carry it (401 otherwise). */
  readonly apiKey?: string | undefined;
}

export interface BrpStandIn {
  /** The API's base URL; questions go to `${url}/personen`. */
  readonly url: string;
  close(): Promise<void>;
  setFault(fault: BrpFault): void;
  /** Every request body received, in order (parsed JSON, or the text when it was not JSON). */
  readonly requests: unknown[];
}

const BASE_PATH = '/haalcentraal/api/brp';
const PERSONEN_PATH = `${BASE_PATH}/personen`;
const SLOW_ANSWER_MS = 10_000;
const MAX_BODY_BYTES = 64 * 1024;

// The fields the stand-in is authorised to deliver — Buurtsignaal's autorisatie — per search type.
// A path to a sub-field of a date or a table value brings the whole value (fields-datum,
// fields-tabelwaarde); `geboorte` of a PersoonBeperkt is only its date.
const AUTHORISED_FIELDS: Record<PersonenQuery['type'], readonly string[]> = {
  [ZOEK_MET_POSTCODE_EN_HUISNUMMER]: [
    'geboorte',
    'geboorte.datum',
    ...['type', 'datum', 'langFormaat', 'jaar', 'maand', 'onbekend'].map((part) => `geboorte.datum.${part}`),
  ],
  [RAADPLEEG_MET_BURGERSERVICENUMMER]: [
    'gemeenteVanInschrijving',
    'gemeenteVanInschrijving.code',
    'gemeenteVanInschrijving.omschrijving',
  ],
};

// The properties of `PersoonBeperkt` and `Persoon` (openapi.yaml) one may ask for: a path into one
// of them that the stand-in does not deliver is an unauthorised field (403), a path into anything
// else a field that does not exist (400). The automatically delivered fields (inOnderzoek,
// geheimhoudingPersoonsgegevens, opschortingBijhouding, rni, verificatie) may not be asked (400).
const PERSOON_BEPERKT_FIELDS = [
  'burgerservicenummer',
  'geboorte',
  'geslacht',
  'leeftijd',
  'naam',
  'adressering',
];
const ASKABLE_FIELDS: Record<PersonenQuery['type'], readonly string[]> = {
  [ZOEK_MET_POSTCODE_EN_HUISNUMMER]: PERSOON_BEPERKT_FIELDS,
  [RAADPLEEG_MET_BURGERSERVICENUMMER]: [
    ...PERSOON_BEPERKT_FIELDS,
    'aNummer',
    'datumEersteInschrijvingGBA',
    'uitsluitingKiesrecht',
    'europeesKiesrecht',
    'nationaliteiten',
    'overlijden',
    'verblijfplaats',
    'immigratie',
    'gemeenteVanInschrijving',
    'datumInschrijvingInGemeente',
    'indicatieCurateleRegister',
    'indicatieGezagMinderjarige',
    'gezag',
    'verblijfstitel',
    'kinderen',
    'ouders',
    'partners',
  ],
};

const MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

/** Geboortedatum `JJJJMMDD` as the API's `AbstractDatum`, with its Dutch `langFormaat`. */
function datumOf(geboortedatum: string) {
  const year = Number(geboortedatum.slice(0, 4));
  const month = Number(geboortedatum.slice(4, 6));
  const day = Number(geboortedatum.slice(6, 8));
  if (year === 0) return { type: 'DatumOnbekend', onbekend: true, langFormaat: 'onbekend' } as const;
  if (month === 0) return { type: 'JaarDatum', jaar: year, langFormaat: String(year) } as const;
  const monthName = MONTHS[month - 1] ?? '';
  if (day === 0)
    return { type: 'JaarMaandDatum', jaar: year, maand: month, langFormaat: `${monthName} ${year}` } as const;
  return {
    type: 'Datum',
    datum: `${geboortedatum.slice(0, 4)}-${geboortedatum.slice(4, 6)}-${geboortedatum.slice(6, 8)}`,
    langFormaat: `${day} ${monthName} ${year}`,
  } as const;
}

function fullDateOf(resident: DemoResident): string | undefined {
  const datum = resident.geboortedatum === undefined ? undefined : datumOf(resident.geboortedatum);
  return datum?.type === 'Datum' ? datum.datum : undefined;
}

const sameText = (a: string | undefined, b: string | undefined) =>
  (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

/** Case-insensitive, with the contract's trailing `*` wildcard. */
function nameMatches(filter: string, name: string | undefined): boolean {
  if (name === undefined) return false;
  const wanted = filter.toLowerCase();
  return wanted.endsWith('*')
    ? name.toLowerCase().startsWith(wanted.slice(0, -1))
    : name.toLowerCase() === wanted;
}

type Zoek = Extract<PersonenQuery, { type: typeof ZOEK_MET_POSTCODE_EN_HUISNUMMER }>;

/** As overzicht.feature: postcode without case or space; huisletter and toevoeging only when asked. */
function livesAt(resident: DemoResident, query: Zoek): boolean {
  const { address } = resident;
  return (
    address.postcode.replace(/\s/g, '').toUpperCase() === query.postcode.replace(/\s/g, '').toUpperCase() &&
    address.huisnummer === query.huisnummer &&
    (query.huisletter === undefined || sameText(address.huisletter, query.huisletter)) &&
    (query.huisnummertoevoeging === undefined ||
      sameText(address.huisnummertoevoeging, query.huisnummertoevoeging)) &&
    (query.geboortedatum === undefined || fullDateOf(resident) === query.geboortedatum) &&
    (query.geslachtsnaam === undefined || nameMatches(query.geslachtsnaam, resident.geslachtsnaam))
  );
}

/** The person as the answer shows them: the automatically delivered field, then only what was asked. */
function persoonOf(resident: DemoResident, type: PersonenQuery['type']) {
  const automatic = resident.geheimhoudingPersoonsgegevens ? { geheimhoudingPersoonsgegevens: true } : {};
  if (type === RAADPLEEG_MET_BURGERSERVICENUMMER)
    return { ...automatic, gemeenteVanInschrijving: { ...resident.gemeenteVanInschrijving } };
  // Gegevens die er niet zijn krijg je niet terug: no birth date, no `geboorte`.
  return resident.geboortedatum === undefined
    ? automatic
    : { ...automatic, geboorte: { datum: datumOf(resident.geboortedatum) } };
}

/**
 * A `PersonenQueryResponse` as the stand-in writes it: the persons may carry automatically delivered
 * fields that our schema of the answer does not keep.
 */
interface StandInAnswer {
  readonly type: PersonenQuery['type'];
  readonly personen: readonly object[];
}

function answer(query: PersonenQuery, residents: readonly DemoResident[]): StandInAnswer {
  const registered = (resident: DemoResident) =>
    query.gemeenteVanInschrijving === undefined ||
    resident.gemeenteVanInschrijving.code === query.gemeenteVanInschrijving;
  if (query.type === RAADPLEEG_MET_BURGERSERVICENUMMER) {
    const found = query.burgerservicenummer
      .map((bsn) => residents.find((resident) => resident.bsn === bsn))
      .filter((resident): resident is DemoResident => resident !== undefined && registered(resident));
    return { type: query.type, personen: found.map((resident) => persoonOf(resident, query.type)) };
  }
  const found = residents.filter((resident) => livesAt(resident, query) && registered(resident));
  return { type: query.type, personen: found.map((resident) => persoonOf(resident, query.type)) };
}

// ---------------------------------------------------------------------------------------------
// Errors, as the contract's fout-cases give them

const PROBLEM_TYPES: Record<number, string> = {
  400: 'https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.1',
  401: 'https://datatracker.ietf.org/doc/html/rfc7235#section-3.1',
  403: 'https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.3',
  404: 'https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.4',
  405: 'https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.5',
  406: 'https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.6',
  415: 'https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.13',
  500: 'https://datatracker.ietf.org/doc/html/rfc7231#section-6.6.1',
};

function problem(status: number, title: string, code: string, more: Partial<Foutbericht> = {}): Foutbericht {
  return { type: PROBLEM_TYPES[status], title, status, instance: PERSONEN_PATH, code, ...more };
}

const invalidParams = (params: InvalidParam[]): Foutbericht =>
  problem(400, 'Een of meerdere parameters zijn niet correct.', 'paramsValidation', {
    detail: `De foutieve parameter(s) zijn: ${[...new Set(params.map((param) => param.name))].join(', ')}.`,
    invalidParams: params,
  });

/** `fields[0]`, `burgerservicenummer[2]`: the fout-cases' parameter names. */
const parameterName = (path: readonly PropertyKey[]) =>
  path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
    .join('')
    .replace(/^\./, '');

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let value = body;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

const param = (name: string, code: string, reason: string): InvalidParam => ({ name, code, reason });

/** A zod issue as the API's `InvalidParam`s (codes and reasons of the fout-cases). */
function invalidParamsOf(issue: z.core.$ZodIssue, body: unknown): InvalidParam[] {
  const name = parameterName(issue.path);
  const value = valueAt(body, issue.path);
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) =>
      param(parameterName([...issue.path, key]), 'unknownParam', 'Parameter is niet verwacht.'),
    );
  if (value === undefined || value === '') return [param(name, 'required', 'Parameter is verplicht.')];
  switch (issue.code) {
    case 'invalid_union':
      return [param(name, 'value', 'Waarde is geen geldig zoek type.')];
    case 'invalid_format': {
      const pattern = issue.pattern?.replace(/^\/|\/[a-z]*$/g, '');
      return [
        param(
          name,
          'pattern',
          pattern ? `Waarde voldoet niet aan patroon ${pattern}.` : 'Waarde is ongeldig.',
        ),
      ];
    }
    case 'too_small':
      return issue.origin === 'array'
        ? [param(name, 'minItems', `Array bevat minder dan ${issue.minimum} items.`)]
        : [param(name, 'minimum', `Waarde is lager dan minimum ${issue.minimum}.`)];
    case 'too_big':
      return issue.origin === 'array'
        ? [param(name, 'maxItems', `Array bevat meer dan ${issue.maximum} items.`)]
        : [param(name, 'maximum', `Waarde is hoger dan maximum ${issue.maximum}.`)];
    case 'invalid_type':
      if (issue.expected === 'array') return [param(name, 'array', 'Parameter is geen array.')];
      if (issue.expected === 'boolean') return [param(name, 'boolean', 'Waarde is geen boolean.')];
      if (issue.expected === 'number' || issue.expected === 'int')
        return [param(name, 'integer', 'Waarde is geen geldig getal.')];
      return [param(name, issue.expected, 'Waarde heeft een ongeldig type.')];
    default:
      return [param(name, 'value', 'Waarde is ongeldig.')];
  }
}

/** 400 for paths to no askable field, 403 for askable fields beyond the stand-in's autorisatie. */
function fieldsProblem(query: PersonenQuery): { status: number; body: Foutbericht } | undefined {
  const authorised = AUTHORISED_FIELDS[query.type];
  const askable = ASKABLE_FIELDS[query.type];
  const unknown: InvalidParam[] = [];
  let unauthorised = false;
  query.fields.forEach((field, index) => {
    const root = field.split('.')[0] ?? '';
    const isServedRoot = authorised.some((path) => path.split('.')[0] === root);
    if (!askable.includes(root) || (isServedRoot && !authorised.includes(field)))
      unknown.push(param(`fields[${index}]`, 'fields', 'Parameter bevat een niet bestaande veldnaam.'));
    else if (!authorised.includes(field)) unauthorised = true;
  });
  if (unknown.length > 0) return { status: 400, body: invalidParams(unknown) };
  if (unauthorised)
    return {
      status: 403,
      body: problem(
        403,
        'U bent niet geautoriseerd voor één of meerdere opgegeven field waarden.',
        'unauthorizedField',
      ),
    };
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// HTTP

const JSON_TYPE = 'application/json; charset=utf-8';

function send(response: ServerResponse, status: number, body: unknown, contentType = JSON_TYPE): void {
  if (response.destroyed) return;
  response.writeHead(status, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

const sendProblem = (response: ServerResponse, body: Foutbericht) =>
  send(response, body.status ?? 500, body, 'application/problem+json');

/** features …/gba zoeken: `application/json`, optionally with `charset=utf-8`; nothing else. */
function contentTypeAccepted(header: string | undefined): boolean {
  const [mediaType, ...parameters] = (header ?? '').split(';').map((part) => part.trim().toLowerCase());
  return (
    mediaType === 'application/json' &&
    parameters.every((parameter) => parameter.replace(/\s/g, '') === 'charset=utf-8')
  );
}

/** No Accept header is any type; an empty or non-JSON one is 406. */
function acceptAccepted(header: string | undefined): boolean {
  if (header === undefined) return true;
  return header
    .split(',')
    .map((range) => range.split(';')[0]?.trim().toLowerCase())
    .some((range) => range === '*/*' || range === 'application/*' || range === 'application/json');
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startBrpStandIn(options: BrpStandInOptions = {}): Promise<BrpStandIn> {
  const residents = options.residents ?? DEMO_RESIDENTS;
  const requests: unknown[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let fault: BrpFault = 'none';

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://stand-in').pathname;
    if (path !== PERSONEN_PATH)
      return sendProblem(response, problem(404, 'Opgevraagde resource bestaat niet.', 'notFound'));
    if (request.method !== 'POST')
      return sendProblem(response, problem(405, 'Deze methode is niet toegestaan.', 'methodNotAllowed'));
    const text = await readBody(request);
    let body: unknown;
    try {
      body = text === undefined ? undefined : JSON.parse(text);
    } catch {
      body = text;
    }
    requests.push(body);

    switch (fault) {
      case 'down':
        request.socket.destroy();
        return;
      case 'server-error':
        return sendProblem(response, problem(500, 'Interne server fout.', 'serverError'));
      case 'malformed':
        // No `type`, and a date the contract's AbstractDatum does not know.
        return send(response, 200, {
          personen: [{ geboorte: { datum: { type: 'Datum', datum: '31-02-2015' } } }],
        });
      default:
    }

    if (options.apiKey !== undefined && request.headers['x-api-key'] !== options.apiKey)
      return sendProblem(response, problem(401, 'Niet correct geauthenticeerd.', 'authentication'));
    if (!contentTypeAccepted(request.headers['content-type']))
      return sendProblem(response, problem(415, 'Media Type wordt niet ondersteund.', 'unsupported'));
    if (!acceptAccepted(request.headers.accept))
      return sendProblem(
        response,
        problem(406, 'Gevraagde contenttype wordt niet ondersteund.', 'notAcceptable'),
      );
    // Not a JSON object (or over 64 KB): no parameters at all, as "zoek zonder opgeven van parameters".
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      return sendProblem(response, invalidParams([param('type', 'required', 'Parameter is verplicht.')]));
    const parsed = personenQuerySchema.safeParse(body);
    if (!parsed.success)
      return sendProblem(
        response,
        invalidParams(parsed.error.issues.flatMap((issue) => invalidParamsOf(issue, body))),
      );
    const refused = fieldsProblem(parsed.data);
    if (refused) return sendProblem(response, refused.body);

    const answered = answer(parsed.data, residents);
    if (fault === 'slow') {
      const timer = setTimeout(() => {
        timers.delete(timer);
        send(response, 200, answered);
      }, SLOW_ANSWER_MS);
      timers.add(timer);
      response.on('close', () => {
        clearTimeout(timer);
        timers.delete(timer);
      });
      return;
    }
    send(response, 200, answered);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      sendProblem(response, problem(500, 'Interne server fout.', 'serverError'));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}${BASE_PATH}`,
    requests,
    setFault(next: BrpFault) {
      fault = next;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
