/**
 * Normalises ' 3561 ab ' to '3561AB' (DESIGN I3, M1); the format check itself is intake validation.
 * Its own module so that intake, which only normalises, does not bundle the wijk map.
 */
export function normalisePostcode(postcode: string): string {
  return postcode.replace(/\s+/g, '').toUpperCase();
}
