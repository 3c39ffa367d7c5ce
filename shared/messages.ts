import * as z from 'zod';
import { careReportSchema } from './api/care-report-schemas.ts';
import './api/zod-dutch.ts'; // Dutch validation messages

/**
 * What intake puts on the `signals` queue for the router. Each message carries the validated input
 * and the moment of receipt (which fixes the due date, DESIGN D2), so routing it again — SQS
 * delivers at least once — gives the same result.
 */
export const careReportMessageSchema = z.object({
  type: z.literal('care-report'),
  signalId: z.string().min(1),
  source: z.string().min(1),
  receivedAt: z.string().min(1),
  report: careReportSchema,
});

const optionalText = z.string().optional();

export const debtSignalInputSchema = z.object({
  kind: z.enum(['huurachterstand', 'energieschuld', 'eindelevering']),
  sourceReference: z.string().min(1),
  supplier: optionalText,
  person: z.object({
    initials: optionalText,
    prefix: optionalText,
    surname: z.string().min(1),
    birthDate: optionalText,
    phone: optionalText,
    email: optionalText,
    bsn: optionalText,
  }),
  address: z.object({
    postcode: z.string().min(1),
    houseNumber: z.number().int().positive(),
    houseNumberSuffix: optionalText,
    street: optionalText,
    city: optionalText,
  }),
  amount: z.number().positive(),
  arrearsSince: z.string().min(1),
  monthlyRent: z.number().optional(),
  evictionDate: optionalText,
  endOfSupplyDate: optionalText,
  minorsInHousehold: z.number().int().min(0).optional(),
  warmHandover: z.boolean().optional(),
});

/**
 * Rows of a rent-arrears file or elements of an energy batch, packed per household (M1 key) so that
 * signals of one household are routed in order by one invocation. `create` for a new dedupe key,
 * `update` for a known one with a higher amount (I5).
 */
export const debtSignalsMessageSchema = z.object({
  type: z.literal('debt-signals'),
  uploadId: z.string().min(1),
  /** The pack of the upload's plan: the router marks it routed when every item is stored (I1). */
  pack: z.number().int().min(0).optional(),
  source: z.string().min(1),
  receivedAt: z.string().min(1),
  items: z
    .array(
      z.object({
        signalId: z.string().min(1),
        householdKey: z.string().min(1),
        action: z.enum(['create', 'update']),
        input: debtSignalInputSchema,
      }),
    )
    .min(1),
});

export const signalMessageSchema = z.discriminatedUnion('type', [
  careReportMessageSchema,
  debtSignalsMessageSchema,
]);

export type SignalMessage = z.output<typeof signalMessageSchema>;
export type CareReportMessage = z.output<typeof careReportMessageSchema>;
export type DebtSignalsMessage = z.output<typeof debtSignalsMessageSchema>;

/**
 * What goes on the `uploads` queue: an upload whose packs are not all decided or routed — past the
 * request's time budget, or found by the reconciler (DESIGN I1). The consumer reads the stored file
 * again and does what is left; `republish` also sends decided packs that were never marked routed.
 */
export const uploadContinuationSchema = z.object({
  type: z.literal('upload-continuation'),
  uploadId: z.string().min(1),
  republish: z.boolean(),
});

export type UploadContinuationMessage = z.output<typeof uploadContinuationSchema>;
