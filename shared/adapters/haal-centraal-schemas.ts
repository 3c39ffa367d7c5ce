import * as z from 'zod';
import { treeShakeable } from '../api/tree-shakeable.ts';
import { isCalendarDate } from '../domain/amsterdam-time.ts';

// DESIGN B1–B3: the part of the Haal Centraal BRP Personen bevragen API v2 (`POST /personen`) that
// Buurtsignaal speaks, written from the public contract (BRP-API/Haal-Centraal-BRP-bevragen):
// - specificatie/resolved/openapi.yaml (OpenAPI 3.1, v2.5.0/v2.6.0): `PersonenQuery` and its
//   `ZoekMetPostcodeEnHuisnummer` / `RaadpleegMetBurgerservicenummer`, `PersonenQueryResponse`,
//   `PersoonBeperkt` / `Persoon`, `AbstractDatum` and its four kinds, `Waardetabel`, `Foutbericht`,
//   `BadRequestFoutbericht`, `InvalidParam`;
// - the features: zoeken/met-postcode-en-huisnummer, zoeken/met-burgerservicenummer,
//   zoeken/binnengemeentelijk-zoeken, bevragen/fields-datum, bevragen/fields-tabelwaarde,
//   bevragen/fields-fout-cases and the fout-cases of both searches.
// Names, patterns and limits are the contract's, spelled as it spells them. The contract leaves
// `additionalProperties` open, but its fout-cases answer every parameter a search type does not name
// with 400 `unknownParam` ("Alleen gespecificeerde parameters bij het opgegeven zoektype mogen worden
// gebruikt"): the requests are strict objects here. The answers are read, not written, by us: they
// keep only what our `fields` can bring back and drop the rest (automatically delivered fields such as
// `geheimhoudingPersoonsgegevens`, `inOnderzoek`, `rni` included), so a valid answer validates and
// nothing else of it goes further (B1).

// ---------------------------------------------------------------------------------------------
// Patterns and limits (components.schemas of openapi.yaml)

/** A `pattern` of the contract, character for character (its `source` is the contract's text). */
const specPattern = (pattern: string): RegExp => new RegExp(pattern);

/** `Postcode`: four digits, the first not 0, an optional space, two letters of either case. */
export const POSTCODE_PATTERN = specPattern('^[1-9]{1}[0-9]{3}[ ]?[A-Za-z]{2}$');
/** `Huisnummer`: an integer from 1 to 99999. */
export const HUISNUMMER_MINIMUM = 1;
export const HUISNUMMER_MAXIMUM = 99999;
/** `Huisletter`: one letter. */
export const HUISLETTER_PATTERN = specPattern('^[a-zA-Z]{1}$');
/** `Huisnummertoevoeging`: one to four letters, digits, spaces or hyphens. */
export const HUISNUMMERTOEVOEGING_PATTERN = specPattern(String.raw`^[a-zA-Z0-9 \-]{1,4}$`);
/** `Burgerservicenummer`: nine digits (the contract checks no elfproef). */
export const BURGERSERVICENUMMER_PATTERN = specPattern('^[0-9]{9}$');
/** `RaadpleegMetBurgerservicenummer.burgerservicenummer`: 1 to 20 of them. */
export const BURGERSERVICENUMMERS_MAX_ITEMS = 20;
/** `GemeenteVanInschrijving` (the search parameter): a four-digit municipality code. */
export const GEMEENTE_VAN_INSCHRIJVING_PATTERN = specPattern('^[0-9]{4}$');
/** `Field`: a dotted path; `PersonenQuery.fields` holds 1 to 130 of them. */
export const FIELD_PATTERN = specPattern(String.raw`^[a-zA-Z0-9\._]{1,200}$`);
export const FIELDS_MAX_ITEMS = 130;
/** `GeslachtsnaamFilter` (v2.6.0 added it to the postcode search; we never send it). */
const GESLACHTSNAAM_FILTER_PATTERN = specPattern(
  String.raw`^[a-zA-Z0-9À-ž \.\-\']{1,200}$|^[a-zA-Z0-9À-ž \.\-\']{3,199}\*{1}$`,
);
/** `AbstractDatum.langFormaat`: the date written out in Dutch (`1 juli 2018`, `maart 1978`, `onbekend`). */
export const LANG_FORMAAT_PATTERN = specPattern('^[a-z0-9 ]{1,17}$');
/** `Waardetabel.code` and `Waardetabel.omschrijving`. */
const WAARDETABEL_CODE_PATTERN = specPattern(String.raw`^[a-zA-Z0-9 \.]+$`);
const WAARDETABEL_OMSCHRIJVING_PATTERN = specPattern(String.raw`^[a-zA-Z0-9À-ž \'\.\-\(\),]{1,200}$`);
/** `Foutbericht.code` and `InvalidParam.code`: a system code such as `paramsValidation`, `pattern`. */
const FOUT_CODE_PATTERN = specPattern('^[a-zA-Z0-9]{1,25}$');

