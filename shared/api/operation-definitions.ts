import * as z from 'zod';
import type { Role } from '../auth/principal.ts';
import { CONTACT_REQUIRED_MESSAGE } from '../domain/closing-rules.ts';
import { FORWARD_OUTCOME_MESSAGE } from '../domain/veilig-thuis-forwards.ts';
import {
  careReportAcceptedSchema,
  careReportFeedbackSchema,
  careReportListQuerySchema,
  careReportListSchema,
  careReportSchema,
  reportIdParamsSchema,
} from './care-report-schemas.ts';
import { ddasCertificateSchema, gegevensRequestSchema, gegevensResponseSchema } from './ddas-schemas.ts';
import type { ErrorCase, OperationDefinition } from './operations.ts';
import {
  energyBatchDocumentSchema,
  energyBatchSchema,
  rentArrearsDocumentQuerySchema,
  rentArrearsQuerySchema,
  uploadListQuerySchema,
  uploadListSchema,
  uploadParamsSchema,
  uploadReceiptPageSchema,
  uploadReceiptQuerySchema,
  uploadReceiptSchema,
} from './partner-intake-schemas.ts';
import {
  appointmentOutcomeSchema,
  appointmentParamsSchema,
  appointmentSchema,
  auditListSchema,
  closeSchema,
  contactAttemptSchema,
  escalationListSchema,
  firstContactMetricsSchema,
  firstContactQuerySchema,
  pageQuerySchema,
  rerouteSchema,
  signalCountsSchema,
  signalDetailSchema,
  signalListSchema,
  signalParamsSchema,
  signalVolumeSchema,
  teamAppointmentsQuerySchema,
  teamAppointmentsSchema,
  teamParamsSchema,
  teamSignalsQuerySchema,
} from './signal-schemas.ts';
import { treeShakeable } from './tree-shakeable.ts';
import './zod-dutch.ts'; // Dutch validation messages

/**
 * The operations of the HTTP contract (API.md), one export each; `OPERATIONS` in operations.ts
 * holds them all, in this order. A function imports this module as a namespace
 * (`import * as OPERATIONS from …/operation-definitions.ts`) and uses only its own operation, so its
 * bundle builds only that operation's schemas (tree-shakeable.ts, issue 13 cold starts).
 */

const TEAM_READERS: readonly Role[] = ['team-member', 'coordinator', 'manager', 'admin'];

const SIGNAL_NOT_FOUND: ErrorCase = { code: 'signal-not-found', message: 'Dit signaal bestaat niet (meer).' };
const TEAM_NOT_FOUND: ErrorCase = { code: 'team-not-found', message: 'Dit team bestaat niet.' };
const INVALID_CURSOR: ErrorCase = {
  code: 'invalid-cursor',
  message: 'De cursor hoort niet bij deze lijst; begin opnieuw zonder cursor.',
};
/** A team action on a signal: gone, closed meanwhile, or changed by someone else at the same time. */
const signalActionErrors = (action: string) => ({
  404: [SIGNAL_NOT_FOUND],
  409: [
    { code: 'signal-not-open', message: `Dit signaal is niet (meer) open; ${action} kan niet.` },
    {
      code: 'concurrent-update',
      message: 'Het signaal werd tegelijk door iemand anders gewijzigd. Probeer het opnieuw.',
    },
  ],
});

export const health = /* @__PURE__ */ treeShakeable(
  () =>
    ({
      operationId: 'health',
      tag: 'Dienst',
      method: 'GET',
      path: '/health',
      summary: 'Gezondheidscontrole, zonder authenticatie.',
      roles: 'public',
      access: 'public',
      responses: {
        200: {
          description: 'De dienst draait; `now` is de klok van de dienst (lokaal de testklok).',
          schema: z.object({ status: z.literal('ok'), now: z.string() }),
        },
      },
    }) as const satisfies OperationDefinition,
);

export const openApi = /* @__PURE__ */ treeShakeable(
  () =>
    ({
      operationId: 'openApi',
      tag: 'Dienst',
      method: 'GET',
      path: '/openapi.json',
      summary: 'Deze API-beschrijving (OpenAPI 3.1), gegenereerd uit de zod-schema’s.',
      roles: 'public',
      access: 'public',
      responses: { 200: { description: 'OpenAPI-document.' } },
    }) as const satisfies OperationDefinition,
);

