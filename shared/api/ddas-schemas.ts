import * as z from 'zod';
import { isCalendarDate } from '../domain/amsterdam-time.ts';
import { DDAS_MAX_PAGE_SIZE } from '../domain/ddas-delivery.ts';
import { treeShakeable } from './tree-shakeable.ts';
import './zod-dutch.ts'; // Dutch validation messages

// DESIGN X1–X3: the DDAS exchange with CBS, written from the public contract (issue 14):
// - the Uitwisselmodel v1.2 (VNG-Realisatie/ddas-vroegsignalering, v1.2/json_schema_Uitwisselmodel.json,
//   JSON Schema 2020-12): the `gegevens` of an answer;
// - the DDAS-VS API 1.0 (DDAS-VS.yaml, OpenAPI 3.1): `GegevensRequest`, `Paginering`,
//   `ProblemDetails`, `FscError` and the `Fsc-Error-Code` header.
// Field names, types, required fields and enumerations are the contract's, spelled as it spells
// them (v1.2: `aanleverendeOrganisatie`, `contactpersonen`, `burgerservicenummer`, `datumOpgepakt`,
// `startdatumMatchingperiode`; the v1.0 examples' `aanleverende_organisatie`, `contactpersoonen`,
// `Burgerservicenummer`, `datum_opgepakt` are not v1.2). Every object the contract closes with
// `additionalProperties: false` is strict here. The answer's schemas check what we send; only the
// request is read from a client, so only its messages are written for people.

// ---------------------------------------------------------------------------------------------
// Enumerations ($defs of the v1.2 schema, in its order)

export const ENUM_CONTACTSOORT = [
  'Administratief',
  'Afspraak op locatie',
  'Brief',
  'Huisbezoek',
  'Kaartje',
  'Mail',
  'Onbekend',
  'Overige',
  'SMS/Whatsapp',
  'Telefoon',
] as const;

export const ENUM_DAGDEEL = ['Ochtend', 'Middag', 'Avond'] as const;

export const ENUM_EINDRESULTAAT = [
  '(Budget)advies en/of quick fix',
  'Definitief geen contact kunnen krijgen',
  'Geen reactie na eerder contact',
  'Inwoner al bekend bij schuldhulpverlening',
  'Inwoner heeft al een ander lopend traject',
  'Inwoner heeft zelf al betaald/betalingsregeling getroffen',
  'Inwoner is overleden',
  'Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering',
  'Niet opgepakt: andere reden',
  'Niet opgepakt: herhaalde melding',
  'Niet opgepakt: onterecht signaal',
  'Persoon is geen inwoner (meer) in de gemeente',
  'Vervolghulp en/of verwijzing',
  'Vervolghulp en/of verwijzing financieel',
  'Vervolghulp en/of verwijzing niet financieel',
  'Verwijzing zonder tussenkomst inwoner',
] as const;

export const ENUM_SIGNAALPARTNER = [
  'Belastingdienst',
  'CAK Eigen bijdrage',
  'CAK Zorgverzekeringen',
  'Dienst Toeslagen',
  'DUO',
  'Energie',
  'Huur',
  'Hypotheek',
  'Overige',
  'Water',
  'Zorg',
] as const;

export const ENUM_SIGNAALSTATUS = [
  'Inwoner al bekend bij schuldhulpverlening',
  'Inwoner is overleden',
  'Niet opgepakt: andere reden',
  'Niet opgepakt: herhaalde melding',
  'Niet opgepakt: onterecht signaal',
  'Nog niet opgepakt',
  'Opgepakt',
  'Persoon is geen inwoner (meer) in de gemeente',
] as const;

export const ENUM_GESLACHT = ['Man', 'Vrouw', 'Onbekend', 'Leeg'] as const;

/** DDAS-VS 1.0, header `Fsc-Error-Code` (FSC Core 1.0.0). */
export const FSC_ERROR_CODES = [
  'ERROR_CODE_ACCESS_TOKEN_MISSING',
  'ERROR_CODE_ACCESS_TOKEN_INVALID',
  'ERROR_CODE_ACCESS_TOKEN_EXPIRED',
  'ERROR_CODE_WRONG_GROUP_ID_IN_TOKEN',
  'ERROR_CODE_SERVICE_NOT_FOUND',
  'ERROR_CODE_SERVICE_UNREACHABLE',
  'ERROR_CODE_METHOD_UNSUPPORTED',
] as const;

export type Contactsoort = (typeof ENUM_CONTACTSOORT)[number];
export type DdasDagdeel = (typeof ENUM_DAGDEEL)[number];
export type Eindresultaat = (typeof ENUM_EINDRESULTAAT)[number];
export type Signaalpartner = (typeof ENUM_SIGNAALPARTNER)[number];
export type Signaalstatus = (typeof ENUM_SIGNAALSTATUS)[number];

// ---------------------------------------------------------------------------------------------
// Building blocks

const INVALID_DATE = 'Ongeldige datum: gebruik JJJJ-MM-DD met een bestaande datum.';