// ---------------------------------------------------------------------------------------------
// What we ask (the only `fields` we send; both paths are in the contract's field lists:
// `geboorte.datum` is a field of `PersoonBeperkt` (features/bevragen/fields-datum,
// persoon-beperkt/geboorte), `gemeenteVanInschrijving` a field of `Persoon`, i.e. of
// `RaadpleegMetBurgerservicenummer` only (persoon/gemeente)).

/** `ZoekMetPostcodeEnHuisnummer`: the birth date of everyone registered at the address (B1, R3). */
export const ADDRESS_SEARCH_FIELDS = ['geboorte.datum'] as const;
/** `RaadpleegMetBurgerservicenummer`: where the person is registered (B2). */
export const BSN_LOOKUP_FIELDS = ['gemeenteVanInschrijving'] as const;

export const ZOEK_MET_POSTCODE_EN_HUISNUMMER = 'ZoekMetPostcodeEnHuisnummer';
export const RAADPLEEG_MET_BURGERSERVICENUMMER = 'RaadpleegMetBurgerservicenummer';

// ---------------------------------------------------------------------------------------------
// Requests

/** `format: date`: a real calendar date `YYYY-MM-DD`. */
const dateSchema = /* @__PURE__ */ treeShakeable(() => z.string().refine(isCalendarDate));

/** `PersonenQuery.fields`. */
const fieldsSchema = /* @__PURE__ */ treeShakeable(() =>
  z.array(z.string().regex(FIELD_PATTERN)).min(1).max(FIELDS_MAX_ITEMS),
);

const gemeenteVanInschrijvingFilterSchema = /* @__PURE__ */ treeShakeable(() =>
  z.string().regex(GEMEENTE_VAN_INSCHRIJVING_PATTERN),
);

/** `ZoekMetPostcodeEnHuisnummer` (required: `type`, `fields`, `postcode`, `huisnummer`). */
export const zoekMetPostcodeEnHuisnummerSchema = /* @__PURE__ */ treeShakeable(() =>
  z.strictObject({
    type: z.literal(ZOEK_MET_POSTCODE_EN_HUISNUMMER),
    fields: fieldsSchema,
    gemeenteVanInschrijving: gemeenteVanInschrijvingFilterSchema.optional(),
    inclusiefOverledenPersonen: z.boolean().optional(),
    postcode: z.string().regex(POSTCODE_PATTERN),
    huisnummer: z.int().min(HUISNUMMER_MINIMUM).max(HUISNUMMER_MAXIMUM),
    huisletter: z.string().regex(HUISLETTER_PATTERN).optional(),
    huisnummertoevoeging: z.string().regex(HUISNUMMERTOEVOEGING_PATTERN).optional(),
    geboortedatum: dateSchema.optional(),
    geslachtsnaam: z.string().regex(GESLACHTSNAAM_FILTER_PATTERN).optional(),
  }),
);

/**
 * `RaadpleegMetBurgerservicenummer` (required: `type`, `fields`, `burgerservicenummer`). It has no
 * `inclusiefOverledenPersonen`; `gemeenteVanInschrijving` comes from `PersonenQuery`.
 */
export const raadpleegMetBurgerservicenummerSchema = /* @__PURE__ */ treeShakeable(() =>
  z.strictObject({
    type: z.literal(RAADPLEEG_MET_BURGERSERVICENUMMER),
    fields: fieldsSchema,
    gemeenteVanInschrijving: gemeenteVanInschrijvingFilterSchema.optional(),
    burgerservicenummer: z
      .array(z.string().regex(BURGERSERVICENUMMER_PATTERN))
      .min(1)
      .max(BURGERSERVICENUMMERS_MAX_ITEMS),
  }),
);

/** `PersonenQuery`, discriminated by `type`: the two kinds Buurtsignaal asks. */
export const personenQuerySchema = /* @__PURE__ */ treeShakeable(() =>
  z.discriminatedUnion('type', [zoekMetPostcodeEnHuisnummerSchema, raadpleegMetBurgerservicenummerSchema]),
);

export type ZoekMetPostcodeEnHuisnummer = z.infer<typeof zoekMetPostcodeEnHuisnummerSchema>;
export type RaadpleegMetBurgerservicenummer = z.infer<typeof raadpleegMetBurgerservicenummerSchema>;
export type PersonenQuery = z.infer<typeof personenQuerySchema>;

// ---------------------------------------------------------------------------------------------
// Answers (200)

