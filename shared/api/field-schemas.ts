import * as z from 'zod';
import { invalidCharactersMessage } from './field-messages.ts';
import { treeShakeable } from './tree-shakeable.ts';
import './zod-dutch.ts'; // Dutch validation messages

// DESIGN I3: one set of field rules for every way a partner sends a person, an address or an
// amount — the JSON routes and the rent-arrears CSV rows (shared/intake/rent-arrears-rows.ts) — so
// the same problem gets the same code and the same Dutch message on both paths. Every rule carries
// a stable kebab-case code in `params.code` (fieldErrors in zod-dutch.ts reads it) and aborts the
// field's other checks: one error per field, the one that names the real problem. Messages never
// repeat the value: receipts are stored, and a value may be personal data.

/** Length limits in characters (code points), the JSON routes' limits; the CSV columns share them. */
export const TEXT_LIMITS = {
  initials: 20,
  prefix: 20,
  surname: 200,
  street: 200,
  city: 100,
  houseNumberSuffix: 10,
  /** A partner's own reference: tenant number, signal reference, customer number. */
  reference: 64,
  supplier: 100,
  phone: 30,
  email: 200,
} as const;

export const MAX_AMOUNT = 1_000_000;
/** A monthly rent above this is a typo (an annual figure, cents as euros), not a rent. */
export const MAX_MONTHLY_RENT = 100_000;
export const MAX_HOUSE_NUMBER = 99_999;
/** People of one kind in one household (minors, adults): more is a typo, not a household. */
export const MAX_HOUSEHOLD_COUNT = 20;

/** Rule failures the CSV reader also raises before the schema, while parsing the Dutch formats. */
export const MESSAGES = {
  houseNumber: `Huisnummer moet een geheel getal van 1 tot en met ${MAX_HOUSE_NUMBER} zijn (zonder toevoeging).`,
  count: (label: string) => `${label} moet een geheel getal van 0 tot en met ${MAX_HOUSEHOLD_COUNT} zijn.`,
} as const;

// C0 and C1 control characters (NUL included) and U+FFFD, the replacement character a broken byte
// decodes to. Free text may keep tab and line breaks.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\ufffd]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_CHARACTERS_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/;
/** A spreadsheet reads a cell starting with one of these as a formula (CSV/formula injection). */
const FORMULA_START = /^[=+\-@]/;
const PHONE = /^\+?[\d\s()-]+$/;

/** A refinement with a stable code that stops the field's further checks. */
export const fieldRule = (code: string, message: string) => ({
  error: message,
  params: { code },
  abort: true,
});

