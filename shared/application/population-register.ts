import type { BrpBirthDate } from '../domain/household-composition.ts';

/**
 * The port to the BRP (DESIGN B1–B3): the two questions the router may ask, in our own words. The
 * Haal Centraal adapter (shared/adapters/haal-centraal-brp.ts) turns them into `POST /personen`
 * requests with `fields` limited to what R3 and B2 need, and nothing else of the answer comes back.
 */
export interface PopulationRegister {
  /**
   * `ZoekMetPostcodeEnHuisnummer` with `fields: ["geboorte.datum"]`: the birth date of everyone
   * registered at the address; empty when nobody is (B2's `niet-in-brp`).
   */
  residentsAt(address: BrpAddress): Promise<readonly BrpBirthDate[]>;
  /**
   * `RaadpleegMetBurgerservicenummer` with `fields: ["gemeenteVanInschrijving"]`: where the person
   * is registered (B2), or `found: false` when the BRP does not know the number.
   */
  registrationOf(bsn: string): Promise<BrpRegistration>;
}

/** The address as the signal holds it; the adapter splits the suffix into huisletter/toevoeging. */
export interface BrpAddress {
  /** Four digits and two capitals, no space: `3562CD`. */
  readonly postcode: string;
  readonly houseNumber: number;
  /** As the partner wrote it: `A`, `bis`, `2-hoog`; absent when none. */
  readonly houseNumberSuffix?: string | undefined;
}

export type { BrpBirthDate };

export type BrpRegistration =
  | { readonly found: false }
  /** The four-digit municipality code (`0344` is Utrecht); absent when the BRP gave none. */
  | { readonly found: true; readonly municipalityCode: string | undefined };

/** Why a question got no usable answer; the code is what logs and the protocol keep (P2). */
export type BrpFailureCode =
  | 'brp-timeout'
  | 'brp-unreachable'
  | 'brp-server-error'
  | 'brp-client-error'
  | 'brp-malformed-answer'
  | 'brp-circuit-open'
  /** A house-number suffix the BRP's search cannot take (`2-hoog`): not asked, never retried. */
  | 'brp-unsearchable-address'
  /** A question the contract refuses before it is sent (a bug or bad data): never retried. */
  | 'brp-invalid-question';

/** Failures a later retry cannot cure (B3 retries only the others). */
export const PERMANENT_BRP_FAILURES: ReadonlySet<BrpFailureCode> = new Set([
  'brp-unsearchable-address',
  'brp-invalid-question',
]);

/** The BRP did not answer usably (B3: routing goes on without it and retries later). */
export class PopulationRegisterError extends Error {
  readonly code: BrpFailureCode;

  constructor(code: BrpFailureCode, options?: { cause?: unknown }) {
    super(`BRP: ${code}`, options);
    this.name = 'PopulationRegisterError';
    this.code = code;
  }
}
