import * as z from 'zod';
import { PROBLEM_CATEGORY_IDS } from '../domain/problem-categories.ts';
import { addressSchema, calendarDateSchema, dateTimeSchema, personSchema } from './common-schemas.ts';
import { fieldRule, householdCountSchema, MAX_HOUSEHOLD_COUNT, textSchema } from './field-schemas.ts';
import { treeShakeable } from './tree-shakeable.ts';
import './zod-dutch.ts'; // Dutch validation messages

/** `POST /intake/care-reports` (API.md). */
export const careReportSchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .object({
      reportId: z.string({ error: 'reportId ontbreekt.' }).regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
        error:
          'reportId mag alleen letters, cijfers, punt, streepje en liggend streepje bevatten (max. 64 tekens).',
      }),
      reportedAt: dateTimeSchema,
      unit: textSchema('Eenheid (unit)', 200, { required: true, noFormula: true }),
      categories: z
        .array(
          z.enum(PROBLEM_CATEGORY_IDS as [string, ...string[]], {
            error: 'Onbekende probleemcategorie: gebruik een id uit problem-categories.json.',
          }),
          { error: 'Geef minstens één probleemcategorie op.' },
        )
        .min(1, { error: 'Geef minstens één probleemcategorie op.' }),
      urgent: z.boolean().default(false),
      safety: z.object(
        {
          acuteUnsafety: z.boolean(),
          domesticViolence: z.boolean(),
          childUnsafety: z.boolean(),
        },
        { error: 'Veiligheid (safety) ontbreekt: geef acuteUnsafety, domesticViolence en childUnsafety op.' },
      ),
      consent: z.enum(['given', 'refused', 'not-asked'], {
        error: "Toestemming (consent) moet 'given', 'refused' of 'not-asked' zijn.",
      }),
      person: personSchema,
      address: addressSchema,
      household: z
        .object({
          adults: householdCountSchema('Aantal volwassenen').optional(),
          minors: z
            .array(z.object({ birthDate: calendarDateSchema.meta({ examples: ['2014-06-01'] }).optional() }))
            .refine(
              (minors) => minors.length <= MAX_HOUSEHOLD_COUNT,
              fieldRule('too-many', `Geef ten hoogste ${MAX_HOUSEHOLD_COUNT} minderjarigen op.`),
            )
            .meta({ maxItems: MAX_HOUSEHOLD_COUNT })
            .default([]),
        })
        .optional()
        .meta({ description: 'Samenstelling van het huishouden; ontbreekt = onbekend.' }),
      summary: textSchema('Samenvatting (summary)', 2000, { multiline: true }).optional(),
    })
    .meta({ id: 'CareReport' }),
);

export type CareReportInput = z.output<typeof careReportSchema>;

export const careReportAcceptedSchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .object({
      signalId: z.string().meta({ examples: ['sig_f9124df3cce342228793c706c476813f'] }),
      status: z.enum(['accepted', 'duplicate']),
    })
    .meta({ id: 'CareReportReceipt' }),
);

/** DESIGN C4: a partner's view of its submission; `fout-bij-verwerking` when it could not be stored (I1). */
export const feedbackSchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .enum(['ontvangen', 'opgepakt', 'niet-opgepakt', 'afgerond', 'fout-bij-verwerking'])
    .meta({ id: 'Feedback', description: 'Terugkoppeling aan de partner (DESIGN C4).' }),
);

export const careReportFeedbackSchema = /* @__PURE__ */ treeShakeable(() =>
  z.object({ reportId: z.string(), feedback: feedbackSchema }).meta({ id: 'CareReportFeedback' }),
);

export const reportIdParamsSchema = /* @__PURE__ */ treeShakeable(() =>
  z.object({
    reportId: z
      .string()
      .min(1)
      .max(64)
      .meta({ examples: ['PL0900-2026-123456'] }),
  }),
);

const LIMIT_MESSAGE = 'limit moet een getal van 1 tot en met 100 zijn.';

/** `GET /intake/care-reports` (issue 15): paged like the team inbox. */
export const careReportListQuerySchema = /* @__PURE__ */ treeShakeable(() =>
  z.object({
    limit: z.coerce
      .number({ error: LIMIT_MESSAGE })
      .int({ error: LIMIT_MESSAGE })
      .min(1, { error: LIMIT_MESSAGE })
      .max(100, { error: LIMIT_MESSAGE })
      .default(50),
    cursor: z.string().max(2000).optional(),
  }),
);

/**
 * One of the police's own care reports in their list (issue 15, DESIGN C4, P4): what they sent
 * themselves (their report id and its moment) and what the service says of it — no personal data.
 */
export const careReportListSchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .object({
      items: z.array(
        z
          .object({
            reportId: z.string().meta({ examples: ['PL0900-2026-123456'] }),
            signalId: z.string().meta({ examples: ['sig_f9124df3cce342228793c706c476813f'] }),
            reportedAt: z
              .string()
              .meta({ description: 'Wanneer de politie het meldde (hun eigen reportedAt).' }),
            receivedAt: z.string().meta({ description: 'Wanneer de dienst de melding ontving.' }),
            feedback: feedbackSchema,
          })
          .meta({ id: 'CareReportListItem' }),
      ),
      cursor: z.string().optional(),
    })
    .meta({ id: 'CareReportList' }),
);