export const submitCareReport = /* @__PURE__ */ treeShakeable(
  () =>
    ({
      operationId: 'submitCareReport',
      tag: 'Aanleveren',
      method: 'POST',
      path: '/intake/care-reports',
      summary: 'Zorgmelding van de politie indienen (DESIGN C2).',
      roles: ['police'],
      access: 'submit',
      idempotent: true,
      body: careReportSchema,
      responses: {
        200: {
          description: 'Deze melding was al ontvangen (zelfde reportId).',
          schema: careReportAcceptedSchema,
        },
        202: { description: 'Ontvangen; wordt gerouteerd.', schema: careReportAcceptedSchema },
      },
    }) as const satisfies OperationDefinition,
);

export const getCareReport = /* @__PURE__ */ treeShakeable(
  () =>
    ({
      operationId: 'getCareReport',
      tag: 'Terugkoppeling',
      method: 'GET',
      path: '/intake/care-reports/{reportId}',
      summary: 'Terugkoppeling over een eigen zorgmelding (DESIGN C4).',
      roles: ['police'],
      access: 'own-submissions',
      params: reportIdParamsSchema,
      responses: { 200: { description: 'Terugkoppeling.', schema: careReportFeedbackSchema } },
      errors: {
        404: [
          {
            code: 'report-not-found',
            message: 'Er is geen zorgmelding met dit reportId van uw organisatie.',
          },
        ],
      },
    }) as const satisfies OperationDefinition,
);

export const listCareReports = /* @__PURE__ */ treeShakeable(
  () =>
    ({
      operationId: 'listCareReports',
      tag: 'Terugkoppeling',
      method: 'GET',
      path: '/intake/care-reports',
      summary: 'Eigen zorgmeldingen met terugkoppeling, nieuwste eerst (DESIGN C4, P4).',
      roles: ['police'],
      access: 'own-submissions',
      query: careReportListQuerySchema,
      responses: {
        200: {
          description:
            'Zorgmeldingen van uw organisatie, nieuwst ontvangen eerst; cursor als er meer zijn. Meldingen van vóór deze lijst (issue 15) staan er niet in; hun terugkoppeling blijft op te vragen per reportId.',
          schema: careReportListSchema,
        },
      },
      errors: { 400: [INVALID_CURSOR] },
    }) as const satisfies OperationDefinition,
);

export const submitRentArrears = /* @__PURE__ */ treeShakeable(
  () =>
    ({
      operationId: 'submitRentArrears',
      tag: 'Aanleveren',
      method: 'POST',
      path: '/intake/rent-arrears',
      summary: 'Huurachterstandenlijst van een woningcorporatie aanleveren (DESIGN I1–I6, C1).',
      roles: ['housing-corporation'],
      access: 'submit',
      idempotent: true,
      query: rentArrearsQuerySchema,
      documentedQuery: rentArrearsDocumentQuerySchema,
      rawBody: {
        contentTypes: ['text/csv', 'multipart/form-data', 'application/octet-stream'],
        description:
          "CSV (';' of ',', UTF-8 of Windows-1252) als text/csv, of een formulier met het bestand in het veld 'file'. Een bestand dat geen UTF-8 is, komt via een gateway alleen ongeschonden aan als multipart/form-data of application/octet-stream.",
      },
      responses: {
        202: {
          description:
            "Ontvangstbewijs met de status per rij. `status: 'verwerken'` als niet alle rijen binnen het tijdsbudget beoordeeld zijn: de rest volgt; GET /intake/uploads/{uploadId} toont de voortgang en daarna het volledige bewijs.",
          schema: uploadReceiptSchema,
        },
      },
      errors: {
        422: [
          {
            code: 'attestation-required',
            message:
              'Bevestig met ?attest=sociale-incasso dat de stappen van de sociale incasso zijn gezet: herinnering, contactpoging, wijzen op hulp en aanbod om gegevens te delen (Wgs).',
          },
          { code: 'file-missing', message: "Het formulier bevat geen bestand in het veld 'file'." },
          {
            code: 'encoding-lost',
            message:
              'De tekens van het bestand kwamen beschadigd aan (geen UTF-8). Stuur het als multipart/form-data (veld file) of als application/octet-stream.',
          },
          {
            code: 'not-a-csv',
            message: 'Dit is een PDF-bestand, geen CSV. Sla de lijst op als CSV en probeer opnieuw.',
          },
          { code: 'empty-file', message: 'Het bestand bevat geen kopregel en geen rijen.' },
          {
            code: 'no-rows',
            message: 'Het bestand bevat alleen een kopregel, geen rijen met huurachterstanden.',
          },
          {
            code: 'missing-columns',
            message:
              'Verplichte kolommen ontbreken: postcode. Gebruik de kolomnamen uit de aanleverspecificatie; de kopregel moet binnen de eerste 10 regels staan.',
          },
          {
            code: 'unbalanced-quotes',
            message:
              'Een aanhalingsteken wordt niet gesloten (vanaf rij 12). Controleer die rij en stuur het bestand opnieuw.',
          },
          { code: 'malformed-csv', message: 'Het bestand is geen geldige CSV (rond rij 12).' },
        ],
      },
    }) as const satisfies OperationDefinition,
);

