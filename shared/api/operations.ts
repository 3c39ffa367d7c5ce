import * as z from 'zod';
import type { AccessRule } from '../auth/access-policy.ts';
import type { Role } from '../auth/principal.ts';
import {
  careReportAcceptedSchema,
  careReportFeedbackSchema,
  careReportSchema,
  reportIdParamsSchema,
} from './care-report-schemas.ts';
import {
  energyBatchDocumentSchema,
  energyBatchSchema,
  rentArrearsQuerySchema,
  uploadListQuerySchema,
  uploadListSchema,
  uploadParamsSchema,
  uploadReceiptPageSchema,
  uploadReceiptQuerySchema,
  uploadReceiptSchema,
} from './partner-intake-schemas.ts';
import {
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
  teamParamsSchema,
  teamSignalsQuerySchema,
} from './signal-schemas.ts';
import './zod-dutch.ts'; // Dutch validation messages

export interface OperationDefinition {
  readonly operationId: string;
  readonly method: 'GET' | 'POST';
  /** API Gateway route syntax: `/signals/{signalId}`. */
  readonly path: string;
  readonly summary: string;
  /** Roles that may call it at all, or `public` without a token. */
  readonly roles: readonly Role[] | 'public';
  /** How the scope is checked against the resource (shared/auth/access-policy.ts, DESIGN P4). */
  readonly access: AccessRule;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  /** The body as documented in OpenAPI when it differs from what the middleware parses. */
  readonly documentedBody?: z.ZodType;
  /**
   * DESIGN I5, whole-request idempotency: the same request again (same bytes, or the same optional
   * `Idempotency-Key` header) gets the first answer, marked `Idempotent-Replayed: true`.
   */
  readonly idempotent?: boolean;
  /** A non-JSON request body (documented only; the handler reads it). */
  readonly rawBody?: { readonly contentTypes: readonly string[]; readonly description: string };
  readonly responses: Readonly<Record<number, { readonly description: string; readonly schema?: z.ZodType }>>;
}

const TEAM_READERS: readonly Role[] = ['team-member', 'coordinator', 'manager', 'admin'];

/**
 * The HTTP contract (API.md) as data: the handlers validate with these schemas, the CDK stack and
 * the local gateway create the routes from them, and `GET /openapi.json` is generated from them.
 */
