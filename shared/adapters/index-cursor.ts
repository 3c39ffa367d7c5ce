import { InvalidCursorError } from '../application/ports.ts';

/** The key attributes of a GSI, as its cursors hold them beside the table's `pk` and `sk`. */
export type IndexKeys = { readonly partitionKey: string; readonly sortKey: string };

/** A page's LastEvaluatedKey as an opaque cursor for the client. */
export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

/**
 * A cursor back into the ExclusiveStartKey of a query on `index` within `partitionValue`. A cursor
 * is only valid for the list it came from; anything else is a client error (400 `invalid-cursor`),
 * not a 500.
 */
export function decodeCursor(
  cursor: string | undefined,
  index: IndexKeys,
  partitionValue: string,
): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    const expected = ['pk', 'sk', index.partitionKey, index.sortKey];
    const names = Object.keys(key);
    const valid =
      key[index.partitionKey] === partitionValue &&
      names.length === expected.length &&
      names.every((name) => expected.includes(name) && typeof key[name] === 'string');
    if (valid) return key;
  } catch {
    // fall through
  }
  throw new InvalidCursorError();
}