export const submitEnergyDebts = /* @__PURE__ */ treeShakeable(
  () =>
    ({
      operationId: 'submitEnergyDebts',
      tag: 'Aanleveren',
      method: 'POST',
      path: '/intake/energy-debts',
      summary: 'Batch energieschulden van Werk & Inkomen aanleveren (max. 1.000 signalen).',
      roles: ['energy-forwarder'],
      access: 'submit',
      idempotent: true,
      body: energyBatchSchema,
      documentedBody: energyBatchDocumentSchema,
      responses: {
        202: {
          description:
            "Ontvangstbewijs met de status per element (`status: 'verwerken'` zolang niet alle elementen beoordeeld zijn).",
          schema: uploadReceiptSchema,
        },
      },
      errors: {
        413: [
          {
            code: 'batch-too-large',
            message: 'Een batch bevat hoogstens 1000 signalen; deze bevat er 1200. Splits de batch.',
          },
        ],
      },
    }) as const satisfies OperationDefinition,
);

export const listUploads = /* @__PURE__ */ treeShakeable(
  () =>
    ({
      operationId: 'listUploads',
      tag: 'Terugkoppeling',
      method: 'GET',
      path: '/intake/uploads',
      summary: 'Eigen aanleveringen, nieuwste eerst (DESIGN P4).',
      roles: ['housing-corporation', 'energy-forwarder'],
      access: 'own-submissions',
      query: uploadListQuerySchema,
      responses: { 200: { description: 'Aanleveringen met tellingen.', schema: uploadListSchema } },
    }) as const satisfies OperationDefinition,
);

export const getUpload = /* @__PURE__ */ treeShakeable(
  () =>
    ({
      operationId: 'getUpload',
      tag: 'Terugkoppeling',
      method: 'GET',
      path: '/intake/uploads/{uploadId}',
      summary:
        'Ontvangstbewijs van een eigen aanlevering met terugkoppeling per rij (DESIGN C4), per pagina van hoogstens 1.000 regels.',
      roles: ['housing-corporation', 'energy-forwarder'],
      access: 'own-submissions',
      params: uploadParamsSchema,
      query: uploadReceiptQuerySchema,
      responses: {
        200: {
          description:
            'Een pagina van het ontvangstbewijs met terugkoppeling; cursor als er meer regels volgen.',
          schema: uploadReceiptPageSchema,
        },
      },
      errors: {
        400: [INVALID_CURSOR],
        404: [{ code: 'upload-not-found', message: 'Er is geen aanlevering met dit id van uw organisatie.' }],
      },
    }) as const satisfies OperationDefinition,
);

export const listTeamSignals = /* @__PURE__ */ treeShakeable(
  () =>
    ({
      operationId: 'listTeamSignals',
      tag: 'Werkvoorraad',
      method: 'GET',
      path: '/teams/{teamId}/signals',
      summary: 'Werkvoorraad van een team, gesorteerd op termijn.',
      roles: TEAM_READERS,
      access: 'team-view',
      params: teamParamsSchema,
      query: teamSignalsQuerySchema,
      responses: { 200: { description: 'Signalen van het team.', schema: signalListSchema } },
      errors: { 400: [INVALID_CURSOR], 404: [TEAM_NOT_FOUND] },
    }) as const satisfies OperationDefinition,
);