/** `label ontbreekt.` when absent, `otherwise` for a value of the wrong JSON type. */
const missingOr = (label: string, otherwise: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `${label} ontbreekt.` : otherwise;

/**
 * Length in characters as a person counts them (an emoji is one). Cheap for the common case, and a
 * value over twice the limit in UTF-16 units is too long without spelling it out (420,000 characters).
 */
const withinLength = (value: string, max: number) =>
  value.length <= max || (value.length <= 2 * max && Array.from(value).length <= max);
const digitCount = (value: string) => value.replace(/\D/g, '').length;

const euros = (amount: number) => `€ ${String(amount).replace(/\B(?=(\d{3})+$)/g, '.')}`;

export interface TextRules {
  /** Empty (after trimming) is `required`. */
  readonly required?: boolean;
  /** A name, street or city: must not start like a spreadsheet formula (shown in exports). */
  readonly noFormula?: boolean;
  /** Free text: tab and line breaks are allowed. */
  readonly multiline?: boolean;
}

/**
 * A trimmed text field: bounded, free of control characters and, for names and places, of formula
 * starts. Checked in that order, so a 420,000-character value is `too-long`, not scanned further.
 */
export function textSchema(label: string, max: number, rules: TextRules = {}) {
  let schema = z.string({ error: missingOr(label, `${label} moet tekst zijn.`) }).trim();
  if (rules.required)
    schema = schema.refine((value) => value !== '', fieldRule('required', `${label} ontbreekt.`));
  schema = schema
    .refine(
      (value) => withinLength(value, max),
      fieldRule('too-long', `${label} is te lang (maximaal ${max} tekens).`),
    )
    .refine(
      (value) => !(rules.multiline ? CONTROL_CHARACTERS_EXCEPT_LINES : CONTROL_CHARACTERS).test(value),
      fieldRule('invalid-characters', invalidCharactersMessage(label)),
    );
  if (rules.noFormula) {
    schema = schema.refine(
      (value) => !FORMULA_START.test(value),
      fieldRule('formula-not-allowed', `${label} mag niet beginnen met =, +, - of @.`),
    );
  }
  return schema.meta({ maxLength: max, ...(rules.required ? { minLength: 1 } : {}) });
}

/** E-mail address when given (empty counts as not given): well-formed and at most 200 characters. */
export const emailSchema = /* @__PURE__ */ treeShakeable(() =>
  textSchema('E-mailadres', TEXT_LIMITS.email)
    .refine(
      (value) => value === '' || z.regexes.email.test(value),
      fieldRule('invalid-email', 'E-mailadres is ongeldig (bijvoorbeeld naam@voorbeeld.nl).'),
    )
    .meta({ format: 'email', examples: ['j@example.nl'] }),
);

/** Phone number when given: digits with an optional leading +, spaces, dashes and parentheses. */
export const phoneSchema = /* @__PURE__ */ treeShakeable(() =>
  textSchema('Telefoonnummer', TEXT_LIMITS.phone)
    .refine(
      (value) => value === '' || (PHONE.test(value) && digitCount(value) >= 6 && digitCount(value) <= 20),
      fieldRule(
        'invalid-phone',
        'Telefoonnummer is ongeldig: gebruik 6 tot 20 cijfers, eventueel met + vooraan, spaties, streepjes of haakjes.',
      ),
    )
    .meta({ examples: ['0612345678'] }),
);

/** DESIGN I3: an arrears amount in euros, > 0 and ≤ € 1,000,000. */
export function amountSchema(label: string) {
  return z
    .number({ error: missingOr(label, `${label} moet een bedrag in euro zijn.`) })
    .refine((value) => value > 0, fieldRule('amount-not-positive', `${label} moet groter dan nul zijn.`))
    .refine(
      (value) => value <= MAX_AMOUNT,
      fieldRule('amount-too-large', `${label} is hoger dan ${euros(MAX_AMOUNT)}.`),
    )
    .meta({ exclusiveMinimum: 0, maximum: MAX_AMOUNT });
}

/** A monthly rent: 0 (unknown to the corporation's export) up to € 100,000. */
export const monthlyRentSchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .number({ error: missingOr('Maandhuur', 'Maandhuur moet een bedrag in euro zijn.') })
    .refine((value) => value >= 0, fieldRule('amount-negative', 'Maandhuur kan niet negatief zijn.'))
    .refine(
      (value) => value <= MAX_MONTHLY_RENT,
      fieldRule('amount-too-large', `Maandhuur is hoger dan ${euros(MAX_MONTHLY_RENT)}.`),
    )
    .meta({ minimum: 0, maximum: MAX_MONTHLY_RENT }),
);

/** DESIGN I3: a house number is a positive integer (a suffix has its own field), at most 99999. */
export const houseNumberSchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .number({ error: missingOr('Huisnummer', MESSAGES.houseNumber) })
    .refine(
      (value) => Number.isInteger(value) && value >= 1 && value <= MAX_HOUSE_NUMBER,
      fieldRule('invalid-house-number', MESSAGES.houseNumber),
    )
    .meta({ type: 'integer', minimum: 1, maximum: MAX_HOUSE_NUMBER }),
);

/** How many people of a kind live in the household: 0 up to 20. */
export function householdCountSchema(label: string) {
  return z
    .number({ error: missingOr(label, MESSAGES.count(label)) })
    .refine(
      (value) => Number.isInteger(value) && value >= 0 && value <= MAX_HOUSEHOLD_COUNT,
      fieldRule('invalid-number', MESSAGES.count(label)),
    )
    .meta({ type: 'integer', minimum: 0, maximum: MAX_HOUSEHOLD_COUNT });
}

/** A partner's own reference (tenant number, signal reference, customer number): required, ≤ 64. */
export const referenceSchema = (label: string) =>
  textSchema(label, TEXT_LIMITS.reference, { required: true });
