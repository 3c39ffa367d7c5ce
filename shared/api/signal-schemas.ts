import * as z from 'zod';
import { DAGDELEN } from '../domain/dagdeel.ts';
import { OUTCOME_CODES } from '../domain/outcomes.ts';
import { SIGNAL_FLAGS } from '../domain/routing.ts';
import { CONTACT_KINDS } from '../domain/signal.ts';
import { calendarDateSchema, dateTimeSchema } from './common-schemas.ts';
import { treeShakeable } from './tree-shakeable.ts';
import './zod-dutch.ts'; // Dutch validation messages

const routingSchema = /* @__PURE__ */ treeShakeable(() =>
  z.object({ rule: z.string().meta({ examples: ['R5'] }), explanation: z.string() }),
);

export const signalListItemSchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .object({
      signalId: z.string(),
      source: z.string().meta({ examples: ['politie-utrecht'] }),
      kind: z.enum(['huurachterstand', 'energieschuld', 'eindelevering', 'zorgmelding']),
      receivedAt: z.string(),
      dueDate: z.string().meta({ format: 'date' }),
      deadlineAt: z.string(),
      overdue: z.boolean(),
      escalationLevel: z.number().int().min(0).max(3),
      dominantProblem: z.string().optional(),
      routing: routingSchema,
      flags: z.array(z.enum(SIGNAL_FLAGS)),
      person: z.object({ displayName: z.string(), birthYear: z.number().int().optional() }),
      address: z.object({
        postcode: z.string(),
        houseNumber: z.number().int(),
        houseNumberSuffix: z.string().optional(),
      }),
      firstContactAt: z.string().optional(),
      status: z.enum(['open', 'closed', 'not-routed', 'forwarded']),
    })
    .meta({ id: 'SignalListItem' }),
);

export const signalListSchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .object({
      items: z.array(signalListItemSchema),
      cursor: z.string().optional(),
      asOf: z
        .string()
        .meta({ description: 'De klok van de dienst bij het opvragen (dagen tot of over de termijn).' }),
    })
    .meta({ id: 'SignalList' }),
);

const contactAttemptRecordSchema = /* @__PURE__ */ treeShakeable(() =>
  z.object({
    kind: z
      .enum(CONTACT_KINDS)
      .meta({ description: 'Soort contact (DDAS v1.2 EnumContactsoort, DESIGN D3).' }),
    reached: z.boolean(),
    at: z.string().meta({ description: 'Wanneer de poging plaatsvond.' }),
    recordedAt: z
      .string()
      .meta({ description: 'Wanneer de poging is vastgelegd; `at` ligt hoogstens 7 dagen eerder.' }),
    dagdeel: z.enum(DAGDELEN).meta({
      description:
        'Dagdeel van `at` in Europe/Amsterdam (DDAS EnumDagdeel): ochtend < 12:00 ≤ middag < 18:00 ≤ avond.',
    }),
    note: z.string().optional(),
    recordedBy: z.string(),
  }),
);

export const escalationSchema = /* @__PURE__ */ treeShakeable(() =>
  z.object({
    level: z.number().int().min(1).max(3),
    at: z.string(),
    recipient: z.object({
      role: z.enum(['coordinator', 'manager', 'municipality', 'veilig-thuis']),
      scope: z.string(),
    }),
  }),
);

export const signalDetailSchema = /* @__PURE__ */ treeShakeable(() =>
  signalListItemSchema
    .extend({
      teamId: z.string(),
      outcome: z.string().optional(),
      closedAt: z.string().optional(),
      caseId: z.string().optional(),
      consent: z.enum(['given', 'not-asked']).optional(),
      categories: z.array(z.string()),
      amount: z.number().optional().meta({ description: 'Achterstandsbedrag in euro (schuldsignalen).' }),
      arrearsSince: z
        .string()
        .optional()
        .meta({ format: 'date', description: 'Sinds wanneer de achterstand bestaat.' }),
      amountHistory: z
        .array(z.object({ at: z.string(), amount: z.number() }))
        .optional()
        .meta({
          description: 'Later gemelde hogere bedragen voor dezelfde achterstand (DESIGN I5, geactualiseerd).',
        }),
      supplier: z.string().optional().meta({ description: 'Energieleverancier (energieschulden).' }),
      monthlyRent: z.number().optional().meta({ description: 'Maandhuur in euro (huurachterstanden).' }),
      evictionDate: z.string().optional().meta({ format: 'date', description: 'Geplande ontruimingsdatum.' }),
      endOfSupplyDate: z.string().optional().meta({ format: 'date', description: 'Datum einde levering.' }),
      minorsInHousehold: z
        .number()
        .int()
        .optional()
        .meta({ description: 'Aantal minderjarigen volgens de partner; ontbreekt = onbekend.' }),
      person: z.object({
        displayName: z.string(),
        initials: z.string().optional(),
        prefix: z.string().optional(),
        surname: z.string(),
        birthDate: z.string().optional(),
        phone: z.string().optional(),
        email: z.string().optional(),
        bsn: z.string().optional(),
      }),
      address: z.object({
        postcode: z.string(),
        houseNumber: z.number().int(),
        houseNumberSuffix: z.string().optional(),
        street: z.string().optional(),
        city: z.string().optional(),
      }),
      summary: z.string().optional(),
      contactAttempts: z.array(contactAttemptRecordSchema),
      firstContactInTime: z.boolean().optional(),
      routingHistory: z.array(
        z.object({
          at: z.string(),
          teamId: z.string(),
          rule: z.string(),
          explanation: z.string(),
          by: z.string().optional(),
        }),
      ),
      escalations: z.array(escalationSchema),
    })
    .meta({ id: 'SignalDetail' }),
);