export const listTeamAppointments = /* @__PURE__ */ treeShakeable(
  () =>
    ({
      operationId: 'listTeamAppointments',
      tag: 'Werkvoorraad',
      method: 'GET',
      path: '/teams/{teamId}/appointments',
      summary:
        "De geplande eerste gesprekken van een team tussen from en to (Amsterdamse datums, hoogstens 42 dagen), vroegste eerst: 'Afspraken deze week' (A1). Gelogd per signaal (P3).",
      roles: TEAM_READERS,
      access: 'team-view',
      params: teamParamsSchema,
      query: teamAppointmentsQuerySchema,
      responses: { 200: { description: 'Afspraken van het team.', schema: teamAppointmentsSchema } },
      errors: { 404: [TEAM_NOT_FOUND] },
    }) as const satisfies OperationDefinition,
);

export const getSignal = /* @__PURE__ */ treeShakeable(
  () =>
    ({
      operationId: 'getSignal',
      tag: 'Signaal',
      method: 'GET',
      path: '/signals/{signalId}',
      summary: 'Alle gegevens van één signaal (gelogd, DESIGN P3).',
      roles: TEAM_READERS,
      access: 'team-view',
      params: signalParamsSchema,
      responses: { 200: { description: 'Het signaal.', schema: signalDetailSchema } },
      errors: { 404: [SIGNAL_NOT_FOUND] },
    }) as const satisfies OperationDefinition,
);

export const recordContactAttempt = /* @__PURE__ */ treeShakeable(
  () =>
    ({
      operationId: 'recordContactAttempt',
      tag: 'Signaal',
      method: 'POST',
      path: '/signals/{signalId}/contact-attempts',
      summary: 'Contactpoging vastleggen; de eerste bereikte stopt de klok (DESIGN D3).',
      roles: ['team-member', 'coordinator'],
      access: 'team-work',
      params: signalParamsSchema,
      body: contactAttemptSchema,
      responses: { 201: { description: 'Het bijgewerkte signaal.', schema: signalDetailSchema } },
      errors: {
        ...signalActionErrors('contactpogingen vastleggen'),
        422: [
          { code: 'contact-in-future', message: 'Het moment van de contactpoging ligt in de toekomst.' },
          {
            code: 'contact-before-receipt',
            message: 'Het moment van de contactpoging ligt vóór de ontvangst van het signaal.',
          },
          {
            code: 'contact-too-old',
            message:
              'Het moment van de contactpoging ligt meer dan 7 dagen terug; een contactpoging wordt binnen 7 dagen vastgelegd.',
          },
        ],
      },
    }) as const satisfies OperationDefinition,
);

export const planAppointment = /* @__PURE__ */ treeShakeable(
  () =>
    ({
      operationId: 'planAppointment',
      tag: 'Signaal',
      method: 'POST',
      path: '/signals/{signalId}/appointments',
      summary:
        'Het eerste gesprek plannen (DESIGN A1); op verzoek van de inwoner na de termijn pauzeert het de escalatie (A2). Verzetten = annuleren + opnieuw plannen.',
      roles: ['team-member', 'coordinator'],
      access: 'team-work',
      params: signalParamsSchema,
      body: appointmentSchema,
      responses: { 201: { description: 'Het bijgewerkte signaal.', schema: signalDetailSchema } },
      errors: {
        ...signalActionErrors('een afspraak plannen'),
        409: [
          ...signalActionErrors('een afspraak plannen')[409],
          {
            code: 'appointment-already-planned',
            message: 'Er staat al een afspraak gepland: annuleer die eerst om te verzetten.',
          },
        ],
        422: [
          {
            code: 'appointment-before-receipt',
            message: 'De afspraak ligt vóór de ontvangst van het signaal.',
          },
        ],
      },
    }) as const satisfies OperationDefinition,
);

export const recordAppointmentOutcome = /* @__PURE__ */ treeShakeable(
  () =>
    ({
      operationId: 'recordAppointmentOutcome',
      tag: 'Signaal',
      method: 'POST',
      path: '/signals/{signalId}/appointments/{appointmentId}',
      summary:
        'Afspraak afronden: gehouden (een bereikt contact, DESIGN A1/D3), niet verschenen of geannuleerd (de escalatie loopt verder waar ze was, A2).',
      roles: ['team-member', 'coordinator'],
      access: 'team-work',
      params: appointmentParamsSchema,
      body: appointmentOutcomeSchema,
      responses: { 200: { description: 'Het bijgewerkte signaal.', schema: signalDetailSchema } },
      errors: {
        404: [SIGNAL_NOT_FOUND, { code: 'appointment-not-found', message: 'Deze afspraak bestaat niet.' }],
        409: [
          ...signalActionErrors('een afspraak afronden')[409],
          { code: 'appointment-not-planned', message: 'Deze afspraak is al afgerond of geannuleerd.' },
        ],
        422: [
          {
            code: 'appointment-in-future',
            message: 'De afspraak moet nog plaatsvinden: alleen annuleren kan nu.',
          },
          {
            code: 'contact-too-old',
            message:
              'Het moment van de contactpoging ligt meer dan 7 dagen terug; een contactpoging wordt binnen 7 dagen vastgelegd.',
          },
        ],
      },
    }) as const satisfies OperationDefinition,
);

