/** Runs `work` over the list with at most `limit` calls in flight; results in list order. */
export async function inParallel<T, R>(
  list: readonly T[],
  work: (item: T) => Promise<R>,
  limit: number,
): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, list.length) }, async () => {
      while (next < list.length) {
        const index = next++;
        results[index] = await work(list[index] as T);
      }
    }),
  );
  return results;
}

/** The list cut into consecutive pieces of `size`. */
export function chunks<T>(list: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < list.length; start += size) result.push(list.slice(start, start + size));
  return result;
}

/**
 * The list cut into consecutive pieces of at most `count` values and at most `bytes` of JSON
 * (UTF-8) each; a single value larger than `bytes` is a piece of its own. For lists stored as one
 * item: DynamoDB refuses items over 400 KB, and a receipt line rejected on every column is twenty
 * times the bytes of an accepted one, so a count alone does not bound an item.
 */
export function chunksWithin<T>(list: readonly T[], limits: { count: number; bytes: number }): T[][] {
  const result: T[][] = [];
  let piece: T[] = [];
  let pieceBytes = 0;
  for (const value of list) {
    const size = Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8') + 1;
    if (piece.length > 0 && (piece.length === limits.count || pieceBytes + size > limits.bytes)) {
      result.push(piece);
      piece = [];
      pieceBytes = 0;
    }
    piece.push(value);
    pieceBytes += size;
  }
  if (piece.length > 0) result.push(piece);
  return result;
}
