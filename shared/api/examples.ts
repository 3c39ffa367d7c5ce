import type * as z from 'zod';
import type { OPERATIONS, OperationName } from './operations.ts';
import type { uploadReceiptSchema } from './partner-intake-schemas.ts';
import type { signalDetailSchema } from './signal-schemas.ts';

// Examples of every request and answer in the OpenAPI document, taken from ../shared/samples and
// API.md and from what the service answered to them on the test clock (2026-11-23 10:00). The types
// keep them in step with the schemas; test/unit/openapi-document.test.ts validates them as well.

type Operations = typeof OPERATIONS;
type SignalDetail = z.output<typeof signalDetailSchema>;
type UploadReceipt = z.output<typeof uploadReceiptSchema>;
type Output<S> = S extends z.ZodType ? z.output<S> : Record<string, unknown>;
type RequestOf<Op> = Op extends { documentedBody: z.ZodType }
  ? z.input<Op['documentedBody']>
  : Op extends { body: z.ZodType }
    ? z.input<Op['body']>
    : Op extends { rawBody: object }
      ? string
      : never;
type ResponsesOf<Op> = Op extends { responses: infer R }
  ? { readonly [S in keyof R]: Output<R[S] extends { schema: infer Schema } ? Schema : undefined> }
  : never;

/** An example per operation: its request body when it has one, and each of its success answers. */
export type OperationExamples = {
  readonly [K in OperationName]: { readonly responses: ResponsesOf<Operations[K]> } & ([
    RequestOf<Operations[K]>,
  ] extends [never]
    ? unknown
    : { readonly request: RequestOf<Operations[K]> });
};

const SIGNAL_ID = 'sig_f9124df3cce342228793c706c476813f';
const AT = '2026-11-23T10:00:00+01:00';
const ROUTING = {
  rule: 'R5',
  explanation:
    "Dominant probleem 'Psychische problemen / verward gedrag' betreft geen minderjarige kinderen: Buurtteam Sociaal Overvecht (wijk Overvecht op postcode).",
};

/** The first care report of the samples, as the team sees it once routed. */
const SIGNAL: SignalDetail = {
  signalId: SIGNAL_ID,
  source: 'politie-utrecht',
  kind: 'zorgmelding',
  receivedAt: AT,
  dueDate: '2026-11-30',
  deadlineAt: '2026-11-30T23:59:59+01:00',
  overdue: false,
  escalationLevel: 0,
  dominantProblem: 'psychisch',
  routing: ROUTING,
  flags: [],
  person: { displayName: 'A. Jansen', initials: 'A.', surname: 'Jansen', birthDate: '1971-02-03' },
  address: { postcode: '3561AB', houseNumber: 4 },
  household: { minorsUnder18: 0, source: 'partner' },
  status: 'open',
  teamId: 'bt-sociaal-overvecht',
  consent: 'given',
  categories: ['psychisch', 'overlast'],
  summary: 'Buren melden verward gedrag; meneer wil graag hulp bij zijn administratie.',
  contactAttempts: [],
  appointments: [],
  routingHistory: [{ at: AT, teamId: 'bt-sociaal-overvecht', ...ROUTING }],
  escalations: [],
};

/** Issue 17 (A1): the first conversation, later at the resident's own request (A2). */
const APPOINTMENT = {
  appointmentId: 'afs_3f1c2b7e-0d4a-4b8e-9a51-2c6d7e8f9a0b',
  startsAt: '2026-12-03T14:00:00+01:00',
  place: 'thuis',
  opVerzoekInwoner: true,
  note: 'Meneer wil liever na zijn ziekenhuisopname.',
  status: 'gepland',
  plannedAt: '2026-11-24T09:35:00+01:00',
  plannedBy: 'dev-bt-sociaal-overvecht',
} as const;

const CONTACTED: SignalDetail = {
  ...SIGNAL,
  firstContactAt: '2026-11-24T09:30:00+01:00',
  firstContactInTime: true,
  contactAttempts: [
    {
      kind: 'telefoon',
      reached: true,
      at: '2026-11-24T09:30:00+01:00',
      recordedAt: '2026-11-24T09:32:00+01:00',
      dagdeel: 'ochtend',
      note: 'Gebeld, afspraak gemaakt.',
      recordedBy: 'dev-bt-sociaal-overvecht',
    },
  ],
};