export const teamSignalsQuerySchema = /* @__PURE__ */ treeShakeable(() =>
  z.object({
    status: z
      .enum(['open', 'overdue', 'closed'], { error: "status moet 'open', 'overdue' of 'closed' zijn." })
      .default('open'),
    limit: z.coerce
      .number({ error: 'limit moet een getal van 1 tot en met 100 zijn.' })
      .int()
      .min(1, { error: 'limit moet een getal van 1 tot en met 100 zijn.' })
      .max(100, { error: 'limit moet een getal van 1 tot en met 100 zijn.' })
      .default(50),
    cursor: z.string().max(2000).optional(),
  }),
);

export const teamParamsSchema = /* @__PURE__ */ treeShakeable(() =>
  z.object({
    teamId: z
      .string()
      .min(1)
      .max(64)
      .meta({ examples: ['bt-sociaal-overvecht'] }),
  }),
);
export const signalParamsSchema = /* @__PURE__ */ treeShakeable(() =>
  z.object({
    signalId: z
      .string()
      .min(1)
      .max(64)
      .meta({ examples: ['sig_f9124df3cce342228793c706c476813f'] }),
  }),
);

export const contactAttemptSchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .object({
      kind: z
        .enum(CONTACT_KINDS, {
          error: `Soort contact moet een van ${CONTACT_KINDS.join(', ')} zijn.`,
        })
        .meta({ description: 'Soort contact (DDAS v1.2 EnumContactsoort, DESIGN D3).' }),
      reached: z.boolean({ error: 'Geef aan of de inwoner bereikt is (reached: true of false).' }),
      at: dateTimeSchema.optional(),
      note: z.string().max(2000, { error: 'De notitie is maximaal 2000 tekens.' }).optional(),
    })
    .meta({ id: 'ContactAttempt' }),
);

export const rerouteSchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .object({
      teamId: z.string({ error: 'teamId ontbreekt: naar welk team gaat het signaal?' }).min(1).max(64),
      reason: z
        .string({ error: 'Geef een reden op voor het doorzetten.' })
        .trim()
        .min(3, { error: 'Geef een reden op voor het doorzetten.' })
        .max(500, { error: 'De reden is maximaal 500 tekens.' }),
    })
    .meta({ id: 'Reroute' }),
);

export const closeSchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .object({
      // Checked against the list by the domain (O1: 422 `unknown-outcome` on the field); the contract
      // names the codes, so a client can offer them.
      outcome: z
        .string({ error: 'outcome ontbreekt: kies een uitkomstcode (DDAS).' })
        .min(1)
        .max(64)
        .meta({
          description: 'Uitkomstcode uit outcome-codes.json (DESIGN O1; DDAS v1.2 EnumEindresultaat, X2).',
          enum: OUTCOME_CODES.map((outcome) => outcome.code),
        }),
    })
    .meta({ id: 'Close' }),
);

export const escalationListSchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .object({
      items: z.array(escalationSchema.extend({ signalId: z.string() })),
      cursor: z.string().optional(),
    })
    .meta({ id: 'EscalationList' }),
);

/** DESIGN P3: who did what with a signal, when — ids and codes, no personal data. */
export const auditListSchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .object({
      items: z.array(
        z.object({
          signalId: z.string(),
          at: z.string(),
          action: z.string().meta({ description: 'The operationId of the request, e.g. getSignal.' }),
          principal: z.object({ id: z.string(), role: z.string(), scope: z.string() }),
        }),
      ),
      cursor: z.string().optional(),
    })
    .meta({ id: 'AuditList' }),
);

export const pageQuerySchema = /* @__PURE__ */ treeShakeable(() =>
  z.object({
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(2000).optional(),
  }),
);

const kpiRow = /* @__PURE__ */ treeShakeable(() =>
  z.object({
    teamId: z.string(),
    due: z.number().int(),
    contactedInTime: z.number().int(),
    contactedLate: z.number().int(),
    openOverdue: z.number().int(),
    closedWithoutContact: z.number().int(),
    percentInTime: z.number().nullable(),
  }),
);

export const firstContactMetricsSchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .object({
      from: z.string(),
      to: z.string(),
      asOf: z.string().meta({ description: 'De datum van de klok van de dienst bij het opvragen.' }),
      teams: z.array(kpiRow),
      total: kpiRow.omit({ teamId: true }),
    })
    .meta({ id: 'FirstContactMetrics' }),
);

export const firstContactQuerySchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .object({
      from: calendarDateSchema.meta({ examples: ['2026-11-01'] }),
      to: calendarDateSchema.meta({ examples: ['2026-11-30'] }),
      teamId: z.string().min(1).max(64).optional(),
    })
    .refine((query) => query.from <= query.to, { error: 'from ligt na to.', path: ['to'] }),
);

export const signalCountsSchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .object({ open: z.number().int(), overdue: z.number().int(), closed: z.number().int() })
    .meta({ id: 'SignalCounts' }),
);

export const signalVolumeSchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .object({
      from: z.string(),
      to: z.string(),
      months: z.array(
        z.object({
          month: z.string().meta({ examples: ['2026-11'] }),
          bySource: z.record(z.string(), z.number().int()),
          total: z.number().int(),
        }),
      ),
    })
    .meta({ id: 'SignalVolume' }),
);
