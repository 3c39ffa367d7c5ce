import * as z from 'zod';
import { isCalendarDate } from '../domain/amsterdam-time.ts';
import { validBsn } from '../domain/dutch-formats.ts';
import { normalisePostcode } from '../domain/postcode.ts';
import { emailSchema, houseNumberSchema, phoneSchema, TEXT_LIMITS, textSchema } from './field-schemas.ts';
import { treeShakeable } from './tree-shakeable.ts';
import './zod-dutch.ts'; // Dutch validation messages

/** DESIGN I3: Dutch postcode, stored as `1234AB`. */
export const postcodeSchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .string({ error: 'Postcode ontbreekt.' })
    // Like the CSV path: ' 3561 AB ' from a copied address is the same postcode.
    .trim()
    .refine((value) => /^[1-9][0-9]{3} ?[A-Za-z]{2}$/.test(value), {
      error: 'Ongeldige postcode: verwacht vier cijfers en twee letters, bijvoorbeeld 3561 AB.',
      params: { code: 'invalid-postcode' },
    })
    .transform(normalisePostcode)
    .meta({ examples: ['3561AB'] }),
);

const INVALID_DATE = 'Ongeldige datum: gebruik JJJJ-MM-DD met een bestaande datum.';

// No example here: a birth date, an arrears date and a period each name their own (OpenAPI).
const realDate = <T extends z.ZodString>(schema: T) =>
  schema
    .refine(isCalendarDate, { error: INVALID_DATE, params: { code: 'invalid-date' } })
    .meta({ format: 'date' });

/** A real calendar date `YYYY-MM-DD` (2026-02-30 is rejected). */
export const calendarDateSchema = /* @__PURE__ */ treeShakeable(() => realDate(z.string()));

/** A required calendar date whose absence is named in Dutch (`Geboortedatum ontbreekt.`). */
export const requiredDateSchema = (label: string) =>
  realDate(
    z.string({ error: (issue) => (issue.input === undefined ? `${label} ontbreekt.` : INVALID_DATE) }),
  );

export const dateTimeSchema = /* @__PURE__ */ treeShakeable(() =>
  z.iso
    .datetime({
      offset: true,
      error: 'Ongeldig tijdstip: gebruik ISO 8601 met tijdzone, bijvoorbeeld 2026-11-20T22:15:00+01:00.',
    })
    .meta({ examples: ['2026-11-20T22:15:00+01:00'] }),
);

/** DESIGN I3: a BSN, when given, is nine digits passing the elfproef; stored with nine digits. */
export const bsnSchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .string()
    .refine((value) => validBsn(value) !== undefined, {
      error: 'BSN is ongeldig (negen cijfers die de elfproef doorstaan).',
      params: { code: 'invalid-bsn' },
    })
    .transform((value) => validBsn(value) as string)
    .meta({ examples: ['111222333'] }),
);

/** DESIGN I3: names are bounded, free of control characters and never start like a formula. */
export const personSchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .object(
      {
        initials: textSchema('Voorletters', TEXT_LIMITS.initials, { noFormula: true }).optional(),
        prefix: textSchema('Tussenvoegsel', TEXT_LIMITS.prefix, { noFormula: true }).optional(),
        surname: textSchema('Achternaam', TEXT_LIMITS.surname, { required: true, noFormula: true }),
        birthDate: calendarDateSchema.meta({ examples: ['1971-02-03'] }).optional(),
      },
      { error: 'Persoonsgegevens (person) ontbreken.' },
    )
    .meta({ id: 'Person' }),
);

/**
 * The person of a debt signal — an energy-debt element and a rent-arrears row alike (DESIGN I3):
 * birth date required; phone, e-mail and BSN checked when given.
 */
export const debtPersonSchema = /* @__PURE__ */ treeShakeable(() =>
  personSchema
    .extend({
      birthDate: requiredDateSchema('Geboortedatum').meta({ examples: ['1980-05-01'] }),
      phone: phoneSchema.optional(),
      email: emailSchema.optional(),
      bsn: bsnSchema.optional(),
    })
    .meta({ id: 'DebtPerson' }),
);

export const addressSchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .object(
      {
        postcode: postcodeSchema,
        houseNumber: houseNumberSchema,
        houseNumberSuffix: textSchema('Huisnummertoevoeging', TEXT_LIMITS.houseNumberSuffix).optional(),
        street: textSchema('Straat', TEXT_LIMITS.street, { noFormula: true }).optional(),
        city: textSchema('Woonplaats', TEXT_LIMITS.city, { noFormula: true }).optional(),
      },
      { error: 'Adres (address) ontbreekt.' },
    )
    .meta({ id: 'Address' }),
);

/** One field-level problem (API.md `error.details`, and the errors of a receipt's row or element). */
export const fieldErrorSchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .object({
      field: z.string().meta({ description: 'Het veld (`address.postcode`), de kolom of de kop.' }),
      code: z.string().meta({ description: 'Vaste code in kebab-case, bijvoorbeeld `invalid-postcode`.' }),
      message: z.string().meta({ description: 'Uitleg in het Nederlands; kan veranderen, lees de code.' }),
    })
    .meta({ id: 'FieldError' }),
);

/** Every error the service itself answers (API.md conventions). */
export const errorResponseSchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .object({
      error: z.object({
        code: z.string().meta({ description: 'Vaste code in kebab-case.', examples: ['validation-failed'] }),
        message: z.string().meta({ description: 'Uitleg in het Nederlands.' }),
        details: z
          .array(fieldErrorSchema)
          .optional()
          .meta({ description: 'Fouten per veld (422, soms 400).' }),
      }),
    })
    .meta({ id: 'Error' }),
);

/**
 * What API Gateway itself answers on AWS before or instead of the service: 401 from the JWT
 * authorizer, 429 when throttled, 413 above its payload limit, 500 when a function fails outright.
 * The local runtime answers a failed function the same way.
 */
export const gatewayErrorSchema = /* @__PURE__ */ treeShakeable(() =>
  z.object({ message: z.string().meta({ examples: ['Too Many Requests'] }) }).meta({
    id: 'GatewayError',
    description: 'Antwoord van API Gateway zelf (AWS), zonder foutcode van de dienst.',
  }),
);
