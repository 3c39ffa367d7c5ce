import * as z from 'zod';
import { feedbackSchema } from './care-report-schemas.ts';
import {
  addressSchema,
  calendarDateSchema,
  debtPersonSchema,
  fieldErrorSchema,
  requiredDateSchema,
} from './common-schemas.ts';
import {
  amountSchema,
  householdCountSchema,
  referenceSchema,
  TEXT_LIMITS,
  textSchema,
} from './field-schemas.ts';
import { treeShakeable } from './tree-shakeable.ts';
import './zod-dutch.ts'; // Dutch validation messages

/** DESIGN I6: at most 1,000 elements per energy batch. */
export const MAX_ENERGY_BATCH = 1000;

/** One element of `POST /intake/energy-debts` (API.md). Validated one by one: a bad one never rejects the batch (I1). */
export const energySignalSchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .object({
      reference: referenceSchema('Referentie (reference)'),
      supplier: textSchema('Energieleverancier (supplier)', TEXT_LIMITS.supplier, {
        required: true,
        noFormula: true,
      }),
      kind: z.enum(['vroegsignaal', 'eindeleveringssignaal'], {
        error: "kind moet 'vroegsignaal' of 'eindeleveringssignaal' zijn.",
      }),
      customerNumber: referenceSchema('Klantnummer (customerNumber)'),
      person: debtPersonSchema,
      address: addressSchema,
      amount: amountSchema('Achterstandsbedrag'),
      arrearsSince: requiredDateSchema('Achterstand sinds').meta({ examples: ['2026-09-01'] }),
      endOfSupplyDate: calendarDateSchema.meta({ examples: ['2026-12-20'] }).optional(),
      minorsInHousehold: householdCountSchema('Aantal minderjarigen').optional(),
    })
    .meta({ id: 'EnergySignal' }),
);

export type EnergySignalInput = z.output<typeof energySignalSchema>;

/** What the handler parses: elements stay unknown until validated one by one. */
export const energyBatchSchema = /* @__PURE__ */ treeShakeable(() =>
  z.object({
    batchId: textSchema('Batchnummer (batchId)', 100, { required: true }),
    signals: z
      .array(z.unknown(), { error: 'signals moet een lijst zijn.' })
      .min(1, { error: 'De batch bevat geen signalen.' }),
  }),
);

/** The same batch as documented in OpenAPI: the elements as they must be. */
export const energyBatchDocumentSchema = /* @__PURE__ */ treeShakeable(() =>
  energyBatchSchema
    .extend({ signals: z.array(energySignalSchema).min(1).max(MAX_ENERGY_BATCH) })
    .meta({ id: 'EnergyDebtBatch' }),
);

/** DESIGN C1: the corporation attests the steps of the social debt collection were taken. */
export const ATTESTATION = 'sociale-incasso';

/**
 * What the middleware parses: any value gets through, so that a missing or other one is answered by
 * the handler with 422 `attestation-required` and the advice, after the file itself was read.
 */
export const rentArrearsQuerySchema = /* @__PURE__ */ treeShakeable(() =>
  z.object({ attest: z.string().optional() }),
);

/** The same query as documented in OpenAPI: the one accepted value, required. */
export const rentArrearsDocumentQuerySchema = /* @__PURE__ */ treeShakeable(() =>
  z.object({
    attest: z.enum([ATTESTATION]).meta({
      description:
        'Verplicht (DESIGN C1): bevestigt dat de stappen van de sociale incasso zijn gezet. Ontbreekt hij of is de waarde anders, dan volgt 422 `attestation-required`.',
    }),
  }),
);

const status = /* @__PURE__ */ treeShakeable(() => z.enum(['accepted', 'rejected', 'duplicate', 'updated']));

/** One row or element of a receipt (API.md); rows add `row`, batch elements `index` and `reference`. */
const receiptLine = /* @__PURE__ */ treeShakeable(() =>
  z.object({
    status,
    signalId: z.string().optional(),
    errors: z.array(fieldErrorSchema).optional(),
    feedback: feedbackSchema.optional(),
  }),
);