const langFormaatSchema = /* @__PURE__ */ treeShakeable(() => z.string().regex(LANG_FORMAAT_PATTERN));
/** `Jaar` and `Maand`. */
const jaarSchema = /* @__PURE__ */ treeShakeable(() => z.int().min(1).max(9999));
const maandSchema = /* @__PURE__ */ treeShakeable(() => z.int().min(1).max(12));

/**
 * `AbstractDatum` (required `type`, `langFormaat`), discriminated by `type`: `Datum`
 * (`VolledigeDatum`, required `datum`), `JaarMaandDatum` (`jaar`, `maand`), `JaarDatum` (`jaar`),
 * `DatumOnbekend` (`onbekend`). The register knows some birth dates only to the month or the year.
 */
export const abstractDatumSchema = /* @__PURE__ */ treeShakeable(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('Datum'), langFormaat: langFormaatSchema, datum: dateSchema }),
    z.object({
      type: z.literal('JaarMaandDatum'),
      langFormaat: langFormaatSchema,
      jaar: jaarSchema,
      maand: maandSchema,
    }),
    z.object({ type: z.literal('JaarDatum'), langFormaat: langFormaatSchema, jaar: jaarSchema }),
    z.object({ type: z.literal('DatumOnbekend'), langFormaat: langFormaatSchema, onbekend: z.boolean() }),
  ]),
);

/** `Waardetabel`: a code from a national table and its description; neither is required. */
export const waardetabelSchema = /* @__PURE__ */ treeShakeable(() =>
  z.object({
    code: z.string().regex(WAARDETABEL_CODE_PATTERN).optional(),
    omschrijving: z.string().regex(WAARDETABEL_OMSCHRIJVING_PATTERN).optional(),
  }),
);

/** `PersoonBeperkt` (the postcode search), as far as `fields: ["geboorte.datum"]` reaches. */
const persoonBeperktSchema = /* @__PURE__ */ treeShakeable(() =>
  z.object({ geboorte: z.object({ datum: abstractDatumSchema.optional() }).optional() }),
);

/** `Persoon` (the BSN lookup), as far as `fields: ["gemeenteVanInschrijving"]` reaches. */
const persoonSchema = /* @__PURE__ */ treeShakeable(() =>
  z.object({ gemeenteVanInschrijving: waardetabelSchema.optional() }),
);

// `personen` is not required by the contract: an answer without it found nobody.
export const zoekMetPostcodeEnHuisnummerResponseSchema = /* @__PURE__ */ treeShakeable(() =>
  z.object({
    type: z.literal(ZOEK_MET_POSTCODE_EN_HUISNUMMER),
    personen: z.array(persoonBeperktSchema).optional(),
  }),
);

export const raadpleegMetBurgerservicenummerResponseSchema = /* @__PURE__ */ treeShakeable(() =>
  z.object({
    type: z.literal(RAADPLEEG_MET_BURGERSERVICENUMMER),
    personen: z.array(persoonSchema).optional(),
  }),
);

/**
 * `PersonenQueryResponse` (required `type`), discriminated by `type`; an answer of any other search
 * type is not one we can have asked for.
 */
export const personenQueryResponseSchema = /* @__PURE__ */ treeShakeable(() =>
  z.discriminatedUnion('type', [
    zoekMetPostcodeEnHuisnummerResponseSchema,
    raadpleegMetBurgerservicenummerResponseSchema,
  ]),
);

export type AbstractDatum = z.infer<typeof abstractDatumSchema>;
export type PersonenQueryResponse = z.infer<typeof personenQueryResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Errors (`application/problem+json`, RFC 7807)

// `Foutbericht` requires none of its properties. Its patterns for `title`, `detail`, `name` and
// `reason` and `format: uri` for `instance` are left out: the contract's own fout-cases break them
// (`detail: "De foutieve parameter(s) zijn: postcode."` has a colon, `name: burgerservicenummer[0]`
// brackets, `instance: /haalcentraal/api/brp/personen` is relative). The adapter reads only the
// HTTP status of an error; the stand-in and the contract test use these.

/** `InvalidParam`: one wrong parameter of a 400. */
export const invalidParamSchema = /* @__PURE__ */ treeShakeable(() =>
  z.object({
    type: z.string().optional(),
    name: z.string().optional(),
    code: z.string().regex(FOUT_CODE_PATTERN).optional(),
    reason: z.string().optional(),
  }),
);

/** `Foutbericht`, and `BadRequestFoutbericht`'s `invalidParams`. */
export const foutberichtSchema = /* @__PURE__ */ treeShakeable(() =>
  z.object({
    type: z.string().optional(),
    title: z.string().optional(),
    status: z.int().min(100).max(600).optional(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string().regex(FOUT_CODE_PATTERN).optional(),
    invalidParams: z.array(invalidParamSchema).optional(),
  }),
);

export type InvalidParam = z.infer<typeof invalidParamSchema>;
export type Foutbericht = z.infer<typeof foutberichtSchema>;