const COUNTS = { received: 8, accepted: 4, rejected: 4, duplicate: 0, updated: 0 };
const RENT_UPLOAD: Omit<UploadReceipt, 'warnings' | 'progress'> = {
  uploadId: 'upl_577f049f861e44b5badf5c3dcc1dfc73',
  kind: 'rent-arrears',
  source: 'bo-ex',
  receivedAt: AT,
  attestation: 'sociale-incasso',
  status: 'klaar',
  counts: COUNTS,
};
const RENT_ROWS: NonNullable<UploadReceipt['rows']> = [
  { row: 2, reference: 'HN-100231', status: 'accepted', signalId: 'sig_8b9bdf987162c0e32d0554e111bb72bf' },
  { row: 3, reference: 'HN-100232', status: 'accepted', signalId: 'sig_1ca6532d5f3ec77aa71ce0c67a57728f' },
  { row: 4, reference: 'HN-100233', status: 'accepted', signalId: 'sig_323c7b63b844b03a12b2d4eb43c274b9' },
  {
    row: 5,
    reference: 'HN-100234',
    status: 'rejected',
    errors: [
      {
        field: 'geboortedatum',
        code: 'invalid-date',
        message: 'Geboortedatum is geen geldige datum (gebruik dd-mm-jjjj of jjjj-mm-dd).',
      },
    ],
  },
  {
    row: 6,
    reference: 'HN-100235',
    status: 'rejected',
    errors: [
      {
        field: 'postcode',
        code: 'invalid-postcode',
        message: 'Ongeldige postcode: verwacht vier cijfers en twee letters, bijvoorbeeld 3561 AB.',
      },
    ],
  },
  {
    row: 7,
    status: 'rejected',
    errors: [
      {
        field: 'bezwaar',
        code: 'geen-grondslag',
        message: 'De huurder heeft bezwaar gemaakt tegen het delen van gegevens: deze rij is niet verwerkt.',
      },
    ],
  },
  { row: 8, reference: 'HN-100237', status: 'accepted', signalId: 'sig_4cc6a2ba8e37b62444d6ec19b53efa55' },
  {
    row: 9,
    reference: 'HN-100238',
    status: 'rejected',
    errors: [
      {
        field: 'bsn',
        code: 'invalid-bsn',
        message: 'BSN is ongeldig (negen cijfers die de elfproef doorstaan).',
      },
    ],
  },
];
const FEEDBACK: Record<number, NonNullable<UploadReceipt['rows']>[number]['feedback']> = {
  2: 'opgepakt',
  3: 'ontvangen',
  4: 'ontvangen',
  8: 'niet-opgepakt',
};

const MEMBER = { id: 'dev-bt-sociaal-overvecht', role: 'team-member', scope: 'bt-sociaal-overvecht' };
const MEMBER_WHO = { role: 'team-member', label: 'Medewerker buurtteam · Buurtteam Sociaal Overvecht' };

const KPI_ROW = {
  due: 3,
  contactedInTime: 1,
  contactedLate: 0,
  openOverdue: 1,
  openWithinDeadline: 1,
  closedWithoutContact: 0,
  percentInTime: 33.3,
  // The contacted one held its first conversation in time; the other two have none yet (A3).
  conversationHeldInTime: 1,
  laterAtOwnRequest: 0,
  firstConversation: {
    heldInTime: 1,
    laterAtOwnRequest: 0,
    contactInTime: 0,
    noneYet: 1,
    lateOtherwise: 1,
    percent: { heldInTime: 33.3, laterAtOwnRequest: 0, contactInTime: 0, noneYet: 33.3, lateOtherwise: 33.3 },
  },
};
const NO_KPI = {
  ...KPI_ROW,
  due: 0,
  contactedInTime: 0,
  openOverdue: 0,
  openWithinDeadline: 0,
  percentInTime: null,
  conversationHeldInTime: 0,
  firstConversation: {
    heldInTime: 0,
    laterAtOwnRequest: 0,
    contactInTime: 0,
    noneYet: 0,
    lateOtherwise: 0,
    percent: {
      heldInTime: null,
      laterAtOwnRequest: null,
      contactInTime: null,
      noneYet: null,
      lateOtherwise: null,
    },
  },
};

