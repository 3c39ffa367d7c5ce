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
