import reference from '../../config/wijken.json' with { type: 'json' };
import { normalisePostcode } from './postcode.ts';

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

/** The wijk table as data: residential PC4s per wijk, PC6 overrides, straddling and PO-box PC4s. */
export interface WijkTable {
  readonly wijken: Readonly<Record<string, readonly string[]>>;
  readonly pc6: Readonly<Record<string, string>>;
  readonly straddles: Readonly<Record<string, readonly string[]>>;
  readonly postbusOnly: readonly string[];
}

/** DESIGN R6: where an address lies, as far as routing is concerned. */
export type WijkLocation =
  | {
      readonly inArea: true;
      readonly wijk: WijkId;
      /** The PC4 straddles a wijk border and no PC6 override settled it: the team checks the wijk. */
      readonly grensgebied: boolean;
      /** The other wijk(s) the PC4 reaches into, when `grensgebied`. */
      readonly alsoIn: readonly WijkId[];
    }
  | { readonly inArea: false; readonly reason: 'geen-postcode' | 'postbus' | 'buiten-utrecht' };

const isWijk = (value: string): value is WijkId => Object.hasOwn(WIJK_LABELS, value);

function requireWijk(value: string, where: string): WijkId {
  if (!isWijk(value)) throw new Error(`wijken.json: onbekende wijk '${value}' bij ${where}`);
  return value;
}

/**
 * Builds the R6 lookup from the table and checks it once, at load: a table that names an unknown
 * wijk, puts one PC4 in two wijken or calls a residential PC4 a PO-box area fails loudly here
 * rather than routing families to the wrong team.
 */
export function createWijkLocator(table: WijkTable): (postcode: string | undefined) => WijkLocation {
  const wijkByPc4 = new Map<string, WijkId>();
  for (const [wijkName, pc4s] of Object.entries(table.wijken)) {
    const wijk = requireWijk(wijkName, 'wijken');
    for (const pc4 of pc4s) {
      const earlier = wijkByPc4.get(pc4);
      if (earlier) throw new Error(`wijken.json: PC4 ${pc4} staat bij ${earlier} en bij ${wijk}`);
      wijkByPc4.set(pc4, wijk);
    }
  }
  const wijkByPc6 = new Map(
    Object.entries(table.pc6).map(([pc6, wijk]) => [normalisePostcode(pc6), requireWijk(wijk, `pc6 ${pc6}`)]),
  );
  const straddles = new Map(
    Object.entries(table.straddles).map(([pc4, others]) => {
      if (!wijkByPc4.has(pc4)) throw new Error(`wijken.json: straddles noemt ${pc4}, geen woon-PC4`);
      return [pc4, others.map((other) => requireWijk(other, `straddles ${pc4}`))];
    }),
  );
  const postbusOnly = new Set(table.postbusOnly);
  for (const pc4 of postbusOnly) {
    if (wijkByPc4.has(pc4)) throw new Error(`wijken.json: ${pc4} is zowel postbus- als woon-PC4`);
  }

  return (postcode) => {
    if (!postcode?.trim()) return { inArea: false, reason: 'geen-postcode' };
    const pc6 = normalisePostcode(postcode);
    const pc4 = pc6.slice(0, 4);
    const override = wijkByPc6.get(pc6);
    if (override) return { inArea: true, wijk: override, grensgebied: false, alsoIn: [] };
    const wijk = wijkByPc4.get(pc4);
    if (wijk) {
      const alsoIn = straddles.get(pc4) ?? [];
      return { inArea: true, wijk, grensgebied: alsoIn.length > 0, alsoIn };
    }
    return { inArea: false, reason: postbusOnly.has(pc4) ? 'postbus' : 'buiten-utrecht' };
  };
}

/** DESIGN R6 over the municipality's table: PC6 override first, then PC4. */
export const locateWijk = createWijkLocator(reference);

/** DESIGN R6: the wijk of a postcode, or undefined outside the service area. */
export function wijkForPostcode(postcode: string | undefined): WijkId | undefined {
  const location = locateWijk(postcode);
  return location.inArea ? location.wijk : undefined;
}

export function wijkLabel(wijk: WijkId): string {
  return WIJK_LABELS[wijk];
}
