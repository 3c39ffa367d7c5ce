// DynamoDB's billing arithmetic for `npm run bench` (issue 13): item sizes, and the write and read
// request units a request consumes on the base table and on each global secondary index. The rules,
// from the Amazon DynamoDB Developer Guide:
//
// - Item size ("DynamoDB item sizes and formats", CapacityUnitCalculations.html): the sum over the
//   attributes of the UTF-8 bytes of the name plus the size of the value. A string is its UTF-8
//   bytes; a binary its raw bytes; a boolean or null 1 byte; a list or map 3 bytes plus, per element,
//   1 byte plus its size (a map element's size includes its name). A number is "approximately 1 byte
//   per two significant digits, plus 1": counted exactly here as its base-100 digits plus 1 (digit
//   pairs aligned on the decimal point, as DynamoDB stores numbers and dynalite reproduces it), and
//   1 more for a negative number.
// - Writes ("Capacity unit consumption for write operations", read-write-operations.html): 1 WRU per
//   started 1 KB (1,024 bytes). A put or update of an existing item costs the larger of the item
//   before and after; a delete the deleted item; a delete of nothing 1. A write whose condition fails
//   still costs the existing item's size, at least 1, and writes no index.
// - Indexes ("Global secondary indexes", GSI.html, write cost): an index entry holds the table keys,
//   the index keys and the projected attributes; an item is in an index only when it has both index
//   key attributes (a sparse index). A new entry is 1 put; an entry that goes is 1 delete; a changed
//   index key value is a delete plus a put; a change of projected attributes only is 1 put; nothing
//   projected changed is no write. Each of these in WRU per started 1 KB of the entry. (The 100 bytes
//   per index entry the guide adds are for storage, not counted in writes here.)
// - Reads ("Capacity unit consumption for read operations"): 1 RRU per started 4 KB, half for an
//   eventually consistent read (the default; index queries always are). GetItem and each key of a
//   BatchGetItem round up per item, and a key that finds nothing still costs the minimum; a Query
//   rounds up the summed size of every item it read (before any filter, whatever the projection).

// biome-ignore lint/suspicious/noExplicitAny: an attribute value in the low-level JSON form.
export type AttributeValue = Record<string, any>;
export type Item = Record<string, AttributeValue>;

export interface IndexShape {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey: string;
  readonly projection: 'all' | 'keys-only' | 'include';
  readonly nonKeyAttributes?: readonly string[];
}

export interface TableShape {
  readonly partitionKey: string;
  readonly sortKey: string;
  readonly indexes: Readonly<Record<string, IndexShape>>;
}

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

/** Bytes of a DynamoDB number: base-100 digits plus 1, plus 1 when negative (see above). */
export function numberSize(text: string): number {
  const match = /^(-?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!match) throw new Error(`not a number: ${text}`);
  const [, sign, whole = '', fraction = '', exponent = '0'] = match;
  const digits = `${whole}${fraction}`;
  const first = digits.search(/[1-9]/);
  if (first === -1) return 1; // zero
  const last = digits.length - 1 - (digits.split('').reverse().join('').search(/[1-9]/) as number);
  // Power of ten of the first and the last significant digit.
  const point = whole.length + Number(exponent);
  const high = point - 1 - first;
  const low = point - 1 - last;
  const pairs = Math.floor(high / 2) - Math.floor(low / 2) + 1;
  return pairs + 1 + (sign === '-' ? 1 : 0);
}

/** Bytes of one attribute value (without its name). */
export function valueSize(value: AttributeValue): number {
  const [type, content] = Object.entries(value)[0] ?? [];
  switch (type) {
    case 'S':
      return utf8(content as string);
    case 'N':
      return numberSize(content as string);
    case 'B':
      return typeof content === 'string'
        ? Buffer.from(content, 'base64').length
        : (content as Uint8Array).length;
    case 'BOOL':
    case 'NULL':
      return 1;
    case 'SS':
      return (content as string[]).reduce((sum, member) => sum + utf8(member), 0);
    case 'NS':
      return (content as string[]).reduce((sum, member) => sum + numberSize(member), 0);
    case 'BS':
      return (content as (string | Uint8Array)[]).reduce((sum, member) => sum + valueSize({ B: member }), 0);
    case 'L':
      return 3 + (content as AttributeValue[]).reduce((sum, element) => sum + 1 + valueSize(element), 0);
    case 'M':
      return (
        3 +
        Object.entries(content as Item).reduce(
          (sum, [name, element]) => sum + 1 + utf8(name) + valueSize(element),
          0,
        )
      );
    default:
      throw new Error(`unknown attribute type ${type}`);
  }
}

/** Bytes of an item: attribute names plus values. */
export function itemSize(item: Item | undefined): number {
  if (!item) return 0;
  return Object.entries(item).reduce((sum, [name, value]) => sum + utf8(name) + valueSize(value), 0);
}

const ATTRIBUTE_TYPES = new Set(['S', 'N', 'B', 'BOOL', 'NULL', 'M', 'L', 'SS', 'NS', 'BS']);

function isAttributeValue(value: unknown): value is AttributeValue {
  if (typeof value !== 'object' || value === null || value instanceof Uint8Array) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && ATTRIBUTE_TYPES.has(keys[0] as string);
}

