import * as z from 'zod';
import { careReportSchema } from './api/care-report-schemas.ts';
import './api/zod-dutch.ts'; // Dutch validation messages

/**
 * What intake puts on the `signals` queue for the router. Carries the validated input and the
 * moment of receipt (which fixes the due date, DESIGN D2), so routing later gives the same result.
 */
export const careReportMessageSchema = z.object({
  type: z.literal('care-report'),
  signalId: z.string().min(1),
  source: z.string().min(1),
  receivedAt: z.string().min(1),
  report: careReportSchema,
});

export const signalMessageSchema = z.discriminatedUnion('type', [careReportMessageSchema]);

export type SignalMessage = z.output<typeof signalMessageSchema>;
export type CareReportMessage = z.output<typeof careReportMessageSchema>;