export const OPERATIONS = {
  health: {
    operationId: 'health',
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
  },
  openApi: {
    operationId: 'openApi',
    method: 'GET',
    path: '/openapi.json',
    summary: 'Deze API-beschrijving (OpenAPI 3.1), gegenereerd uit de zod-schema’s.',
    roles: 'public',
    access: 'public',
    responses: { 200: { description: 'OpenAPI-document.' } },
  },
  submitCareReport: {
    operationId: 'submitCareReport',
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
  },
  getCareReport: {
    operationId: 'getCareReport',
    method: 'GET',
    path: '/intake/care-reports/{reportId}',
    summary: 'Terugkoppeling over een eigen zorgmelding (DESIGN C4).',
    roles: ['police'],
    access: 'own-submissions',
    params: reportIdParamsSchema,
    responses: { 200: { description: 'Terugkoppeling.', schema: careReportFeedbackSchema } },
  },
  submitRentArrears: {
    operationId: 'submitRentArrears',
    method: 'POST',
    path: '/intake/rent-arrears',
    summary: 'Huurachterstandenlijst van een woningcorporatie aanleveren (DESIGN I1–I6, C1).',
    roles: ['housing-corporation'],
    access: 'submit',
    idempotent: true,
    query: rentArrearsQuerySchema,
    rawBody: {
      contentTypes: ['text/csv', 'multipart/form-data'],
      description:
        "CSV (';' of ',', UTF-8 of Windows-1252), of een formulier met het bestand in het veld 'file'.",
    },
    responses: {
      202: {
        description:
          "Ontvangstbewijs met de status per rij. `status: 'verwerken'` als niet alle rijen binnen het tijdsbudget beoordeeld zijn: de rest volgt; GET /intake/uploads/{uploadId} toont de voortgang en daarna het volledige bewijs.",
        schema: uploadReceiptSchema,
      },
    },
  },
  submitEnergyDebts: {
    operationId: 'submitEnergyDebts',
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
  },
  listUploads: {
    operationId: 'listUploads',
    method: 'GET',
    path: '/intake/uploads',
    summary: 'Eigen aanleveringen, nieuwste eerst (DESIGN P4).',
    roles: ['housing-corporation', 'energy-forwarder'],
    access: 'own-submissions',
    query: uploadListQuerySchema,
    responses: { 200: { description: 'Aanleveringen met tellingen.', schema: uploadListSchema } },
  },
  getUpload: {
    operationId: 'getUpload',
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
  },
  listTeamSignals: {
    operationId: 'listTeamSignals',
    method: 'GET',
    path: '/teams/{teamId}/signals',
    summary: 'Werkvoorraad van een team, gesorteerd op termijn.',
    roles: TEAM_READERS,
    access: 'team-view',
    params: teamParamsSchema,
    query: teamSignalsQuerySchema,
    responses: { 200: { description: 'Signalen van het team.', schema: signalListSchema } },
  },
  getSignal: {
    operationId: 'getSignal',
    method: 'GET',
    path: '/signals/{signalId}',
    summary: 'Alle gegevens van één signaal (gelogd, DESIGN P3).',
    roles: TEAM_READERS,
    access: 'team-view',
    params: signalParamsSchema,
    responses: { 200: { description: 'Het signaal.', schema: signalDetailSchema } },
  },
  recordContactAttempt: {
    operationId: 'recordContactAttempt',
    method: 'POST',
    path: '/signals/{signalId}/contact-attempts',
    summary: 'Contactpoging vastleggen; de eerste bereikte stopt de klok (DESIGN D3).',
    roles: ['team-member', 'coordinator'],
    access: 'team-work',
    params: signalParamsSchema,
    body: contactAttemptSchema,
    responses: { 201: { description: 'Het bijgewerkte signaal.', schema: signalDetailSchema } },
  },
  rerouteSignal: {
    operationId: 'rerouteSignal',
    method: 'POST',
    path: '/signals/{signalId}/reroute',
    summary: 'Signaal doorzetten naar een ander team; de termijn blijft staan.',
    roles: ['team-member', 'coordinator'],
    access: 'team-work',
    params: signalParamsSchema,
    body: rerouteSchema,
    responses: { 200: { description: 'Het bijgewerkte signaal.', schema: signalDetailSchema } },
  },
  closeSignal: {
    operationId: 'closeSignal',
    method: 'POST',
    path: '/signals/{signalId}/close',
    summary: 'Signaal afsluiten met een uitkomstcode uit de DDAS-lijst (DESIGN O1).',
    roles: ['team-member', 'coordinator'],
    access: 'team-work',
    params: signalParamsSchema,
    body: closeSchema,
    responses: { 200: { description: 'Het afgesloten signaal.', schema: signalDetailSchema } },
  },
  getSignalAudit: {
    operationId: 'getSignalAudit',
    method: 'GET',
    path: '/signals/{signalId}/audit',
    summary: 'Wie heeft dit signaal ingezien of gewijzigd, en wanneer (DESIGN P3), nieuwste eerst.',
    roles: ['coordinator', 'admin'],
    access: 'signal-audit',
    params: signalParamsSchema,
    query: pageQuerySchema,
    responses: { 200: { description: 'Auditregels.', schema: auditListSchema } },
  },
  listTeamEscalations: {
    operationId: 'listTeamEscalations',
    method: 'GET',
    path: '/teams/{teamId}/escalations',
    summary: 'Escalaties van een team, nieuwste eerst (DESIGN D4).',
    roles: ['coordinator', 'manager', 'admin'],
    access: 'team-view',
    params: teamParamsSchema,
    query: pageQuerySchema,
    responses: { 200: { description: 'Escalaties.', schema: escalationListSchema } },
  },
  firstContactMetrics: {
    operationId: 'firstContactMetrics',
    method: 'GET',
    path: '/metrics/first-contact',
    summary:
      'Eerste contact binnen de termijn, per team en in totaal, voor signalen met een uiterste datum in de periode.',
    roles: ['coordinator', 'manager', 'municipality', 'admin'],
    access: 'aggregates',
    query: firstContactQuerySchema,
    responses: { 200: { description: 'Tellingen per team.', schema: firstContactMetricsSchema } },
  },
  countTeamSignals: {
    operationId: 'countTeamSignals',
    method: 'GET',
    path: '/teams/{teamId}/signal-counts',
    summary: 'Aantal signalen per tabblad van de werkvoorraad: open, over de termijn, afgesloten.',
    roles: TEAM_READERS,
    access: 'team-view',
    params: teamParamsSchema,
    responses: { 200: { description: 'Aantallen.', schema: signalCountsSchema } },
  },
  signalVolume: {
    operationId: 'signalVolume',
    method: 'GET',
    path: '/metrics/signal-volume',
    summary: 'Gerouteerde signalen per bron per maand van ontvangst (dashboard), binnen de eigen scope.',
    roles: ['coordinator', 'manager', 'municipality', 'admin'],
    access: 'aggregates',
    query: firstContactQuerySchema,
    responses: { 200: { description: 'Aantallen per maand en bron.', schema: signalVolumeSchema } },
  },
} as const satisfies Record<string, OperationDefinition>;

export type OperationName = keyof typeof OPERATIONS;

export function routeKey(operation: OperationDefinition): string {
  return `${operation.method} ${operation.path}`;
}
