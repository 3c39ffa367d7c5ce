import { teamLabel } from './teams.ts';

/**
 * Who did something, in words people read (issue 15): the role, and where it narrows things the team
 * or organisation — never the principal id, which is a token id locally and a Cognito subject on
 * AWS. The wording follows the web app's `principalLabel` (web/src/labels.ts), so the API and the
 * screens say the same; the audit trail (P3) and the case record (who closed it, O1) use it.
 */

/** A principal as the audit trail and the signal keep it: its role and scope (shared/auth/principal.ts). */
export interface LabelledPrincipal {
  readonly role: string;
  readonly scope: string;
}

export const ROLE_LABELS: Readonly<Record<string, string>> = {
  'housing-corporation': 'Woningcorporatie',
  'energy-forwarder': 'Werk & Inkomen',
  police: 'Politie',
  'team-member': 'Medewerker buurtteam',
  coordinator: 'Coördinator',
  manager: 'Manager',
  municipality: 'Gemeente',
  admin: 'Beheerder',
  cbs: 'CBS',
};

/** The partners by their scope (a signal's `source`). */
export const PARTNER_LABELS: Readonly<Record<string, string>> = {
  'bo-ex': 'Bo-Ex',
  mitros: 'Mitros',
  portaal: 'Portaal',
  'werk-en-inkomen': 'Werk & Inkomen',
  'politie-utrecht': 'Politie Utrecht',
};

/** A manager's scope is one of the two Buurtteam organisations. */
const ORGANISATION_LABELS: Readonly<Record<string, string>> = {
  sociaal: 'Buurtteams Sociaal',
  jg: 'Buurtteams Jeugd & Gezin',
};

/**
 * `Coördinator · Buurtteam Sociaal Oost`, `Manager · Buurtteams Jeugd & Gezin`,
 * `Politie · Politie Utrecht`, `Beheerder`. An unknown role or scope reads as itself (a code, never
 * a name).
 */
export function principalLabel(principal: LabelledPrincipal): string {
  const role = ROLE_LABELS[principal.role] ?? principal.role;
  if (principal.role === 'team-member' || principal.role === 'coordinator') {
    return `${role} · ${teamLabel(principal.scope)}`;
  }
  if (principal.role === 'manager') {
    return `${role} · ${ORGANISATION_LABELS[principal.scope] ?? principal.scope}`;
  }
  const organisation = PARTNER_LABELS[principal.scope];
  return organisation && organisation !== role ? `${role} · ${organisation}` : role;
}
