import * as z from 'zod';
import { APPOINTMENT_OUTCOMES, APPOINTMENT_PLACES } from '../domain/appointments.ts';
import { DAGDELEN } from '../domain/dagdeel.ts';
import type { A3Category } from '../domain/first-conversation.ts';
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
      nextAppointmentAt: z
        .string()
        .optional()
        .meta({ description: 'Begin van de afspraak (het eerste gesprek) die nu gepland staat (A1).' }),
      status: z.enum(['open', 'closed', 'not-routed', 'forwarded']),
      workingDaysLeft: z.number().int().optional().meta({
        description:
          'Alleen bij een open signaal zonder eerste contact: werkdagen tot en met de termijndatum (0 = vandaag de laatste dag), negatief: werkdagen te laat (D1–D2).',
      }),
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

/** DESIGN A1: an appointment as the signal detail lists it. */
const appointmentRecordSchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .object({
      appointmentId: z.string(),
      startsAt: z.string().meta({ description: 'Begin van het gesprek.' }),
      place: z.enum(APPOINTMENT_PLACES),
      opVerzoekInwoner: z
        .boolean()
        .meta({ description: 'Op verzoek van de inwoner; na de termijn pauzeert dit de escalatie (A2).' }),
      note: z.string().optional(),
      status: z.enum(['gepland', ...APPOINTMENT_OUTCOMES]),
      plannedAt: z.string(),
      plannedBy: z.string(),
      statusAt: z.string().optional(),
      statusBy: z.string().optional(),
    })
    .meta({ id: 'AppointmentRecord' }),
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

/**
 * An escalation on the signal page (issue 15): whether it is resolved — by the first reached contact
 * (D3) or by closing, for a forward by Veilig Thuis taking it into handling. Derived from the signal
 * (shared/domain/escalation-resolution.ts), never stored.
 */
const signalEscalationSchema = /* @__PURE__ */ treeShakeable(() =>
  escalationSchema.extend({
    resolved: z.boolean().meta({
      description:
        'Opgelost: het signaal heeft een eerste bereikt contact (D3) of is afgesloten (een doorzetting: door Veilig Thuis in behandeling genomen).',
    }),
    resolvedAt: z.string().optional().meta({
      description:
        'Moment van wat het oploste: het eerste bereikte contact (`firstContactAt`), anders het afsluiten (`closedAt`). Een contact wordt tot 7 dagen later vastgelegd, dus dit kan vóór `at` liggen.',
    }),
    resolvedThrough: z
      .enum(['first-contact', 'closed'])
      .optional()
      .meta({ description: 'Wat het oploste: het eerste bereikte contact, of het afsluiten.' }),
  }),
);

/** Issue 15: who closed the signal, with a name people read (never a token or principal id as name). */
const closedBySchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .object({
      principalId: z.string().meta({ description: 'Id van wie afsloot (zoals in het auditspoor).' }),
      role: z.string().meta({ examples: ['coordinator'] }),
      scope: z.string().meta({ examples: ['bt-sociaal-oost'] }),
      displayName: z.string().meta({
        description: 'Rol en team of organisatie in woorden.',
        examples: ['Coördinator · Buurtteam Sociaal Oost'],
      }),
    })
    .meta({ id: 'ClosedBy' }),
);

export const signalDetailSchema = /* @__PURE__ */ treeShakeable(() =>
  signalListItemSchema
    .extend({
      teamId: z.string(),
      outcome: z.string().optional(),
      closedAt: z.string().optional(),
      closedBy: closedBySchema.optional().meta({
        description: 'Wie het signaal afsloot; ontbreekt bij signalen die vóór issue 15 zijn afgesloten.',
      }),
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
      household: z
        .object({
          minorsUnder18: z.number().int().min(0).optional().meta({
            description: 'Leden van het huishouden jonger dan 18 op de ontvangstdatum; ontbreekt = onbekend.',
          }),
          source: z.enum(['brp', 'partner', 'onbekend']).meta({
            description:
              'Waar het aantal vandaan komt: de BRP (DESIGN B1), de partner, of niemand (onbekend).',
          }),
        })
        .meta({
          description: 'Samenstelling van het huishouden (DESIGN B1): alleen het aantal minderjarigen.',
        }),
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
      appointments: z
        .array(appointmentRecordSchema)
        .meta({ description: 'Het eerste gesprek: gepland, gehouden, niet verschenen of geannuleerd (A1).' }),
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
      escalations: z.array(signalEscalationSchema),
    })
    .meta({ id: 'SignalDetail' }),
);

