import * as z from 'zod';
import type { Role } from '../auth/principal.ts';
import {
  careReportAcceptedSchema,
  careReportFeedbackSchema,
  careReportSchema,
  reportIdParamsSchema,
} from './care-report-schemas.ts';
import {
  contactAttemptSchema,
  signalDetailSchema,
  signalListSchema,
  signalParamsSchema,
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
  /** Roles that may call it at all (scope checks follow in the handler), or `public` without a token. */
  readonly roles: readonly Role[] | 'public';
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
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
    responses: { 200: { description: 'De dienst draait.', schema: z.object({ status: z.literal('ok') }) } },
  },
  openApi: {
    operationId: 'openApi',
    method: 'GET',
    path: '/openapi.json',
    summary: 'Deze API-beschrijving (OpenAPI 3.1), gegenereerd uit de zod-schema’s.',
    roles: 'public',
    responses: { 200: { description: 'OpenAPI-document.' } },
  },
  submitCareReport: {
    operationId: 'submitCareReport',
    method: 'POST',
    path: '/intake/care-reports',
    summary: 'Zorgmelding van de politie indienen (DESIGN C2).',
    roles: ['police'],
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
    params: reportIdParamsSchema,
    responses: { 200: { description: 'Terugkoppeling.', schema: careReportFeedbackSchema } },
  },
  listTeamSignals: {
    operationId: 'listTeamSignals',
    method: 'GET',
    path: '/teams/{teamId}/signals',
    summary: 'Werkvoorraad van een team, gesorteerd op termijn.',
    roles: TEAM_READERS,
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
    params: signalParamsSchema,
    responses: { 200: { description: 'Het signaal.', schema: signalDetailSchema } },
  },
  recordContactAttempt: {
    operationId: 'recordContactAttempt',
    method: 'POST',
    path: '/signals/{signalId}/contact-attempts',
    summary: 'Contactpoging vastleggen; de eerste bereikte stopt de klok (DESIGN D3).',
    roles: ['team-member', 'coordinator'],
    params: signalParamsSchema,
    body: contactAttemptSchema,
    responses: { 201: { description: 'Het bijgewerkte signaal.', schema: signalDetailSchema } },
  },
} as const satisfies Record<string, OperationDefinition>;

export type OperationName = keyof typeof OPERATIONS;

export function routeKey(operation: OperationDefinition): string {
  return `${operation.method} ${operation.path}`;
}