const countsSchema = /* @__PURE__ */ treeShakeable(() =>
  z.object({
    received: z.number().int(),
    accepted: z.number().int(),
    rejected: z.number().int(),
    duplicate: z.number().int(),
    updated: z.number().int(),
  }),
);

/** What the receipt and the upload list share (API.md). */
const uploadSummarySchema = /* @__PURE__ */ treeShakeable(() =>
  z.object({
    uploadId: z.string().meta({ examples: ['upl_577f049f861e44b5badf5c3dcc1dfc73'] }),
    kind: z.enum(['rent-arrears', 'energy-debts']),
    source: z.string().meta({ description: 'De aanleverende partner (scope van het token).' }),
    receivedAt: z.string(),
    batchId: z.string().optional(),
    fileName: z.string().optional(),
    attestation: z
      .enum([ATTESTATION])
      .optional()
      .meta({ description: 'Bij een huurachterstandenlijst: de bevestiging uit ?attest=.' }),
    status: z.enum(['verwerken', 'klaar']).meta({
      description:
        "'verwerken' zolang niet alle rijen beoordeeld zijn (het antwoord kwam na het tijdsbudget; vraag het ontvangstbewijs later op), daarna 'klaar'.",
    }),
    counts: countsSchema.meta({ description: 'Bij verwerken: de tellingen tot nu toe.' }),
  }),
);

export const uploadReceiptSchema = /* @__PURE__ */ treeShakeable(() =>
  uploadSummarySchema
    .extend({
      warnings: z.array(z.object({ code: z.string(), column: z.string().optional() })),
      progress: z
        .object({ received: z.number().int(), processed: z.number().int() })
        .meta({ description: 'Ontvangen rijen of elementen, en hoeveel daarvan al beoordeeld zijn.' }),
      rows: z
        .array(
          receiptLine.extend({
            row: z.number().int(),
            reference: z
              .string()
              .optional()
              .meta({
                description:
                  'Het huurdernummer van de rij, zoals de corporatie het aanleverde: haar eigen referentie, om de rij ook daarop terug te vinden. Ontbreekt bij een leeg, onleesbaar of te lang huurdernummer, bij een rij met bezwaar (C1: daarvan wordt niets bewaard) en bij aanleveringen van voor deze uitbreiding.',
                examples: ['HN-100231'],
              }),
          }),
        )
        .optional(),
      items: z
        .array(receiptLine.extend({ index: z.number().int(), reference: z.string().optional() }))
        .optional(),
    })
    .meta({ id: 'UploadReceipt' }),
);

/** `GET /intake/uploads/{uploadId}`: a page of the receipt (DESIGN C4); `cursor` when more lines follow. */
export const uploadReceiptPageSchema = /* @__PURE__ */ treeShakeable(() =>
  uploadReceiptSchema
    .extend({
      cursor: z.string().optional().meta({
        description:
          'Alleen als er meer rijen of elementen volgen: vraag de volgende pagina op met ?cursor=<deze waarde>. Een pagina telt hoogstens 1.000 regels; counts, status en progress gelden altijd de hele aanlevering.',
      }),
    })
    .meta({ id: 'UploadReceiptPage' }),
);

export const uploadListSchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .object({
      items: z.array(uploadSummarySchema),
      cursor: z.string().optional(),
    })
    .meta({ id: 'UploadList' }),
);

export const uploadListQuerySchema = /* @__PURE__ */ treeShakeable(() =>
  z.object({
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(500).optional(),
  }),
);

export const uploadReceiptQuerySchema = /* @__PURE__ */ treeShakeable(() =>
  z.object({
    cursor: z.string().max(500).optional().meta({
      description: 'De cursor uit de vorige pagina van dit ontvangstbewijs; zonder: de eerste pagina.',
    }),
  }),
);

export const uploadParamsSchema = /* @__PURE__ */ treeShakeable(() =>
  z.object({
    uploadId: z
      .string()
      .min(1)
      .max(64)
      .meta({ examples: ['upl_577f049f861e44b5badf5c3dcc1dfc73'] }),
  }),
);