export const teamSignalsQuerySchema = /* @__PURE__ */ treeShakeable(() =>
  z.object({
    status: z
      .enum(['open', 'overdue', 'closed', 'forwarded'], {
        error: "status moet 'open', 'overdue', 'closed' of 'forwarded' zijn.",
      })
      .default('open')
      .meta({
        description:
          'open: wat nog behandeld moet worden (bij Veilig Thuis ook de doorzettingen); overdue: open en over de termijn zonder eerste contact; closed: afgesloten, laatst afgesloten eerst; forwarded: doorzettingen naar Veilig Thuis (DESIGN C2) die nog niet in behandeling zijn genomen.',
      }),
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

/** `POST /signals/{signalId}/appointments` (API.md "Appointments", DESIGN A1). */
export const appointmentSchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .object({
      startsAt: dateTimeSchema,
      place: z.enum(APPOINTMENT_PLACES, {
        error: `Plaats moet een van ${APPOINTMENT_PLACES.join(', ')} zijn.`,
      }),
      opVerzoekInwoner: z.boolean({
        error: 'Geef aan of dit moment op verzoek van de inwoner is (opVerzoekInwoner: true of false).',
      }),
      note: z.string().max(2000, { error: 'De notitie is maximaal 2000 tekens.' }).optional(),
    })
    .meta({ id: 'Appointment' }),
);

/** `POST /signals/{signalId}/appointments/{appointmentId}`: how the appointment ended (A1). */
export const appointmentOutcomeSchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .object({
      status: z.enum(APPOINTMENT_OUTCOMES, {
        error: `Status moet een van ${APPOINTMENT_OUTCOMES.join(', ')} zijn.`,
      }),
    })
    .meta({ id: 'AppointmentOutcome' }),
);

export const appointmentParamsSchema = /* @__PURE__ */ treeShakeable(() =>
  z.object({
    signalId: z
      .string()
      .min(1)
      .max(64)
      .meta({ examples: ['sig_f9124df3cce342228793c706c476813f'] }),
    appointmentId: z
      .string()
      .min(1)
      .max(64)
      .meta({ examples: ['afs_3f1c2b7e-0d4a-4b8e-9a51-2c6d7e8f9a0b'] }),
  }),
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

/**
 * DESIGN P3: who did what with a signal, when — ids and codes, no personal data. Issue 15: `who` in
 * words, and a principal's inbox views within a visit folded into one entry (`count`, `firstAt`).
 */
export const auditListSchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .object({
      items: z.array(
        z
          .object({
            signalId: z.string(),
            at: z.string().meta({ description: 'Wanneer; bij een samengevoegd bezoek de laatste keer.' }),
            action: z.string().meta({ description: 'The operationId of the request, e.g. getSignal.' }),
            principal: z.object({ id: z.string(), role: z.string(), scope: z.string() }),
            who: z
              .object({
                role: z.string().meta({ examples: ['team-member'] }),
                label: z.string().meta({ examples: ['Medewerker buurtteam · Buurtteam Sociaal Overvecht'] }),
              })
              .meta({ description: 'Wie, in woorden: rol en team of organisatie (nooit het id als naam).' }),
            count: z.number().int().min(1).meta({
              description:
                "Hoeveel auditregels dit zijn: meer dan 1 als opeenvolgende keren 'gezien in de werkvoorraad' (listTeamSignals) of 'gezien in de afspraken' (listTeamAppointments) van dezelfde persoon, elk binnen 30 minuten na de vorige, tot één bezoek zijn samengevoegd.",
            }),
            firstAt: z
              .string()
              .optional()
              .meta({ description: 'Bij een samengevoegd bezoek: de eerste keer.' }),
          })
          .meta({ id: 'AuditEntry' }),
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

/** DESIGN A3 (issue 17): each due signal in one category, the first that applies (first-conversation.ts). */
const a3Counts = {
  heldInTime: z.number().int().meta({ description: 'Eerste gesprek gehouden binnen de termijn.' }),
  laterAtOwnRequest: z
    .number()
    .int()
    .meta({ description: 'Gesprek gepland of gehouden na de termijn, op verzoek van de inwoner.' }),
  contactInTime: z
    .number()
    .int()
    .meta({ description: 'Eerste contact binnen de termijn, (nog) geen gesprek binnen de termijn.' }),
  noneYet: z.number().int().meta({ description: 'Nog geen contact; de termijn loopt nog.' }),
  lateOtherwise: z.number().int().meta({
    description: 'Te laat: eerste contact na de termijn, of geen contact en de termijn is verstreken.',
  }),
} satisfies Record<A3Category, z.ZodNumber>;

const firstConversationCounts = /* @__PURE__ */ treeShakeable(() =>
  z
    .object({
      ...a3Counts,
      percent: z
        .object({
          heldInTime: z.number().nullable(),
          laterAtOwnRequest: z.number().nullable(),
          contactInTime: z.number().nullable(),
          noneYet: z.number().nullable(),
          lateOtherwise: z.number().nullable(),
        } satisfies Record<A3Category, z.ZodNullable<z.ZodNumber>>)
        .meta({ description: 'Elke telling / due in procenten, één decimaal; null als er niets viel.' }),
    })
    .meta({
      id: 'FirstConversationCounts',
      description:
        'DESIGN A3: het eerste gesprek van elk signaal in precies één categorie, de eerste die geldt in deze volgorde: gehouden binnen de termijn, later op verzoek van de inwoner, contact binnen de termijn, nog niets (termijn loopt), te laat. De tellingen tellen op tot due.',
    }),
);

/** Issue 15: the counts behind the percentage; they add up to `due`. */
const kpiRow = /* @__PURE__ */ treeShakeable(() =>
  z.object({
    teamId: z.string(),
    due: z.number().int().meta({ description: 'Signalen met een uiterste datum in de periode.' }),
    contactedInTime: z.number().int().meta({ description: 'Eerste contact binnen de termijn.' }),
    contactedLate: z.number().int().meta({ description: 'Eerste contact na de termijn.' }),
    openOverdue: z.number().int().meta({ description: 'Open, zonder eerste contact, over de termijn.' }),
    openWithinDeadline: z
      .number()
      .int()
      .meta({ description: 'Open, zonder eerste contact, nog binnen de termijn.' }),
    closedWithoutContact: z.number().int().meta({ description: 'Afgesloten zonder eerste contact.' }),
    percentInTime: z.number().nullable().meta({
      description:
        'contactedInTime / due in procenten, één decimaal; null als er niets viel. De tellingen ervoor tellen op tot due.',
    }),
    conversationHeldInTime: z.number().int().meta({
      description: 'Eerste gesprek gehouden binnen de termijn (A3) = firstConversation.heldInTime.',
    }),
    laterAtOwnRequest: z.number().int().meta({
      description:
        'Eerste gesprek later, op verzoek van de inwoner (A2–A3) = firstConversation.laterAtOwnRequest.',
    }),
    firstConversation: firstConversationCounts,
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

/** Issue 17: a team's calendar reads at most this many days at once (its cost grows with the span). */
export const CALENDAR_MAX_DAYS = 42;

export const teamAppointmentsQuerySchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .object({
      from: calendarDateSchema.meta({ examples: ['2026-11-30'] }),
      to: calendarDateSchema.meta({ examples: ['2026-12-06'] }),
    })
    .refine((query) => query.from <= query.to, { error: 'from ligt na to.', path: ['to'] })
    .refine((query) => (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 < CALENDAR_MAX_DAYS, {
      error: `Kies een periode van hoogstens ${CALENDAR_MAX_DAYS} dagen.`,
      path: ['to'],
    }),
);

export const teamAppointmentsSchema = /* @__PURE__ */ treeShakeable(() =>
  z
    .object({
      asOf: z.string().meta({ description: 'De klok van de dienst bij het opvragen.' }),
      from: z.string(),
      to: z.string(),
      items: z.array(
        z
          .object({
            signalId: z.string(),
            appointmentId: z.string(),
            startsAt: z.string(),
            place: z.enum(APPOINTMENT_PLACES),
            opVerzoekInwoner: z.boolean(),
            kind: signalListItemSchema.shape.kind,
            dominantProblem: z.string().optional(),
            person: z.object({ displayName: z.string() }),
            address: signalListItemSchema.shape.address,
          })
          .meta({ id: 'CalendarItem' }),
      ),
    })
    .meta({
      id: 'TeamAppointments',
      description: 'De geplande eerste gesprekken van het team in de periode, vroegste eerst (A1).',
    }),
);
