import { TEAM_IDS } from '../domain/teams.ts';

/** Roles of API.md. */
export const ROLES = [
  'housing-corporation',
  'energy-forwarder',
  'police',
  'team-member',
  'coordinator',
  'manager',
  'municipality',
  'admin',
  // CBS pulls the municipality's DDAS delivery (DESIGN X1, issue 14): a machine client, nothing else.
  'cbs',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who is calling. `scope` narrows the role: a corporation id, a team id, an organisation
 * (`sociaal` | `jg`) for managers, `gemeente`, or `*` for admins.
 */
export interface Principal {
  readonly id: string;
  readonly role: Role;
  readonly scope: string;
}

export const HOUSING_CORPORATIONS = ['bo-ex', 'mitros', 'portaal'] as const;
export const WERK_EN_INKOMEN = 'werk-en-inkomen';
export const POLITIE_UTRECHT = 'politie-utrecht';
/** CBS, the one client of the DDAS-VS API (X1). */
export const CBS = 'cbs';

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** JWT claims as API Gateway's JWT authorizer passes them (arrays may arrive as "[a b]" strings). */
export type JwtClaims = Record<string, string | number | boolean | string[] | undefined>;

function claimList(value: JwtClaims[string]): string[] {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string') return [];
  return value
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
}

/**
 * Maps verified JWT claims to a principal. Users carry their role as a Cognito group and their
 * scope in `custom:scope`; partner machine clients (client credentials) carry an OAuth scope
 * `buurtsignaal/<role>:<scope>`. Returns undefined when the token grants no known role.
 */
export function principalFromClaims(claims: JwtClaims): Principal | undefined {
  const id = String(claims.sub ?? claims.client_id ?? '');
  if (!id) return undefined;
  const role = claimList(claims['cognito:groups']).find(isRole);
  const scope = claims['custom:scope'];
  if (role && typeof scope === 'string' && scope) return { id, role, scope };
  for (const granted of claimList(claims.scope)) {
    const match = /^buurtsignaal\/([a-z-]+):([a-z0-9-*]+)$/.exec(granted);
    if (match && isRole(match[1] as string)) return { id, role: match[1] as Role, scope: match[2] as string };
  }
  return undefined;
}

/** The fixed local tokens of API.md, as the claims a Cognito token would carry. Never deployed. */
export function localTokenTable(): Map<string, Principal> {
  const principals: Principal[] = [
    ...HOUSING_CORPORATIONS.map((id) => ({
      id: `dev-${id}`,
      role: 'housing-corporation' as const,
      scope: id,
    })),
    { id: 'dev-werk-en-inkomen', role: 'energy-forwarder', scope: WERK_EN_INKOMEN },
    { id: 'dev-politie', role: 'police', scope: POLITIE_UTRECHT },
    ...TEAM_IDS.map((teamId) => ({ id: `dev-${teamId}`, role: 'team-member' as const, scope: teamId })),
    ...TEAM_IDS.map((teamId) => ({
      id: `dev-coordinator-${teamId}`,
      role: 'coordinator' as const,
      scope: teamId,
    })),
    { id: 'dev-manager-sociaal', role: 'manager', scope: 'sociaal' },
    { id: 'dev-manager-jg', role: 'manager', scope: 'jg' },
    { id: 'dev-gemeente', role: 'municipality', scope: 'gemeente' },
    { id: 'dev-admin', role: 'admin', scope: '*' },
    { id: 'dev-cbs', role: 'cbs', scope: CBS },
  ];
  return new Map(principals.map((principal) => [principal.id, principal]));
}

export function claimsOf(principal: Principal): Record<string, string | string[]> {
  return { sub: principal.id, 'cognito:groups': [principal.role], 'custom:scope': principal.scope };
}
