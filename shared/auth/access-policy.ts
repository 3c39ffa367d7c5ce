import type { OperationDefinition } from '../api/operations.ts';
import { DomainError } from '../domain/domain-error.ts';
import { isTeamId, organisationOf, TEAM_IDS, VEILIG_THUIS } from '../domain/teams.ts';
import type { Principal } from './principal.ts';

/**
 * The one place that decides who may do what (DESIGN P4). Every operation names its rule; the
 * gateway middleware checks the role, and the handler asks again once it knows the resource (the
 * team a signal belongs to, the partner an upload came from). Nothing else in the code decides
 * access.
 *
 * - `submit`: a partner hands in its own items (the role is the whole check).
 * - `own-submissions`: a partner reads its own receipts; another partner's are *not found*, so a
 *   partner cannot even learn that an id exists.
 * - `team-view`: team members and coordinators their own team, managers their organisation's
 *   teams, admins all. Partners and the municipality never see team data.
 * - `team-work`: recording contact, re-routing, closing — only who works the team's cases.
 * - `signal-audit`: who looked at a signal and what changed — the team's coordinator and admins.
 * - `aggregates`: figures without personal data — a coordinator its team, a manager its
 *   organisation, the municipality and admins all.
 * - `national-delivery`: CBS pulls the municipality's DDAS delivery (X1–X3); the role is the whole
 *   check, and no other role may call it, admins included.
 */
export type AccessRule =
  | 'public'
  | 'submit'
  | 'own-submissions'
  | 'team-view'
  | 'team-work'
  | 'signal-audit'
  | 'aggregates'
  | 'national-delivery';

/**
 * What a handler knows about the thing asked for; omitted for the role-only check. A signal's
 * `teamId` is undefined once the signal itself is gone (P1) while its audit trail remains.
 */
export type Resource =
  | { readonly teamId: string | undefined }
  | { readonly source: string }
  | { readonly metricsTeamId: string | undefined };

export type Decision = 'allow' | 'forbidden' | 'not-found';

/** Veilig Thuis works by its own rules (Meldcode); the first-contact figures are the Buurtteams'. */
export const METRIC_TEAMS: readonly string[] = TEAM_IDS.filter((teamId) => teamId !== VEILIG_THUIS);

/** The teams whose figures a principal may see (API.md metrics). */
export function metricTeamsOf(principal: Principal): string[] {
  return METRIC_TEAMS.filter((team) => {
    if (principal.role === 'municipality' || principal.role === 'admin') return true;
    if (principal.role === 'manager') return organisationOf(team) === principal.scope;
    return principal.role === 'coordinator' && principal.scope === team;
  });
}

function viewsTeam(principal: Principal, teamId: string | undefined): boolean {
  if (teamId === undefined) return false;
  switch (principal.role) {
    case 'admin':
      return true;
    case 'team-member':
    case 'coordinator':
      return principal.scope === teamId;
    case 'manager':
      return organisationOf(teamId) === principal.scope;
    default:
      return false;
  }
}

function worksOnTeam(principal: Principal, teamId: string | undefined): boolean {
  return (principal.role === 'team-member' || principal.role === 'coordinator') && principal.scope === teamId;
}

/** Once the signal is gone its team is unknown: then only admins read what is left of the trail. */
function readsAudit(principal: Principal, teamId: string | undefined): boolean {
  if (principal.role === 'admin') return true;
  return teamId !== undefined && principal.role === 'coordinator' && principal.scope === teamId;
}

/**
 * Role × scope × resource. Without a resource only the role is checked (the gateway middleware);
 * with one, the scope is checked against it as well.
 */
export function decide(principal: Principal, operation: OperationDefinition, resource?: Resource): Decision {
  if (operation.access === 'public') return 'allow';
  if (operation.roles === 'public' || !operation.roles.includes(principal.role)) return 'forbidden';
  if (!resource) return 'allow';
  switch (operation.access) {
    case 'submit':
    case 'national-delivery':
      return 'allow';
    case 'own-submissions':
      return 'source' in resource && resource.source === principal.scope ? 'allow' : 'not-found';
    case 'team-view':
      return 'teamId' in resource && viewsTeam(principal, resource.teamId) ? 'allow' : 'forbidden';
    case 'team-work':
      return 'teamId' in resource && worksOnTeam(principal, resource.teamId) ? 'allow' : 'forbidden';
    case 'signal-audit':
      return 'teamId' in resource && readsAudit(principal, resource.teamId) ? 'allow' : 'forbidden';
    case 'aggregates': {
      if (!('metricsTeamId' in resource)) return 'forbidden';
      const { metricsTeamId } = resource;
      if (metricsTeamId === undefined) return 'allow';
      if (!isTeamId(metricsTeamId) || !METRIC_TEAMS.includes(metricsTeamId)) return 'not-found';
      return metricTeamsOf(principal).includes(metricsTeamId) ? 'allow' : 'forbidden';
    }
  }
}

/** What to tell a caller who is refused: a Dutch message, and for not-found the code too. */
export interface Refusal {
  readonly forbidden?: string;
  readonly notFound?: { readonly code: string; readonly message: string };
}

/** `decide`, as an error the HTTP layer turns into 403 or 404 (DomainError kinds). */
export function assertAllowed(
  principal: Principal,
  operation: OperationDefinition,
  resource: Resource,
  refusal: Refusal = {},
): void {
  const decision = decide(principal, operation, resource);
  if (decision === 'forbidden') {
    throw new DomainError(
      'forbidden',
      'forbidden',
      refusal.forbidden ?? 'Geen toegang: uw rol of scope staat deze handeling niet toe.',
    );
  }
  if (decision === 'not-found') {
    const { code, message } = refusal.notFound ?? { code: 'not-found', message: 'Niet gevonden.' };
    throw new DomainError('not-found', code, message);
  }
}
