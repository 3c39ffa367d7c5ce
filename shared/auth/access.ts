import { organisationOf } from '../domain/teams.ts';
import type { Principal } from './principal.ts';

/**
 * DESIGN P4 for team data: members and coordinators see their own team, managers the teams of
 * their organisation, admins everything. Partners and the municipality never see team data.
 */
export function canViewTeam(principal: Principal, teamId: string): boolean {
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

/** Recording contact, re-routing and closing: the people who work the team's cases. */
export function canWorkOnTeam(principal: Principal, teamId: string): boolean {
  return (principal.role === 'team-member' || principal.role === 'coordinator') && principal.scope === teamId;
}

/** A partner sees only its own submissions (DESIGN P4, C4). */
export function isOwnSubmission(principal: Principal, source: string): boolean {
  return principal.scope === source;
}
