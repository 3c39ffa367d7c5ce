import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { HouseholdStore } from '../application/ports.ts';
import type { Clock } from '../domain/clock.ts';
import type { HouseholdEntry } from '../domain/household-history.ts';
import { epochSeconds } from '../domain/retention.ts';
import { TABLE } from '../resources.ts';
import { batchGet, batchWrite } from './dynamodb-batch.ts';
import { runtimeClock } from './runtime-clock.ts';

const householdKeyOf = (householdKey: string) => ({ pk: `HOUSEHOLD#${householdKey}`, sk: 'SUMMARY' });

type Entries = Record<string, HouseholdEntry>;

/**
 * The household item expires with its last signal (P1): the latest expiry of its entries, or none
 * while an entry has none (written before every signal had an expiry). The purge removes entries one
 * by one before that.
 */
function householdExpiry(entries: Entries): Record<string, number> {
  const expiries = Object.values(entries).map((entry) => entry.expiresAt);
  if (expiries.length === 0 || expiries.some((expiry) => !expiry)) return {};
  const latest = expiries.reduce((a, b) => ((a as string) > (b as string) ? a : b)) as string;
  return { [TABLE.ttlAttribute]: epochSeconds(new Date(latest)) };
}

/** The same entry, as stored: attributes left undefined are not stored, and order does not count. */
function sameEntry(stored: HouseholdEntry | undefined, entry: HouseholdEntry): boolean {
  if (!stored) return false;
  const defined = (value: HouseholdEntry) =>
    Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify(defined(stored)) === JSON.stringify(defined(entry));
}

/**
 * One item per household (DESIGN M1: keyed by the hash, never the address) holding its signals'
 * entries as a map, so the router reads the households of a whole message in one BatchGet.
 *
 * Writes are batched full-item puts of what was read plus the new entries. Two invocations writing
 * the same household at once could drop each other's entries (last writer wins), so after writing,
 * the households are read back and any missing entry is added with an atomic map update.
 */
export function dynamoHouseholdStore(
  client: DynamoDBDocumentClient,
  tableName: string,
  clock: Clock = runtimeClock,
): HouseholdStore {
  async function read(keys: readonly string[]): Promise<Map<string, Entries>> {
    const items = await batchGet(client, tableName, [...new Set(keys)].map(householdKeyOf));
    return new Map(
      items.map((item) => [String(item.pk).slice('HOUSEHOLD#'.length), (item.entries ?? {}) as Entries]),
    );
  }

  async function addAtomically(householdKey: string, entries: readonly HouseholdEntry[]): Promise<void> {
    const key = householdKeyOf(householdKey);
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        // No TTL while entries are added this way: the next full write sets it again (P1).
        UpdateExpression: 'SET entries = if_not_exists(entries, :empty) REMOVE #expiresAt',
        ExpressionAttributeNames: { '#expiresAt': TABLE.ttlAttribute },
        ExpressionAttributeValues: { ':empty': {} },
      }),
    );
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: `SET ${entries.map((_, index) => `entries.#id${index} = :entry${index}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(
          entries.map((entry, index) => [`#id${index}`, entry.signalId]),
        ),
        ExpressionAttributeValues: Object.fromEntries(
          entries.map((entry, index) => [`:entry${index}`, entry]),
        ),
      }),
    );
  }

  return {
    async get(householdKeys) {
      const found = await read(householdKeys);
      // Expired signals no longer count for M2/M3/C3 (P1: reads ignore what has expired).
      const now = clock.now().toISOString();
      return new Map(
        householdKeys.map((key) => [
          key,
          Object.values(found.get(key) ?? {}).filter((entry) => !entry.expiresAt || entry.expiresAt > now),
        ]),
      );
    },

    async record(changes, known) {
      if (changes.size === 0) return;
      const keys = [...changes.keys()];
      const current = known
        ? new Map(
            keys.map((key) => [
              key,
              Object.fromEntries((known.get(key) ?? []).map((entry) => [entry.signalId, entry])),
            ]),
          )
        : await read(keys);
      // A household whose entries would come out as they are (a care report routed again records
      // its entry on every try) is not written: no write unit spent, nothing to read back (issue 13).
      const changed = keys.filter((key) =>
        (changes.get(key) ?? []).some((entry) => !sameEntry(current.get(key)?.[entry.signalId], entry)),
      );
      if (changed.length === 0) return;
      await batchWrite(
        client,
        tableName,
        changed.map((key) => {
          const entries: Entries = { ...current.get(key) };
          for (const entry of changes.get(key) ?? []) entries[entry.signalId] = entry;
          return { ...householdKeyOf(key), type: 'household', entries, ...householdExpiry(entries) };
        }),
      );
      const written = await read(changed);
      for (const key of changed) {
        const missing = (changes.get(key) ?? []).filter((entry) => !written.get(key)?.[entry.signalId]);
        if (missing.length) await addAtomically(key, missing);
      }
    },

    async forget(householdKey, signalIds) {
      if (signalIds.length === 0) return;
      const key = householdKeyOf(householdKey);
      try {
        const { Attributes } = await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: key,
            UpdateExpression: `REMOVE ${signalIds.map((_, index) => `entries.#id${index}`).join(', ')}`,
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: Object.fromEntries(signalIds.map((id, index) => [`#id${index}`, id])),
            ReturnValues: 'ALL_NEW',
          }),
        );
        if (Object.keys((Attributes?.entries ?? {}) as Entries).length > 0) return;
        // The last signal gone: the household goes too, unless one arrived in the meantime.
        await client.send(
          new DeleteCommand({
            TableName: tableName,
            Key: key,
            ConditionExpression: 'size(entries) = :none',
            ExpressionAttributeValues: { ':none': 0 },
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    },
  };
}
