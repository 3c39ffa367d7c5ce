import outcomes from '../../config/outcome-codes.json' with { type: 'json' };
import categories from '../../config/problem-categories.json' with { type: 'json' };

import { teamLabel } from '../../shared/domain/teams.ts';

export { TEAM_IDS, teamLabel } from '../../shared/domain/teams.ts';

export const OUTCOMES: readonly { code: string; label: string }[] = outcomes.outcomes;

const outcomeLabels = new Map(OUTCOMES.map((outcome) => [outcome.code, outcome.label]));

/** An outcome code (O1) in words, as the closing select offered it. */
export function outcomeLabel(code: string): string {
  return outcomeLabels.get(code) ?? code;
}

const categoryLabels = new Map(categories.categories.map((category) => [category.id, category.label]));

export function problemLabel(id: string | undefined): string {
  return id ? (categoryLabels.get(id) ?? id) : '—';
}

export const FLAG_LABELS: Record<string, string> = {
  meervoudig: 'Meervoudig',
  opeenvolgend: 'Opeenvolgend',
  'samenstelling-onbekend': 'Samenstelling onbekend',
  'buiten-werkgebied': 'Buiten werkgebied',
  grensgebied: 'Grensgebied (wijk controleren)',
  'warme-overdracht': 'Warme overdracht',
  dreigend: 'Dreigend',
  'niet-in-brp': 'Niet in BRP',
};

/**
 * What each flag asks of the team, in words (issue 15: a badge alone does not say why it is there).
 * After DESIGN M2 (meervoudig, opeenvolgend), R5–R6 (samenstelling, werkgebied, grensgebied), D2
 * (dreigend), B2 (niet in BRP) and the partner's warm handover.
 */
export const FLAG_EXPLANATIONS: Record<string, string> = {
  meervoudig: 'Er is deze kalendermaand nog een signaal voor hetzelfde huishouden.',
  opeenvolgend: 'Er was in de zes maanden hiervoor al een signaal voor hetzelfde huishouden.',
  'samenstelling-onbekend':
    'Niet bekend of er kinderen onder de 18 wonen: controleer of Sociaal of Jeugd & Gezin het juiste team is.',
  'buiten-werkgebied':
    'Het adres ligt niet in een Utrechtse wijk, is een postbus of ontbreekt: de centrale toegang bepaalt wie het oppakt.',
  grensgebied:
    'De postcode ligt op de grens van twee wijken: controleer of het signaal bij de goede wijk ligt.',
  'warme-overdracht': 'De partner heeft de inwoner verteld dat het buurtteam contact opneemt.',
  dreigend:
    'Dreigende situatie, zoals een ontruimingsdatum of het einde van de energielevering: de termijn is drie werkdagen in plaats van vijf.',
  'niet-in-brp': 'Volgens de BRP woont er niemand op dit adres: controleer het adres.',
};

export const KIND_LABELS: Record<string, string> = {
  huurachterstand: 'Huurachterstand',
  energieschuld: 'Energieschuld',
  eindelevering: 'Eindeleveringssignaal',
  zorgmelding: 'Zorgmelding',
};

export const SOURCE_LABELS: Record<string, string> = {
  'bo-ex': 'Bo-Ex',
  mitros: 'Mitros',
  portaal: 'Portaal',
  'werk-en-inkomen': 'Werk & Inkomen',
  'politie-utrecht': 'Politie Utrecht',
};

export const STATUS_LABELS: Record<string, string> = {
  open: 'Open',
  closed: 'Afgesloten',
  forwarded: 'Doorgezet naar Veilig Thuis',
  'not-routed': 'Niet opgepakt',
  accepted: 'Geaccepteerd',
  rejected: 'Afgewezen',
  duplicate: 'Dubbel',
  updated: 'Bijgewerkt',
};

export const FEEDBACK_LABELS: Record<string, string> = {
  ontvangen: 'Ontvangen',
  opgepakt: 'Opgepakt',
  'niet-opgepakt': 'Niet opgepakt',
  afgerond: 'Afgerond',
  'fout-bij-verwerking': 'Fout bij verwerking — stuur deze rij opnieuw',
};

/** The contact kinds (DESIGN D3, DDAS v1.2) with their labels, in the order of outcome-codes.json. */
export const CONTACT_KINDS: Record<string, string> = Object.fromEntries(
  outcomes.contactKinds.map((kind) => [kind.code, kind.label]),
);

