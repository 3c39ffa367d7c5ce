/** mulberry32: a tiny seeded PRNG, so a fault-injection run can be repeated exactly. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a: a string as a 32-bit number, to seed a draw per thing. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value = Math.imul(value ^ text.charCodeAt(index), 0x01000193);
  }
  return value >>> 0;
}

/**
 * A draw in [0, 1) for one named thing (a record at its n-th delivery, a request): the same seed and
 * name give the same draw whatever order concurrent pollers meet them in, so a run is reproducible.
 */
export function drawFor(seed: number, name: string): number {
  return mulberry32(seed ^ hash(name))();
}
