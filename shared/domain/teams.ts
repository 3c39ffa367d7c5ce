import { WIJK_IDS, type WijkId, wijkLabel } from './wijken.ts';

/** DESIGN R6 / API.md: `bt-sociaal-<wijk>`, `bt-jg-<wijk>`, `veilig-thuis`, `toegang`. */
export const VEILIG_THUIS = 'veilig-thuis';
export const TOEGANG = 'toegang';

/** The two Buurtteam organisations; a manager's scope is one of them (API.md). */
export type Organisation = 'sociaal' | 'jg';

export function sociaalTeam(wijk: WijkId): string {
  return `bt-sociaal-${wijk}`;
}

export function jeugdEnGezinTeam(wijk: WijkId): string {
  return `bt-jg-${wijk}`;
}

export const TEAM_IDS: readonly string[] = [
  ...WIJK_IDS.map(sociaalTeam),
  ...WIJK_IDS.map(jeugdEnGezinTeam),
  TOEGANG,
  VEILIG_THUIS,
];

const teamIds = new Set(TEAM_IDS);

export function isTeamId(value: string): boolean {
  return teamIds.has(value);
}

export function organisationOf(teamId: string): Organisation | undefined {
  if (teamId.startsWith('bt-sociaal-')) return 'sociaal';
  if (teamId.startsWith('bt-jg-')) return 'jg';
  return undefined;
}

export function wijkOf(teamId: string): WijkId | undefined {
  const candidate = teamId.replace(/^bt-(sociaal|jg)-/, '');
  return WIJK_IDS.find((wijk) => wijk === candidate && candidate !== teamId);
}

export function teamLabel(teamId: string): string {
  if (teamId === VEILIG_THUIS) return 'Veilig Thuis';
  if (teamId === TOEGANG) return 'Toegang (centrale triage)';
  const wijk = wijkOf(teamId);
  if (!wijk) return teamId;
  return organisationOf(teamId) === 'jg'
    ? `Buurtteam Jeugd & Gezin ${wijkLabel(wijk)}`
    : `Buurtteam Sociaal ${wijkLabel(wijk)}`;
}
