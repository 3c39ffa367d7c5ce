import type * as z from 'zod';
import type { AccessRule } from '../auth/access-policy.ts';
import type { Role } from '../auth/principal.ts';
import {
  closeSignal,
  countTeamSignals,
  ddasCertificaat,
  ddasGegevens,
  firstContactMetrics,
  getCareReport,
  getSignal,
  getSignalAudit,
  getUpload,
  health,
  listCareReports,
  listTeamAppointments,
  listTeamEscalations,
  listTeamSignals,
  listUploads,
  openApi,
  planAppointment,
  recordAppointmentOutcome,
  recordContactAttempt,
  rerouteSignal,
  signalVolume,
  submitCareReport,
  submitEnergyDebts,
  submitRentArrears,
} from './operation-definitions.ts';

/** A refusal as the API answers it (API.md errors): the stable code and the Dutch message. */
export interface ErrorCase {
  readonly code: string;
  readonly message: string;
}

/** Statuses a route may add refusals for; the others follow from its shape (shared/api/openapi.ts). */
export type RouteErrorStatus = 400 | 404 | 409 | 413 | 422;

/** The groups of the OpenAPI document (`tags`), in Dutch like its summaries. */
export const TAGS = {
  Aanleveren:
    'Partners leveren signalen aan: huurachterstanden, energieschulden en zorgmeldingen (DESIGN I1–I6).',
  Terugkoppeling: 'Partners lezen hun ontvangstbewijzen en de terugkoppeling per signaal (DESIGN C4).',
  Werkvoorraad: 'Buurtteams: de signalen van een team, escalaties en aantallen.',
  Signaal: 'Eén signaal inzien en behandelen: contactpogingen, doorzetten, afsluiten, auditspoor.',
  Cijfers: 'Geaggregeerde cijfers zonder persoonsgegevens, binnen de eigen scope.',
  Dienst: 'Gezondheid en de API-beschrijving zelf, zonder authenticatie.',
  Landelijk: 'Landelijke standaarden: de DDAS-levering van vroegsignalen aan CBS (DESIGN X1–X3).',
} as const;
export type Tag = keyof typeof TAGS;

export interface OperationDefinition {
  readonly operationId: string;
  readonly method: 'GET' | 'POST';
  /** API Gateway route syntax: `/signals/{signalId}`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: Tag;
  /** Roles that may call it at all, or `public` without a token. */
  readonly roles: readonly Role[] | 'public';
  /** How the scope is checked against the resource (shared/auth/access-policy.ts, DESIGN P4). */
  readonly access: AccessRule;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  /** The query as documented in OpenAPI when the handler checks more than the middleware parses. */
  readonly documentedQuery?: z.ZodObject;
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
  /**
   * Refusals of the route itself (not found, conflicts, domain rules). Those that follow from its
   * roles, parameters, body and idempotency are added by the OpenAPI generator.
   */
  readonly errors?: Readonly<Partial<Record<RouteErrorStatus, readonly ErrorCase[]>>>;
  /**
   * DESIGN X3: errors as `application/problem+json` (RFC 9457) and refusals with `Fsc-Error-Code`,
   * as the DDAS-VS API prescribes (shared/http/problem-details.ts); the other routes answer API.md's
   * `{ error }`.
   */
  readonly problemJson?: boolean;
  /**
   * The function verifies the caller's token itself (issue 14): on AWS the route gets no API Gateway
   * authorizer, because an HTTP API's JWT authorizer answers 401 on its own, with
   * `{"message":"Unauthorized"}` and no way to add the `Fsc-Error-Code` header the DDAS-VS contract
   * requires. A flag of its own rather than `problemJson`: how errors look and where a token is
   * checked are separate choices, and moving a route off the gateway's authorizer should be said
   * out loud. The roles are unchanged (OpenAPI still asks for a bearer token); the handler must pass
   * a verifier to apiHandler, or every call is refused (401), never let through.
   */
  readonly verifiesOwnToken?: boolean;
  /** Headers every success answer carries (documented in OpenAPI): the DDAS signature (X3). */
  readonly responseHeaders?: Readonly<
    Record<string, { readonly description: string; readonly pattern?: string }>
  >;
}

/**
 * The HTTP contract (API.md) as data: the handlers validate with these schemas, the CDK stack and
 * the local gateway create the routes from them, and `GET /openapi.json` is generated from them.
 */
export const OPERATIONS = {
  health,
  openApi,
  submitCareReport,
  getCareReport,
  listCareReports,
  submitRentArrears,
  submitEnergyDebts,
  listUploads,
  getUpload,
  listTeamSignals,
  listTeamAppointments,
  getSignal,
  recordContactAttempt,
  planAppointment,
  recordAppointmentOutcome,
  rerouteSignal,
  closeSignal,
  getSignalAudit,
  listTeamEscalations,
  firstContactMetrics,
  countTeamSignals,
  signalVolume,
  ddasGegevens,
  ddasCertificaat,
} as const satisfies Record<string, OperationDefinition>;

export type OperationName = keyof typeof OPERATIONS;

export function routeKey(operation: OperationDefinition): string {
  return `${operation.method} ${operation.path}`;
}