export const rerouteSignal = /* @__PURE__ */ treeShakeable(
  () =>
    ({
      operationId: 'rerouteSignal',
      tag: 'Signaal',
      method: 'POST',
      path: '/signals/{signalId}/reroute',
      summary: 'Signaal doorzetten naar een ander team; de termijn blijft staan.',
      roles: ['team-member', 'coordinator'],
      access: 'team-work',
      params: signalParamsSchema,
      body: rerouteSchema,
      responses: { 200: { description: 'Het bijgewerkte signaal.', schema: signalDetailSchema } },
      errors: {
        ...signalActionErrors('doorzetten'),
        422: [
          { code: 'unknown-team', message: 'Dit team bestaat niet.' },
          { code: 'same-team', message: 'Het signaal hoort al bij dit team.' },
        ],
      },
    }) as const satisfies OperationDefinition,
);

export const closeSignal = /* @__PURE__ */ treeShakeable(
  () =>
    ({
      operationId: 'closeSignal',
      tag: 'Signaal',
      method: 'POST',
      path: '/signals/{signalId}/close',
      summary:
        "Signaal afsluiten met een uitkomstcode uit de DDAS-lijst (DESIGN O1); zonder contactpoging alleen als 'niet opgepakt'. Veilig Thuis neemt zo een doorzetting in behandeling (uitkomst doorgezet-veilig-thuis).",
      roles: ['team-member', 'coordinator'],
      access: 'team-work',
      params: signalParamsSchema,
      body: closeSchema,
      responses: {
        200: {
          description: 'Het afgesloten signaal, met `closedAt` en `closedBy`.',
          schema: signalDetailSchema,
        },
      },
      errors: {
        ...signalActionErrors('afsluiten'),
        422: [
          { code: 'unknown-outcome', message: 'Onbekende uitkomstcode: kies een code uit de DDAS-lijst.' },
          { code: 'contact-attempt-required', message: CONTACT_REQUIRED_MESSAGE },
          { code: 'forward-outcome-required', message: FORWARD_OUTCOME_MESSAGE },
        ],
      },
    }) as const satisfies OperationDefinition,
);

export const getSignalAudit = /* @__PURE__ */ treeShakeable(
  () =>
    ({
      operationId: 'getSignalAudit',
      tag: 'Signaal',
      method: 'GET',
      path: '/signals/{signalId}/audit',
      summary: 'Wie heeft dit signaal ingezien of gewijzigd, en wanneer (DESIGN P3), nieuwste eerst.',
      roles: ['coordinator', 'admin'],
      access: 'signal-audit',
      params: signalParamsSchema,
      query: pageQuerySchema,
      responses: { 200: { description: 'Auditregels.', schema: auditListSchema } },
      errors: { 400: [INVALID_CURSOR], 404: [SIGNAL_NOT_FOUND] },
    }) as const satisfies OperationDefinition,
);

export const listTeamEscalations = /* @__PURE__ */ treeShakeable(
  () =>
    ({
      operationId: 'listTeamEscalations',
      tag: 'Werkvoorraad',
      method: 'GET',
      path: '/teams/{teamId}/escalations',
      summary: 'Escalaties van een team, nieuwste eerst (DESIGN D4).',
      roles: ['coordinator', 'manager', 'admin'],
      access: 'team-view',
      params: teamParamsSchema,
      query: pageQuerySchema,
      responses: { 200: { description: 'Escalaties.', schema: escalationListSchema } },
      errors: { 400: [INVALID_CURSOR], 404: [TEAM_NOT_FOUND] },
    }) as const satisfies OperationDefinition,
);

