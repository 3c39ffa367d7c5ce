import { createHmac } from 'node:crypto';
import { normalisePostcode } from './postcode.ts';
import type { Address } from './signal.ts';

/** DESIGN M1: postcode + house number + suffix, uppercased, spaces removed. */
export function normaliseAddress(
  address: Pick<Address, 'postcode' | 'houseNumber' | 'houseNumberSuffix'>,
): string {
  const suffix = (address.houseNumberSuffix ?? '').replace(/[\s-]+/g, '').toUpperCase();
  return `${normalisePostcode(address.postcode)}|${address.houseNumber}|${suffix}`;
}

function keyedHash(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('hex');
}

/** DESIGN M1: the household key is a keyed hash; the address itself never appears in an index. */
export function householdKey(address: Parameters<typeof normaliseAddress>[0], secret: string): string {
  return keyedHash(secret, `household|${normaliseAddress(address)}`);
}

/**
 * A partner item's signal id derives from its dedupe key (DESIGN I5) under the secret: the same
 * row sent twice — even by two uploads at once — can only ever become one signal, and nobody
 * without the secret can guess an id from a tenant number.
 */
export function signalIdFor(dedupeKey: readonly string[], secret: string): string {
  return `sig_${keyedHash(secret, `dedupe|${dedupeKey.join('|')}`).slice(0, 32)}`;
}
