import reference from '../../config/wijken.json' with { type: 'json' };

/** The ten wijken of Utrecht (DESIGN R6; the municipality owns config/wijken.json). */
export type WijkId = keyof typeof reference.wijken;

export const WIJK_IDS = Object.keys(reference.wijken) as WijkId[];

const WIJK_LABELS: Record<WijkId, string> = {
  binnenstad: 'Binnenstad',
  oost: 'Oost',
  noordoost: 'Noordoost',
  overvecht: 'Overvecht',
  noordwest: 'Noordwest',
  west: 'West',
  zuidwest: 'Zuidwest',
  zuid: 'Zuid',
  'leidsche-rijn': 'Leidsche Rijn',
  'vleuten-de-meern': 'Vleuten-De Meern',
};

const wijkByPc4 = new Map<string, WijkId>(
  WIJK_IDS.flatMap((wijk) => reference.wijken[wijk].map((pc4) => [pc4, wijk] as const)),
);

/** Normalises '3561 ab' to '3561AB'; the format check itself is intake validation (DESIGN I3). */
export function normalisePostcode(postcode: string): string {
  return postcode.replace(/\s+/g, '').toUpperCase();
}

/** DESIGN R6: the wijk of a postcode via its PC4, or undefined outside the service area. */
export function wijkForPostcode(postcode: string | undefined): WijkId | undefined {
  if (!postcode) return undefined;
  return wijkByPc4.get(normalisePostcode(postcode).slice(0, 4));
}

export function wijkLabel(wijk: WijkId): string {
  return WIJK_LABELS[wijk];
}
