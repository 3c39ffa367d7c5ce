import { describe, expect, it } from 'vitest';
import {
  asItem,
  failedWriteUnits,
  getReadUnits,
  type IndexShape,
  type Item,
  indexEntry,
  itemSize,
  numberSize,
  queryReadUnits,
  readUnitsOf,
  type TableShape,
  writeUnits,
  writeUnitsOf,
} from '../../bench/capacity-units.ts';

// Issue 13: the bench's DynamoDB billing arithmetic (bench/capacity-units.ts) against examples
// worked out by hand from the Developer Guide's rules (item sizes, 1 KB write and 4 KB read units,
// eventually consistent halves, what a write does to each global secondary index). dynalite's own
// ConsumedCapacity checks the base-table part independently: test/integration/capacity-oracle.

describe('item size (attribute names plus values)', () => {
  it('counts a string as its UTF-8 bytes, name included', () => {
    expect(itemSize({ pk: { S: 'SIGNAL#1' } })).toBe(2 + 8);
    // Ö takes two bytes in UTF-8.
    expect(itemSize({ naam: { S: 'Özdemir' } })).toBe(4 + 8);
  });

  it('counts a number as its base-100 digits plus 1 (one more when negative)', () => {
    expect(numberSize('0')).toBe(1);
    expect(numberSize('5')).toBe(2); // 05
    expect(numberSize('12')).toBe(2); // 12
    expect(numberSize('123')).toBe(3); // 01 23
    expect(numberSize('1000')).toBe(2); // 10 00: trailing zeros trimmed
    expect(numberSize('1e3')).toBe(2);
    expect(numberSize('1234.5')).toBe(4); // 12 34 . 50
    expect(numberSize('0.05')).toBe(2); // . 05
    expect(numberSize('1.234')).toBe(4); // 01 . 23 40
    expect(numberSize('-5')).toBe(3);
    expect(itemSize({ version: { N: '1' } })).toBe(7 + 2);
  });

  it('counts a boolean, a null and a binary value by their bytes', () => {
    expect(itemSize({ ok: { BOOL: true }, no: { NULL: true } })).toBe(2 + 1 + 2 + 1);
    expect(itemSize({ b: { B: new Uint8Array(10) } })).toBe(1 + 10);
    expect(itemSize({ b: { B: Buffer.from('0123456789').toString('base64') } })).toBe(1 + 10);
  });

  it('counts 3 bytes per map or list and 1 per element, map element names included', () => {
    // routing: 7 + 3 + (1 + 'rule' 4 + 'R5' 2) + (1 + 'explanation' 11 + 'abc' 3) = 32
    expect(itemSize({ routing: { M: { rule: { S: 'R5' }, explanation: { S: 'abc' } } } })).toBe(32);
    // flags: 5 + 3 + (1 + 'meervoudig' 10) = 19
    expect(itemSize({ flags: { L: [{ S: 'meervoudig' }] } })).toBe(19);
    expect(itemSize({ x: { L: [] } })).toBe(1 + 3);
    expect(itemSize({ x: { M: {} } })).toBe(1 + 3);
  });

  it('sizes an unmarshalled item (a document client’s) as its marshalled form', () => {
    const plain = { pk: 'SIGNAL#1', amount: 1234.5, flags: ['meervoudig'], person: { surname: 'Jansen' } };
    expect(itemSize(asItem(plain))).toBe(
      itemSize({
        pk: { S: 'SIGNAL#1' },
        amount: { N: '1234.5' },
        flags: { L: [{ S: 'meervoudig' }] },
        person: { M: { surname: { S: 'Jansen' } } },
      }),
    );
    expect(itemSize(asItem(plain))).toBe(2 + 8 + (6 + 4) + 19 + (6 + 3 + 1 + 7 + 6));
  });
});

describe('rounding', () => {
  it('writes: one unit per started KB, at least one', () => {
    expect([0, 1, 1024, 1025, 2048, 2049].map(writeUnitsOf)).toEqual([1, 1, 1, 2, 2, 3]);
  });

  it('reads: one unit per started 4 KB, half of it when eventually consistent', () => {
    expect([0, 4096, 4097, 8193].map((bytes) => readUnitsOf(bytes, true))).toEqual([1, 1, 2, 3]);
    expect([0, 4096, 4097, 8193].map((bytes) => readUnitsOf(bytes, false))).toEqual([0.5, 0.5, 1, 1.5]);
  });

  it('a GetItem (or a BatchGetItem key) rounds per item; a Query rounds the summed size', () => {
    const item = (bytes: number): Item => ({ pk: { S: 'P' }, body: { S: 'x'.repeat(bytes - 3 - 4) } });
    expect(itemSize(item(1500))).toBe(1500);
    expect(getReadUnits(undefined, false)).toBe(0.5); // nothing found: still the minimum
    expect(getReadUnits(item(5000), true)).toBe(2);
    expect(getReadUnits(item(5000), false)).toBe(1);
    // Three items of 1,500 bytes: read one by one 3 × 0.5, in one query 4,500 bytes → 2 × 0.5.
    expect([1, 2, 3].reduce((sum) => sum + getReadUnits(item(1500), false), 0)).toBe(1.5);
    expect(queryReadUnits([item(1500), item(1500), item(1500)], false)).toBe(1);
    expect(queryReadUnits([item(1500), item(1500), item(1500)], true)).toBe(2);
    expect(queryReadUnits([], false)).toBe(0.5);
  });
});

