import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DynamoDBDocumentClient,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dynamoHouseholdStore } from '../../shared/adapters/dynamodb-household-store.ts';
import type { HouseholdEntry } from '../../shared/domain/household-history.ts';

// Issue 13, lever (b): a household is only written when its entries change. A care report routed
// again (a redelivery: the router records its household entry on every try) would otherwise
// rewrite the same item (a write unit) and read it back (half a read unit), for nothing. The
// DynamoDB requests are counted on a mocked document client.
const TABLE = 'buurtsignaal';
const ddb = mockClient(DynamoDBDocumentClient);
const clock = { now: () => new Date('2026-11-23T09:00:00Z') };
const store = dynamoHouseholdStore(DynamoDBDocumentClient.from(new DynamoDBClient({})), TABLE, clock);

const entry: HouseholdEntry = {
  signalId: 'sig_1',
  receivedAt: '2026-11-23T10:00:00+01:00',
  source: 'bo-ex',
  status: 'open',
  teamId: 'bt-sociaal-overvecht',
  amount: 1250,
  // As the router builds an entry: fields it has no value for are there, undefined.
  outcome: undefined,
  expiresAt: '2027-05-23T09:00:00.000Z',
};
const { outcome: _outcome, ...asStored } = entry; // the document client stores no undefined
const household = (key: string, entries: HouseholdEntry[]) => ({
  pk: `HOUSEHOLD#${key}`,
  sk: 'SUMMARY',
  type: 'household',
  entries: Object.fromEntries(entries.map((e) => [e.signalId, e])),
});
const requests = () => ({
  reads: ddb.commandCalls(BatchGetCommand).length,
  writes: ddb.commandCalls(BatchWriteCommand).length,
  updates: ddb.commandCalls(UpdateCommand).length,
});

beforeEach(() => {
  ddb.on(BatchGetCommand).resolves({ Responses: { [TABLE]: [household('h1', [asStored])] } });
  ddb.on(BatchWriteCommand).resolves({});
});

afterEach(() => {
  ddb.reset();
});

describe('household store: no write when nothing changed', () => {
  it('an entry as it is stored already: read once, not written, not read back', async () => {
    await store.record(new Map([['h1', [entry]]]));

    expect(requests()).toEqual({ reads: 1, writes: 0, updates: 0 });
  });

  it('with the households as the caller read them: no request at all', async () => {
    await store.record(new Map([['h1', [entry]]]), new Map([['h1', [asStored]]]));

    expect(requests()).toEqual({ reads: 0, writes: 0, updates: 0 });
  });

  it('a changed entry is written and read back', async () => {
    const closed = { ...entry, status: 'closed' as const, closedAt: '2026-11-25T10:00:00+01:00' };
    await store.record(new Map([['h1', [closed]]]), new Map([['h1', [asStored]]]));

    expect(requests()).toEqual({ reads: 1, writes: 1, updates: 0 });
    const written = ddb.commandCalls(BatchWriteCommand)[0]?.args[0].input.RequestItems?.[TABLE] ?? [];
    expect(written.map((request) => request.PutRequest?.Item?.entries)).toEqual([{ sig_1: closed }]);
  });

  it('of two households only the one that changed is written', async () => {
    const other = { ...entry, signalId: 'sig_2' };
    await store.record(
      new Map([
        ['h1', [entry]],
        ['h2', [other]],
      ]),
      new Map([['h1', [asStored]]]),
    );

    const written = ddb.commandCalls(BatchWriteCommand)[0]?.args[0].input.RequestItems?.[TABLE] ?? [];
    expect(written.map((request) => request.PutRequest?.Item?.pk)).toEqual(['HOUSEHOLD#h2']);
    // Read back: only the household written.
    const readBack = ddb.commandCalls(BatchGetCommand)[0]?.args[0].input.RequestItems?.[TABLE]?.Keys;
    expect(readBack).toEqual([{ pk: 'HOUSEHOLD#h2', sk: 'SUMMARY' }]);
  });
});