export const OPERATION_EXAMPLES: OperationExamples = {
  health: { responses: { 200: { status: 'ok', now: AT } } },
  openApi: {
    responses: {
      200: { openapi: '3.1.0', info: { title: 'Buurtsignaal API', version: '0.1.0' }, paths: {} },
    },
  },
  submitCareReport: {
    request: {
      reportId: 'PL0900-2026-123456',
      reportedAt: '2026-11-20T22:15:00+01:00',
      unit: 'Basisteam Overvecht',
      categories: ['psychisch', 'overlast'],
      urgent: false,
      safety: { acuteUnsafety: false, domesticViolence: false, childUnsafety: false },
      consent: 'given',
      person: { initials: 'A.', surname: 'Jansen', birthDate: '1971-02-03' },
      address: { postcode: '3561AB', houseNumber: 4 },
      household: { adults: 1, minors: [] },
      summary: 'Buren melden verward gedrag; meneer wil graag hulp bij zijn administratie.',
    },
    responses: {
      200: { signalId: SIGNAL_ID, status: 'duplicate' },
      202: { signalId: SIGNAL_ID, status: 'accepted' },
    },
  },
  getCareReport: { responses: { 200: { reportId: 'PL0900-2026-123456', feedback: 'opgepakt' } } },
  listCareReports: {
    responses: {
      200: {
        items: [
          {
            reportId: 'PL0900-2026-123457',
            signalId: 'sig_3e1c0f9a2b4d4c6e8f0a1b2c3d4e5f60',
            reportedAt: '2026-11-21T01:40:00+01:00',
            receivedAt: '2026-11-23T10:05:00+01:00',
            feedback: 'afgerond',
          },
          {
            reportId: 'PL0900-2026-123456',
            signalId: SIGNAL_ID,
            reportedAt: '2026-11-20T22:15:00+01:00',
            receivedAt: AT,
            feedback: 'opgepakt',
          },
        ],
        cursor: 'MjAyNi0xMS0yM1QwOTowMDowMC4wMDBaI1BMMDkwMC0yMDI2LTEyMzQ1Ng',
      },
    },
  },
  submitRentArrears: {
    request: [
      'Huurdernummer;Voorletters;Tussenvoegsel;Achternaam;Geboortedatum;Straat;Huisnummer;Toevoeging;Postcode;Woonplaats;Telefoon;Email;Achterstand bedrag;Achterstand sinds;Maandhuur;Aantal minderjarigen;Ontruimingsdatum;BSN;Bezwaar',
      'HN-100231;J.;van;Dijk;14-03-1984;Bernadottelaan;12;;3561 AB;Utrecht;0612345678;;1.234,56;01-08-2026;645,00;2;;;nee',
      'HN-100232;M.;;Özdemir;02-11-1990;Marshallaan;4;bis;3562cd;Utrecht;;m.ozdemir@example.nl;€ 812,40;15-09-2026;612,50;;;;',
      '',
    ].join('\r\n'),
    responses: {
      202: { ...RENT_UPLOAD, warnings: [], progress: { received: 8, processed: 8 }, rows: RENT_ROWS },
    },
  },
  submitEnergyDebts: {
    request: {
      batchId: 'wi-2026-11-001',
      signals: [
        {
          reference: 'E-2026-000123',
          supplier: 'Eneco',
          kind: 'vroegsignaal',
          customerNumber: '81234567',
          person: {
            initials: 'J.',
            prefix: 'van',
            surname: 'Dam',
            birthDate: '1980-05-01',
            phone: '0612345678',
            email: 'j@example.nl',
            bsn: '111222333',
          },
          address: {
            postcode: '3563AB',
            houseNumber: 12,
            houseNumberSuffix: 'bis',
            street: 'Bernadottelaan',
            city: 'Utrecht',
          },
          amount: 412.5,
          arrearsSince: '2026-09-01',
          endOfSupplyDate: '2026-12-20',
          minorsInHousehold: 2,
        },
        {
          reference: 'E-2026-000125',
          supplier: 'Eneco',
          kind: 'vroegsignaal',
          customerNumber: '81234999',
          person: { initials: 'T.', surname: 'de Vries', birthDate: '2031-01-01' },
          address: { postcode: '3511AA', houseNumber: 1 },
          amount: 150,
          arrearsSince: '2026-10-01',
        },
      ],
    },
    responses: {
      202: {
        uploadId: 'upl_13c7bb7afb184d67ae6eca2047ecb362',
        kind: 'energy-debts',
        source: 'werk-en-inkomen',
        receivedAt: AT,
        batchId: 'wi-2026-11-001',
        status: 'klaar',
        warnings: [],
        counts: { received: 2, accepted: 1, rejected: 1, duplicate: 0, updated: 0 },
        progress: { received: 2, processed: 2 },
        items: [
          {
            index: 0,
            reference: 'E-2026-000123',
            status: 'accepted',
            signalId: 'sig_4174664ae414a45cc88c6c0172bb2c38',
          },
          {
            index: 1,
            reference: 'E-2026-000125',
            status: 'rejected',
            errors: [
              {
                field: 'person.birthDate',
                code: 'birth-date-in-future',
                message: 'Geboortedatum ligt in de toekomst.',
              },
            ],
          },
        ],
      },
    },
  },
  listUploads: { responses: { 200: { items: [RENT_UPLOAD] } } },
  getUpload: {
    responses: {
      200: {
        ...RENT_UPLOAD,
        warnings: [],
        progress: { received: 8, processed: 8 },
        rows: RENT_ROWS.map((row) =>
          row.status === 'accepted' ? { ...row, feedback: FEEDBACK[row.row] } : row,
        ),
      },
    },
  },
  listTeamSignals: {
    responses: {
      200: {
        asOf: AT,
        items: [
          {
            signalId: 'sig_1ca6532d5f3ec77aa71ce0c67a57728f',
            source: 'bo-ex',
            kind: 'huurachterstand',
            receivedAt: AT,
            dueDate: '2026-11-30',
            deadlineAt: '2026-11-30T23:59:59+01:00',
            overdue: false,
            escalationLevel: 0,
            dominantProblem: 'financien',
            routing: {
              rule: 'R5',
              explanation:
                "Dominant probleem 'Schulden en betalingsachterstanden' betreft geen minderjarige kinderen: Buurtteam Sociaal Overvecht (wijk Overvecht op postcode). Samenstelling van het huishouden onbekend: controleer of er kinderen zijn.",
            },
            flags: ['samenstelling-onbekend'],
            person: { displayName: 'M. Özdemir', birthYear: 1990 },
            address: { postcode: '3562CD', houseNumber: 4, houseNumberSuffix: 'bis' },
            status: 'open',
          },
          {
            signalId: SIGNAL_ID,
            source: 'politie-utrecht',
            kind: 'zorgmelding',
            receivedAt: AT,
            dueDate: '2026-11-30',
            deadlineAt: '2026-11-30T23:59:59+01:00',
            overdue: false,
            escalationLevel: 0,
            dominantProblem: 'psychisch',
            routing: ROUTING,
            flags: [],
            person: { displayName: 'A. Jansen', birthYear: 1971 },
            address: { postcode: '3561AB', houseNumber: 4 },
            status: 'open',
          },
        ],
        cursor: 'eyJwayI6IlNJR05BTCNzaWdfZjkxMjRkZjNjY2UzNDIyMjg3OTNjNzA2YzQ3NjgxM2YifQ',
      },
    },
  },
  getSignal: { responses: { 200: SIGNAL } },
  recordContactAttempt: {
    request: {
      kind: 'telefoon',
      reached: true,
      at: '2026-11-24T09:30:00+01:00',
      note: 'Gebeld, afspraak gemaakt.',
    },
    responses: { 201: CONTACTED },
  },
  planAppointment: {
    request: {
      startsAt: '2026-12-03T14:00:00+01:00',
      place: 'thuis',
      opVerzoekInwoner: true,
      note: 'Meneer wil liever na zijn ziekenhuisopname.',
    },
    responses: {
      201: { ...CONTACTED, appointments: [APPOINTMENT], nextAppointmentAt: APPOINTMENT.startsAt },
    },
  },
  recordAppointmentOutcome: {
    request: { status: 'gehouden' },
    responses: {
      200: {
        ...CONTACTED,
        appointments: [
          {
            ...APPOINTMENT,
            status: 'gehouden',
            statusAt: '2026-12-03T16:00:00+01:00',
            statusBy: 'dev-bt-sociaal-overvecht',
          },
        ],
        contactAttempts: [
          ...CONTACTED.contactAttempts,
          {
            kind: 'afspraak-op-locatie',
            reached: true,
            at: '2026-12-03T14:00:00+01:00',
            recordedAt: '2026-12-03T16:00:00+01:00',
            dagdeel: 'middag',
            recordedBy: 'dev-bt-sociaal-overvecht',
          },
        ],
      },
    },
  },
  rerouteSignal: {
    request: { teamId: 'bt-sociaal-zuid', reason: 'Meneer verhuist volgende week naar Zuid.' },
    responses: {
      200: {
        ...CONTACTED,
        teamId: 'bt-sociaal-zuid',
        routing: {
          rule: 'reroute',
          explanation: 'Doorgezet naar Buurtteam Sociaal Zuid: Meneer verhuist volgende week naar Zuid.',
        },
        routingHistory: [
          ...SIGNAL.routingHistory,
          {
            at: '2026-11-24T11:00:00+01:00',
            teamId: 'bt-sociaal-zuid',
            rule: 'reroute',
            explanation: 'Doorgezet naar Buurtteam Sociaal Zuid: Meneer verhuist volgende week naar Zuid.',
            by: 'dev-bt-sociaal-overvecht',
          },
        ],
      },
    },
  },
  closeSignal: {
    request: { outcome: 'vervolghulp' },
    responses: {
      200: {
        ...CONTACTED,
        status: 'closed',
        outcome: 'vervolghulp',
        closedAt: '2026-12-10T10:00:00+01:00',
        closedBy: {
          principalId: 'dev-coordinator-bt-sociaal-overvecht',
          role: 'coordinator',
          scope: 'bt-sociaal-overvecht',
          displayName: 'Coördinator · Buurtteam Sociaal Overvecht',
        },
      },
    },
  },
  getSignalAudit: {
    responses: {
      200: {
        items: [
          {
            signalId: SIGNAL_ID,
            at: '2026-11-24T08:32:00.000Z',
            action: 'recordContactAttempt',
            principal: MEMBER,
            who: MEMBER_WHO,
            count: 1,
          },
          {
            signalId: SIGNAL_ID,
            at: '2026-11-24T08:25:00.000Z',
            action: 'listTeamSignals',
            principal: MEMBER,
            who: MEMBER_WHO,
            count: 4,
            firstAt: '2026-11-24T07:58:00.000Z',
          },
          {
            signalId: SIGNAL_ID,
            at: '2026-11-23T09:00:00.000Z',
            action: 'getSignal',
            principal: MEMBER,
            who: MEMBER_WHO,
            count: 1,
          },
        ],
        cursor: 'MjAyNi0xMS0yM1QwOTowMDowMC4wMDBaIzBteDQ0MG4zcSNjZWQ0MWU5NQ',
      },
    },
  },
  listTeamEscalations: {
    responses: {
      200: {
        items: [
          {
            signalId: 'sig_8b9bdf987162c0e32d0554e111bb72bf',
            level: 1,
            at: '2026-12-10T10:00:00+01:00',
            recipient: { role: 'coordinator', scope: 'bt-jg-overvecht' },
          },
        ],
      },
    },
  },
  listTeamAppointments: {
    responses: {
      200: {
        asOf: '2026-11-30T09:00:00+01:00',
        from: '2026-11-30',
        to: '2026-12-06',
        items: [
          {
            signalId: SIGNAL_ID,
            appointmentId: APPOINTMENT.appointmentId,
            startsAt: APPOINTMENT.startsAt,
            place: APPOINTMENT.place,
            opVerzoekInwoner: APPOINTMENT.opVerzoekInwoner,
            kind: 'zorgmelding',
            dominantProblem: 'psychisch',
            person: { displayName: SIGNAL.person.displayName },
            address: SIGNAL.address,
          },
        ],
      },
    },
  },
  firstContactMetrics: {
    responses: {
      200: {
        from: '2026-11-01',
        to: '2026-11-30',
        asOf: '2026-12-10',
        teams: [
          { teamId: 'bt-sociaal-overvecht', ...KPI_ROW },
          { teamId: 'bt-sociaal-zuid', ...NO_KPI },
        ],
        total: KPI_ROW,
      },
    },
  },
  countTeamSignals: { responses: { 200: { open: 2, overdue: 0, closed: 0 } } },
  ddasGegevens: {
    request: {
      aanleverperiodeStartdatum: '2026-11-01',
      aanleverperiodeEinddatum: '2026-11-30',
      page: 1,
      pageSize: 25000,
    },
    responses: {
      200: {
        gegevens: {
          startdatumLevering: '2026-11-01',
          einddatumLevering: '2026-11-30',
          aanleverdatumEnTijd: '2026-12-03T08:15:00Z',
          codeGegevensleverancier: 'BUURTSIGNAAL',
          leveringen: [
            {
              teller: 1,
              gemeentecode: '0344',
              aanleverendeOrganisatie: { naam: 'Gemeente Utrecht' },
              vroegsignalen: [
                {
                  ID: 'sig_6c0e1f3a9b2d4e5f8a7b6c5d4e3f2a1b',
                  bedrag: 1235,
                  ontstaansdatum: '2026-08-01',
                  signaaldatum: '2026-11-02',
                  status: 'Opgepakt',
                  signaalpartner: { type: 'Huur' },
                  client: { burgerservicenummer: '111222333' },
                },
                {
                  ID: 'sig_0a1b2c3d4e5f60718293a4b5c6d7e8f9',
                  bedrag: 74,
                  signaaldatum: '2026-11-02',
                  status: 'Niet opgepakt: onterecht signaal',
                  signaalpartner: { type: 'Energie' },
                  client: { postcode: '3527AB', huisnummer: '15', geboortedatum: '1995-09-23' },
                },
              ],
              vroegsignaalzaken: [
                {
                  matchingsdatum: '2026-11-02',
                  datumOpgepakt: '2026-11-03',
                  vroegsignalen: [{ ID: 'sig_6c0e1f3a9b2d4e5f8a7b6c5d4e3f2a1b' }],
                  contactpogingen: [
                    { soort: 'Telefoon', bereikt: false, datum: '2026-11-03', dagdeel: 'Ochtend' },
                    { soort: 'Huisbezoek', bereikt: true, datum: '2026-11-04', dagdeel: 'Avond' },
                  ],
                },
              ],
            },
          ],
        },
        paginering: { pageSize: 25000, currentPage: 1, totalPages: 1, totalRecords: 2 },
      },
    },
  },
  ddasCertificaat: {
    responses: {
      200: {
        kid: 'Yp0PtrWlF3mdF6S0c0YzQnTq2yq3j1b2fI6C5Ej8l8A',
        x5c: ['MIIDtjCCAh6gAwIBAgIUb…'],
        certificatePem: '-----BEGIN CERTIFICATE-----\nMIIDtjCCAh6gAwIBAgIUb…\n-----END CERTIFICATE-----\n',
      },
    },
  },
  signalVolume: {
    responses: {
      200: {
        from: '2026-11-01',
        to: '2026-11-30',
        months: [
          {
            month: '2026-11',
            bySource: { 'werk-en-inkomen': 2, 'bo-ex': 3, 'politie-utrecht': 1 },
            total: 6,
          },
        ],
      },
    },
  },
};