/** `$defs/datum`: `format: date` — a real calendar date `YYYY-MM-DD`. */
const datumSchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .string({ error: INVALID_DATE })
    .refine(isCalendarDate, { error: INVALID_DATE, params: { code: 'invalid-date' } })
    .meta({ format: 'date' }),
);

/** `$defs/datum-tijd`: `format: date-time` (RFC 3339: `Z` or an offset). */
const datumTijdSchema = /* @__PURE__ */ treeShakeable(() => z.iso.datetime({ offset: true }));

/** JSON's `uniqueItems: true`: no two items equal as JSON values (object keys in any order). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const uniqueItems = <T extends z.ZodType>(item: T, minItems?: number) => {
  const array = minItems === undefined ? z.array(item) : z.array(item).min(minItems);
  return array.refine((items) => new Set(items.map(canonical)).size === items.length, {
    error: 'Elk element mag maar één keer voorkomen (uniqueItems).',
    params: { code: 'duplicate-items' },
  });
};

// ---------------------------------------------------------------------------------------------
// Uitwisselmodel v1.2

const contactpersoonSchema = /* @__PURE__ */ treeShakeable(() =>
  z.strictObject({
    naam: z.string().optional(),
    telefoonnummer: z.string().optional(),
    email: z.email().optional(),
    functietitel: z.string().optional(),
  }),
);

/** `aanleverendeOrganisatie`: the organisation that delivers (the municipality or its agent). */
export const aanleverendeOrganisatieSchema = /* @__PURE__ */ treeShakeable(() =>
  z.strictObject({
    naam: z.string().optional(),
    'kvk-nummer': z.string().optional(),
    contactpersonen: uniqueItems(contactpersoonSchema, 1).optional(),
  }),
);

/**
 * `client`: `oneOf` the BSN alone (exactly nine characters, nothing else: that branch closes with
 * `additionalProperties: false`), or, without a BSN, at least `postcode` and `huisnummer`. The
 * second branch is strict too and has no `burgerservicenummer`, so the two never both match.
 */
export const clientSchema = /* @__PURE__ */ treeShakeable(() =>
  z.union([
    z.strictObject({ burgerservicenummer: z.string().length(9) }),
    z.strictObject({
      geslachtsaanduiding: z.enum(ENUM_GESLACHT).optional(),
      geboortedatum: datumSchema.optional(),
      postcode: z.string(),
      huisnummer: z.string(),
      huisnummertoevoeging: z.string().optional(),
    }),
  ]),
);

export const vroegsignaalSchema = /* @__PURE__ */ treeShakeable(() =>
  z.strictObject({
    ID: z.string(),
    crisissignaal: z.boolean().optional(),
    warmeOverdracht: z.boolean().optional(),
    /** `$defs/bedrag`: an integer, whole euros. */
    bedrag: z.int().optional(),
    ontstaansdatum: datumSchema.optional(),
    signaaldatum: datumSchema.optional(),
    status: z.enum(ENUM_SIGNAALSTATUS).optional(),
    signaalpartner: z.strictObject({ type: z.enum(ENUM_SIGNAALPARTNER).optional() }),
    client: clientSchema,
  }),
);

export const contactpogingSchema = /* @__PURE__ */ treeShakeable(() =>
  z.strictObject({
    soort: z.enum(ENUM_CONTACTSOORT).optional(),
    bereikt: z.boolean().optional(),
    datum: datumSchema.optional(),
    dagdeel: z.enum(ENUM_DAGDEEL).optional(),
  }),
);

export const vroegsignaalzaakSchema = /* @__PURE__ */ treeShakeable(() =>
  z.strictObject({
    resultaat: z.enum(ENUM_EINDRESULTAAT).optional(),
    matchingsdatum: datumSchema.optional(),
    startdatumMatchingperiode: datumSchema.optional(),
    datumOpgepakt: datumSchema.optional(),
    einddatumMatchingperiode: datumSchema.optional(),
    vroegsignalen: uniqueItems(z.strictObject({ ID: z.string() }), 1).optional(),
    contactpogingen: z.array(contactpogingSchema).optional(),
  }),
);

/** One municipality's vroegsignalen and vroegsignaalzaken over the period. */
export const leveringSchema = /* @__PURE__ */ treeShakeable(() =>
  z.strictObject({
    teller: z.int(),
    gemeentecode: z.string(),
    aanleverendeOrganisatie: aanleverendeOrganisatieSchema,
    vroegsignalen: z.array(vroegsignaalSchema).optional(),
    vroegsignaalzaken: z.array(vroegsignaalzaakSchema).optional(),
  }),
);

/** The Uitwisselmodel v1.2: the `gegevens` of a DDAS-VS answer. */
export const uitwisselmodelSchema = /* @__PURE__ */ treeShakeable(() =>
  z.strictObject({
    startdatumLevering: datumSchema,
    einddatumLevering: datumSchema,
    aanleverdatumEnTijd: datumTijdSchema,
    codeGegevensleverancier: z.string(),
    leveringen: uniqueItems(leveringSchema, 1).optional(),
  }),
);