export const firstContactMetrics = /* @__PURE__ */ treeShakeable(
  () =>
    ({
      operationId: 'firstContactMetrics',
      tag: 'Cijfers',
      method: 'GET',
      path: '/metrics/first-contact',
      summary:
        'Eerste contact binnen de termijn, per team en in totaal, voor signalen met een uiterste datum in de periode.',
      roles: ['coordinator', 'manager', 'municipality', 'admin'],
      access: 'aggregates',
      query: firstContactQuerySchema,
      responses: { 200: { description: 'Tellingen per team.', schema: firstContactMetricsSchema } },
      errors: { 404: [TEAM_NOT_FOUND] },
    }) as const satisfies OperationDefinition,
);

export const countTeamSignals = /* @__PURE__ */ treeShakeable(
  () =>
    ({
      operationId: 'countTeamSignals',
      tag: 'Werkvoorraad',
      method: 'GET',
      path: '/teams/{teamId}/signal-counts',
      summary: 'Aantal signalen per tabblad van de werkvoorraad: open, over de termijn, afgesloten.',
      roles: TEAM_READERS,
      access: 'team-view',
      params: teamParamsSchema,
      responses: { 200: { description: 'Aantallen.', schema: signalCountsSchema } },
      errors: { 404: [TEAM_NOT_FOUND] },
    }) as const satisfies OperationDefinition,
);

export const signalVolume = /* @__PURE__ */ treeShakeable(
  () =>
    ({
      operationId: 'signalVolume',
      tag: 'Cijfers',
      method: 'GET',
      path: '/metrics/signal-volume',
      summary: 'Gerouteerde signalen per bron per maand van ontvangst (dashboard), binnen de eigen scope.',
      roles: ['coordinator', 'manager', 'municipality', 'admin'],
      access: 'aggregates',
      query: firstContactQuerySchema,
      responses: { 200: { description: 'Aantallen per maand en bron.', schema: signalVolumeSchema } },
      errors: { 404: [TEAM_NOT_FOUND] },
    }) as const satisfies OperationDefinition,
);

/** X3: what every delivery answer carries, so CBS can check it came from us unaltered. */
const DELIVERY_SIGNATURE_HEADERS = {
  Digest: {
    description: 'SHA-256 over de exacte bytes van het antwoord (RFC 3230), base64.',
    pattern: '^SHA-256=[A-Za-z0-9+/=]{43,44}$',
  },
  'nlgov-adr-payload-sig': {
    description:
      'JWS Compact Serialization met losgemaakte payload (PS256; protected header met kid, x5c, typ JOSE) over het antwoord; de certificaatketen staat ook op GET /ddas/v1/certificaat.',
  },
} as const;

export const ddasGegevens = /* @__PURE__ */ treeShakeable(
  () =>
    ({
      operationId: 'ddasGegevens',
      tag: 'Landelijk',
      method: 'POST',
      path: '/ddas/v1/gegevens',
      summary:
        'DDAS-VS 1.0: de vroegsignalen van een periode voor CBS, per pagina, ondertekend (DESIGN X1–X3).',
      roles: ['cbs'],
      access: 'national-delivery',
      body: gegevensRequestSchema,
      problemJson: true,
      // On AWS its 401/403 must carry Fsc-Error-Code, which API Gateway's own 401 cannot.
      verifiesOwnToken: true,
      responseHeaders: DELIVERY_SIGNATURE_HEADERS,
      responses: {
        200: {
          description:
            'De levering (Uitwisselmodel v1.2) met `paginering`; zonder periode de vorige kalendermaand.',
          schema: gegevensResponseSchema,
        },
      },
      errors: {
        422: [
          {
            code: 'periode-ongeldig',
            message: 'De aanleverperiode is ongeldig: de startdatum ligt na de einddatum.',
          },
          {
            code: 'periode-te-lang',
            message: 'De aanleverperiode is langer dan 366 dagen; vraag per maand op.',
          },
          {
            code: 'pagina-bestaat-niet',
            message: "Pagina 5 bestaat niet: deze levering heeft 3 pagina('s).",
          },
        ],
      },
    }) as const satisfies OperationDefinition,
);

export const ddasCertificaat = /* @__PURE__ */ treeShakeable(
  () =>
    ({
      operationId: 'ddasCertificaat',
      tag: 'Landelijk',
      method: 'GET',
      path: '/ddas/v1/certificaat',
      summary:
        'Het certificaat waarmee de DDAS-leveringen ondertekend zijn, om de handtekening te controleren.',
      roles: 'public',
      access: 'public',
      responses: {
        200: { description: 'De sleutel-id en de certificaatketen (x5c).', schema: ddasCertificateSchema },
      },
    }) as const satisfies OperationDefinition,
);