/** A plain JavaScript value as the document client would marshal it. */
function toAttributeValue(value: unknown): AttributeValue {
  if (value === null) return { NULL: true };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number' || typeof value === 'bigint') return { N: String(value) };
  if (typeof value === 'boolean') return { BOOL: value };
  if (value instanceof Uint8Array) return { B: value };
  if (value instanceof Set) {
    const members = [...value];
    return typeof members[0] === 'number' ? { NS: members.map(String) } : { SS: members };
  }
  if (Array.isArray(value)) return { L: value.map(toAttributeValue) };
  return { M: asItem(value as Record<string, unknown>) };
}

/**
 * An item in the low-level form, whether it came so (a DynamoDBClient command) or unmarshalled (a
 * document client's output, as a middleware after its deserialiser sees it).
 */
export function asItem(item: Record<string, unknown>): Item {
  const values = Object.values(item);
  if (values.length > 0 && values.every(isAttributeValue)) return item as Item;
  return Object.fromEntries(
    Object.entries(item)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => [name, toAttributeValue(value)]),
  );
}

/** The item's entry in an index: undefined when it lacks an index key (sparse). */
export function indexEntry(item: Item | undefined, index: IndexShape, table: TableShape): Item | undefined {
  if (!item?.[index.partitionKey] || !item[index.sortKey]) return undefined;
  if (index.projection === 'all') return item;
  const names = new Set([table.partitionKey, table.sortKey, index.partitionKey, index.sortKey]);
  if (index.projection === 'include') for (const name of index.nonKeyAttributes ?? []) names.add(name);
  return Object.fromEntries(Object.entries(item).filter(([name]) => names.has(name)));
}

/** A canonical text of a value: map keys and set members sorted, so equal values compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value instanceof Uint8Array) return JSON.stringify(Buffer.from(value).toString('base64'));
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries
      .map(([name, member]) => {
        const sortedSet = ['SS', 'NS', 'BS'].includes(name) && Array.isArray(member);
        const text = sortedSet
          ? `[${(member as unknown[]).map(canonical).sort().join(',')}]`
          : canonical(member);
        return `${JSON.stringify(name)}:${text}`;
      })
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export const sameItem = (a: Item | undefined, b: Item | undefined) => canonical(a) === canonical(b);

/** WRU of writing `bytes`: per started KB, at least 1. */
export const writeUnitsOf = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));

/** RRU of reading `bytes` in one go: per started 4 KB, at least one step; half when eventually consistent. */
export const readUnitsOf = (bytes: number, consistent: boolean) =>
  Math.max(1, Math.ceil(bytes / 4096)) * (consistent ? 1 : 0.5);

export interface Units {
  /** On the base table. */
  readonly table: number;
  /** Per index name; an index the write does not touch is absent. */
  readonly indexes: Readonly<Record<string, number>>;
}

export const totalOf = (units: Units) =>
  units.table + Object.values(units.indexes).reduce((sum, value) => sum + value, 0);

/** WRU of one index: what the write did to the item's entry there. */
export function indexWriteUnits(
  before: Item | undefined,
  after: Item | undefined,
  index: IndexShape,
  table: TableShape,
) {
  const old = indexEntry(before, index, table);
  const next = indexEntry(after, index, table);
  if (!old && !next) return 0;
  if (!old) return writeUnitsOf(itemSize(next)); // put
  if (!next) return writeUnitsOf(itemSize(old)); // delete
  if (sameItem(old, next)) return 0; // nothing projected changed
  const moved =
    !sameItem(old[index.partitionKey], next[index.partitionKey]) ||
    !sameItem(old[index.sortKey], next[index.sortKey]);
  if (moved) return writeUnitsOf(itemSize(old)) + writeUnitsOf(itemSize(next)); // delete + put
  return writeUnitsOf(Math.max(itemSize(old), itemSize(next))); // projected attributes changed
}

/**
 * WRU of a successful put, update or delete, from the item before and after (undefined: absent).
 * The base table: the larger of the two, at least 1; each index: see `indexWriteUnits`.
 */
export function writeUnits(before: Item | undefined, after: Item | undefined, table: TableShape): Units {
  const indexes: Record<string, number> = {};
  for (const index of Object.values(table.indexes)) {
    const units = indexWriteUnits(before, after, index, table);
    if (units > 0) indexes[index.name] = units;
  }
  return { table: writeUnitsOf(Math.max(itemSize(before), itemSize(after))), indexes };
}

/** WRU of a write whose condition failed: the existing item's size, at least 1; no index is written. */
export const failedWriteUnits = (existing: Item | undefined): Units => ({
  table: writeUnitsOf(itemSize(existing)),
  indexes: {},
});

/** RRU of a GetItem, or of each key of a BatchGetItem: the item's size, the minimum when not found. */
export const getReadUnits = (item: Item | undefined, consistent: boolean) =>
  readUnitsOf(itemSize(item), consistent);

/** RRU of one Query (or Scan) request: the summed size of every item it read. */
export const queryReadUnits = (items: readonly Item[], consistent: boolean) =>
  readUnitsOf(
    items.reduce((sum, item) => sum + itemSize(item), 0),
    consistent,
  );