export type Uitwisselmodel = z.infer<typeof uitwisselmodelSchema>;
export type Levering = z.infer<typeof leveringSchema>;
export type Vroegsignaal = z.infer<typeof vroegsignaalSchema>;
export type Vroegsignaalzaak = z.infer<typeof vroegsignaalzaakSchema>;
export type Contactpoging = z.infer<typeof contactpogingSchema>;
export type DdasClient = z.infer<typeof clientSchema>;
export type AanleverendeOrganisatie = z.infer<typeof aanleverendeOrganisatieSchema>;

// ---------------------------------------------------------------------------------------------
// DDAS-VS API 1.0: request, answer, errors

const wholeNumberFromOne = (field: string) =>
  z
    .int({ error: `${field} moet een geheel getal van 1 of meer zijn.` })
    .min(1, { error: `${field} moet een geheel getal van 1 of meer zijn.` });

/**
 * `GegevensRequest` (`POST /gegevens`): every field optional, no other field allowed
 * (`additionalProperties: false`, API.md). The contract sets no maximum page size; a larger one is
 * answered with pages of what fits in one answer (DDAS_RECORDS_PER_ANSWER, at most
 * DDAS_MAX_PAGE_SIZE), and `paginering.pageSize` says so (issue 14).
 */
export const gegevensRequestSchema = /* @__PURE__ */ treeShakeable(() =>
  z.strictObject(
    {
      aanleverperiodeStartdatum: datumSchema.meta({ examples: ['2026-11-01'] }).optional(),
      aanleverperiodeEinddatum: datumSchema.meta({ examples: ['2026-11-30'] }).optional(),
      aanleverende_organisatie: z
        .string({ error: 'aanleverende_organisatie moet tekst zijn.' })
        .meta({ examples: ['Gemeente Utrecht'] })
        .optional(),
      page: wholeNumberFromOne('page')
        .meta({ examples: [1] })
        .optional(),
      pageSize: wholeNumberFromOne('pageSize')
        .meta({ examples: [DDAS_MAX_PAGE_SIZE] })
        .optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `Onbekend veld in het verzoek: ${issue.keys.join(', ')}. Toegestaan zijn aanleverperiodeStartdatum, aanleverperiodeEinddatum, aanleverende_organisatie, page en pageSize.`
          : 'Het verzoek moet een JSON-object zijn.',
    },
  ),
);

export type GegevensRequest = z.infer<typeof gegevensRequestSchema>;

/** `Paginering`: all four fields once present. */
export const pagineringSchema = /* @__PURE__ */ treeShakeable(() =>
  z.object({
    pageSize: z.int().min(1),
    currentPage: z.int().min(1),
    totalPages: z.int().min(1),
    totalRecords: z.int().min(0),
  }),
);

export type Paginering = z.infer<typeof pagineringSchema>;

/** The 200 answer: `gegevens` always, `paginering` only when the delivery is paged. */
export const gegevensResponseSchema = /* @__PURE__ */ treeShakeable(() =>
  z.object({
    gegevens: uitwisselmodelSchema,
    paginering: pagineringSchema.optional(),
  }),
);

export type GegevensResponse = z.infer<typeof gegevensResponseSchema>;

/**
 * `ProblemDetails` (RFC 9457): 400 and 422 answers, `application/problem+json`. Open to extension
 * members, as RFC 9457 allows: a 401/403 is an FscError (code, domain) as well.
 */
export const problemDetailsSchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .looseObject({
      type: z.string().meta({ format: 'uri' }),
      title: z.string(),
      status: z.int(),
      detail: z.string().optional(),
      instance: z.string().meta({ format: 'uri-reference' }).optional(),
    })
    .meta({ id: 'ProblemDetails' }),
);

export type ProblemDetails = z.infer<typeof problemDetailsSchema>;

/** `FscError`: 401, 403, 404, 405 and 502 answers, with the `Fsc-Error-Code` header. */
export const fscErrorSchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .looseObject({
      code: z.string(),
      domain: z.enum(['ERROR_DOMAIN_INWAY', 'ERROR_DOMAIN_OUTWAY']),
      title: z.string().optional(),
      detail: z.string().optional(),
      status: z.int().optional(),
    })
    .meta({ id: 'FscError' }),
);

export type FscError = z.infer<typeof fscErrorSchema>;

/** `GET /ddas/v1/certificaat` (X3): what a verifier needs besides the `x5c` in each signature. */
export const ddasCertificateSchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .object({
      kid: z.string().meta({ description: 'De sleutel-id in de protected header van elke handtekening.' }),
      x5c: z
        .array(z.string())
        .min(1)
        .meta({ description: 'De certificaatketen, base64 DER, het ondertekenende certificaat eerst.' }),
      certificatePem: z.string().meta({ description: 'Het ondertekenende certificaat als PEM.' }),
    })
    .meta({ id: 'DdasCertificaat' }),
);
