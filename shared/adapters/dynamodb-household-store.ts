import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { HouseholdStore } from '../application/ports.ts';
import type { HouseholdEntry } from '../domain/household-history.ts';
import { batchGet, batchWrite } from './dynamodb-batch.ts';

const householdKeyOf = (householdKey: string) => ({ pk: `HOUSEHOLD#${householdKey}`, sk: 'SUMMARY' });

type Entries = Record<string, HouseholdEntry>;

/**
 * One item per household (DESIGN M1: keyed by the hash, never the address) holding its signals'
 * entries as a map, so the router reads the households of a whole message in one BatchGet.
 *
 * Writes are batched full-item puts of what was read plus the new entries. Two invocations writing
 * the same household at once could drop each other's entries (last writer wins), so after writing,
 * the households are read back and any missing entry is added with an atomic map update.
 */
export function dynamoHouseholdStore(client: DynamoDBDocumentClient, tableName: string): HouseholdStore {
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
        UpdateExpression: 'SET entries = if_not_exists(entries, :empty)',
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
      return new Map(householdKeys.map((key) => [key, Object.values(found.get(key) ?? {})]));
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
      await batchWrite(
        client,
        tableName,
        keys.map((key) => {
          const entries: Entries = { ...current.get(key) };
          for (const entry of changes.get(key) ?? []) entries[entry.signalId] = entry;
          return { ...householdKeyOf(key), type: 'household', entries };
        }),
      );
      const written = await read(keys);
      for (const key of keys) {
        const missing = (changes.get(key) ?? []).filter((entry) => !written.get(key)?.[entry.signalId]);
        if (missing.length) await addAtomically(key, missing);
      }
    },
  };
}