describe('write units on the base table and each index', () => {
  const all: IndexShape = { name: 'all', partitionKey: 'teamPk', sortKey: 'teamSk', projection: 'all' };
  const keys: IndexShape = { name: 'keys', partitionKey: 'duePk', sortKey: 'dueSk', projection: 'keys-only' };
  const some: IndexShape = {
    name: 'some',
    partitionKey: 'listPk',
    sortKey: 'listSk',
    projection: 'include',
    nonKeyAttributes: ['name'],
  };
  const table: TableShape = { partitionKey: 'pk', sortKey: 'sk', indexes: { all, keys, some } };
  // Keys: pk 2+3, sk 2+1, teamPk 6+1, teamSk 6+1, duePk 5+1, dueSk 5+1, listPk 6+1, listSk 6+1 = 48
  // bytes; name 4+3 = 7; body 4 + n. `signal(1450)` is 48 + 7 + 4 + 1450 = 1,509 bytes.
  const signal = (body: number, changes: Item = {}): Item => ({
    pk: { S: 'S#1' },
    sk: { S: 'S' },
    teamPk: { S: 'T' },
    teamSk: { S: 'A' },
    duePk: { S: 'D' },
    dueSk: { S: 'A' },
    listPk: { S: 'L' },
    listSk: { S: 'A' },
    name: { S: 'Jan' },
    body: { S: 'x'.repeat(body) },
    ...changes,
  });
  const withoutDue = (item: Item) => {
    const { duePk: _pk, dueSk: _sk, ...rest } = item;
    return rest;
  };

  it('projects an entry per index type, and none without both index keys (sparse)', () => {
    expect(itemSize(signal(1450))).toBe(1509);
    expect(itemSize(indexEntry(signal(1450), all, table))).toBe(1509);
    // KEYS_ONLY: table keys (5 + 3) and index keys (6 + 6).
    expect(indexEntry(signal(1450), keys, table)).toEqual({
      pk: { S: 'S#1' },
      sk: { S: 'S' },
      duePk: { S: 'D' },
      dueSk: { S: 'A' },
    });
    expect(itemSize(indexEntry(signal(1450), some, table))).toBe(5 + 3 + 7 + 7 + 7);
    expect(indexEntry(withoutDue(signal(1450)), keys, table)).toBeUndefined();
  });

  it('a new item: the item on the table, an entry put in every index that holds it', () => {
    expect(writeUnits(undefined, signal(1450), table)).toEqual({
      table: 2,
      indexes: { all: 2, keys: 1, some: 1 },
    });
    expect(writeUnits(undefined, withoutDue(signal(1450)), table).indexes).toEqual({ all: 2, some: 1 });
  });

  it('an update of an attribute no index projects: the larger item on the table, ALL rewritten', () => {
    // 1,509 → 509 bytes: the table is charged the larger (2), the ALL entry the larger too.
    expect(writeUnits(signal(1450), signal(450), table)).toEqual({ table: 2, indexes: { all: 2 } });
  });

  it('an update of an included attribute: that index rewritten, KEYS_ONLY untouched', () => {
    expect(writeUnits(signal(450), signal(450, { name: { S: 'Piet' } }), table)).toEqual({
      table: 1,
      indexes: { all: 1, some: 1 },
    });
  });

  it('a changed index key moves the entry: a delete plus a put', () => {
    expect(writeUnits(signal(1450), signal(1450, { teamSk: { S: 'B' } }), table)).toEqual({
      table: 2,
      indexes: { all: 4 },
    });
    expect(writeUnits(signal(450), signal(450, { dueSk: { S: 'B' } }), table).indexes).toEqual({
      all: 1,
      keys: 2,
    });
  });

  it('an index key removed: one delete from that (sparse) index', () => {
    expect(writeUnits(signal(450), withoutDue(signal(450)), table)).toEqual({
      table: 1,
      indexes: { all: 1, keys: 1 },
    });
  });

  it('a delete: the deleted item on the table and in every index; a delete of nothing costs 1', () => {
    expect(writeUnits(signal(1450), undefined, table)).toEqual({
      table: 2,
      indexes: { all: 2, keys: 1, some: 1 },
    });
    expect(writeUnits(undefined, undefined, table)).toEqual({ table: 1, indexes: {} });
  });

  it('a put of an identical item: the table is charged, no index is written', () => {
    expect(writeUnits(signal(1450), signal(1450), table)).toEqual({ table: 2, indexes: {} });
  });

  it('a failed condition: the existing item’s size (at least 1), no index', () => {
    expect(failedWriteUnits(undefined)).toEqual({ table: 1, indexes: {} });
    expect(failedWriteUnits(signal(2100))).toEqual({ table: 3, indexes: {} });
  });
});
