import * as z from 'zod';
import { feedbackSchema } from './care-report-schemas.ts';
import { addressSchema, calendarDateSchema, debtPersonSchema, requiredDateSchema } from './common-schemas.ts';
import {
  amountSchema,
  householdCountSchema,
  referenceSchema,
  TEXT_LIMITS,
  textSchema,
} from './field-schemas.ts';
import './zod-dutch.ts'; // Dutch validation messages

/** DESIGN I6: at most 1,000 elements per energy batch. */
export const MAX_ENERGY_BATCH = 1000;

/** One element of `POST /intake/energy-debts` (API.md). Validated one by one: a bad one never rejects the batch (I1). */
export const energySignalSchema = z
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
    arrearsSince: requiredDateSchema('Achterstand sinds'),
    endOfSupplyDate: calendarDateSchema.optional(),
    minorsInHousehold: householdCountSchema('Aantal minderjarigen').optional(),
  })
  .meta({ id: 'EnergySignal' });

export type EnergySignalInput = z.output<typeof energySignalSchema>;

/** What the handler parses: elements stay unknown until validated one by one. */
export const energyBatchSchema = z.object({
  batchId: textSchema('Batchnummer (batchId)', 100, { required: true }),
  signals: z
    .array(z.unknown(), { error: 'signals moet een lijst zijn.' })
    .min(1, { error: 'De batch bevat geen signalen.' }),
});

/** The same batch as documented in OpenAPI. */
export const energyBatchDocumentSchema = z
  .object({ batchId: z.string(), signals: z.array(energySignalSchema).min(1).max(MAX_ENERGY_BATCH) })
  .meta({ id: 'EnergyDebtBatch' });

export const rentArrearsQuerySchema = z.object({
  attest: z.string().optional().meta({ description: "Verplicht: 'sociale-incasso' (DESIGN C1)." }),
});

const fieldErrorSchema = z.object({ field: z.string(), code: z.string(), message: z.string() });
const status = z.enum(['accepted', 'rejected', 'duplicate', 'updated']);

/** One row or element of a receipt (API.md); rows add `row`, batch elements `index` and `reference`. */
const receiptLine = z.object({
  status,
  signalId: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
  feedback: feedbackSchema.optional(),
});

const countsSchema = z.object({
  received: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  duplicate: z.number().int(),
  updated: z.number().int(),
});

/** What the receipt and the upload list share (API.md). */
const uploadSummarySchema = z.object({
  uploadId: z.string(),
  kind: z.enum(['rent-arrears', 'energy-debts']),
  source: z.string(),
  receivedAt: z.string(),
  batchId: z.string().optional(),
  fileName: z.string().optional(),
  status: z.enum(['verwerken', 'klaar']).meta({
    description:
      "'verwerken' zolang niet alle rijen beoordeeld zijn (het antwoord kwam na het tijdsbudget; vraag het ontvangstbewijs later op), daarna 'klaar'.",
  }),
  counts: countsSchema.meta({ description: 'Bij verwerken: de tellingen tot nu toe.' }),
});

export const uploadReceiptSchema = uploadSummarySchema
  .extend({
    warnings: z.array(z.object({ code: z.string(), column: z.string().optional() })),
    progress: z
      .object({ received: z.number().int(), processed: z.number().int() })
      .meta({ description: 'Ontvangen rijen of elementen, en hoeveel daarvan al beoordeeld zijn.' }),
    rows: z.array(receiptLine.extend({ row: z.number().int() })).optional(),
    items: z
      .array(receiptLine.extend({ index: z.number().int(), reference: z.string().optional() }))
      .optional(),
  })
  .meta({ id: 'UploadReceipt' });

/** `GET /intake/uploads/{uploadId}`: a page of the receipt (DESIGN C4); `cursor` when more lines follow. */
export const uploadReceiptPageSchema = uploadReceiptSchema
  .extend({
    cursor: z.string().optional().meta({
      description:
        'Alleen als er meer rijen of elementen volgen: vraag de volgende pagina op met ?cursor=<deze waarde>. Een pagina telt hoogstens 1.000 regels; counts, status en progress gelden altijd de hele aanlevering.',
    }),
  })
  .meta({ id: 'UploadReceiptPage' });

export const uploadListSchema = z
  .object({
    items: z.array(uploadSummarySchema),
    cursor: z.string().optional(),
  })
  .meta({ id: 'UploadList' });

export const uploadListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(500).optional(),
});

export const uploadReceiptQuerySchema = z.object({
  cursor: z
    .string()
    .max(500)
    .optional()
    .meta({
      description: 'De cursor uit de vorige pagina van dit ontvangstbewijs; zonder: de eerste pagina.',
    }),
});

export const uploadParamsSchema = z.object({ uploadId: z.string().min(1).max(64) });