export const ROLE_LABELS: Record<string, string> = {
  'housing-corporation': 'Woningcorporatie',
  'energy-forwarder': 'Werk & Inkomen',
  police: 'Politie',
  'team-member': 'Medewerker buurtteam',
  coordinator: 'Coördinator',
  manager: 'Manager',
  municipality: 'Gemeente',
  admin: 'Beheerder',
};

/** Who is signed in, in words: the role and, where it narrows things, the team or organisation. */
export function principalLabel(principal: { role: string; scope: string }): string {
  const role = ROLE_LABELS[principal.role] ?? principal.role;
  if (principal.role === 'team-member' || principal.role === 'coordinator')
    return `${role} · ${teamLabel(principal.scope)}`;
  if (principal.role === 'manager')
    return `${role} · Buurtteams ${principal.scope === 'jg' ? 'Jeugd & Gezin' : 'Sociaal'}`;
  const organisation = SOURCE_LABELS[principal.scope];
  return organisation && organisation !== role ? `${role} · ${organisation}` : role;
}

const monthFormat = new Intl.DateTimeFormat('nl-NL', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** `2026-11` → `nov 2026`. */
export const formatMonth = (month: string) => monthFormat.format(new Date(`${month}-15T12:00:00Z`));

/** The audit trail's actions (operationIds, P3) in words. */
export const AUDIT_ACTIONS: Record<string, string> = {
  getSignal: 'Signaal geopend',
  listTeamSignals: 'Gezien in de werkvoorraad',
  listTeamAppointments: 'Gezien in Afspraken deze week',
  recordContactAttempt: 'Contactpoging vastgelegd',
  rerouteSignal: 'Doorgezet naar ander team',
  closeSignal: 'Afgesloten',
  planAppointment: 'Afspraak gepland',
  recordAppointmentOutcome: 'Afspraak afgerond',
};

/** Where the first conversation takes place (DESIGN A1), in words. */
export const APPOINTMENT_PLACES: Record<string, string> = {
  thuis: 'Thuis',
  buurtteam: 'Bij het buurtteam',
  elders: 'Elders',
};

/** An appointment's status (DESIGN A1), in words. */
export const APPOINTMENT_STATUSES: Record<string, string> = {
  gepland: 'Gepland',
  gehouden: 'Gehouden',
  'niet-verschenen': 'Niet verschenen',
  geannuleerd: 'Geannuleerd',
};

export const RECIPIENT_LABELS: Record<string, string> = {
  coordinator: 'coördinator',
  manager: 'manager',
  municipality: 'gemeente',
  'veilig-thuis': 'Veilig Thuis',
};

const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
const date = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Amsterdam',
});
const dateTime = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Amsterdam',
});

export const formatEuro = (amount: number | undefined) => (amount === undefined ? '—' : euro.format(amount));
export const formatDate = (value: string | undefined) =>
  value ? date.format(new Date(`${value.slice(0, 10)}T12:00:00Z`)) : '—';
export const formatDateTime = (value: string | undefined) => (value ? dateTime.format(new Date(value)) : '—');

/** The routing rules (DESIGN R1–R6) and a re-route, in words. */
export const ROUTING_RULE_LABELS: Record<string, string> = {
  R1: 'Veiligheid: naar Veilig Thuis (R1)',
  R2: 'Lopende casus in het huishouden (R2)',
  R4: 'Hoofdprobleem betreft minderjarige kinderen (R4)',
  R5: 'Hoofdprobleem betreft geen minderjarige kinderen (R5)',
  R6: 'Buiten het werkgebied (R6)',
  reroute: 'Door het team doorgezet',
};

/** The escalation ladder's levels (DESIGN D4) in words. */
export const ESCALATION_LEVEL_LABELS: Record<number, string> = {
  1: 'Niveau 1: termijn verstreken',
  2: 'Niveau 2: 2 werkdagen over de termijn',
  3: 'Niveau 3: hoogste niveau',
};

/** Postcode, number and suffix, as lists show an address: `3562CD 4 bis`. */
export function shortAddress(address: { postcode: string; houseNumber: number; houseNumberSuffix?: string }) {
  return `${address.postcode} ${address.houseNumber}${address.houseNumberSuffix ? ` ${address.houseNumberSuffix}` : ''}`;
}
