import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable, type LocalServer, startDynalite } from '../../infra/local/local-dynamodb.ts';
import { LOCAL_REGION } from '../../infra/local/local-sqs.ts';
import { documentClientOf } from '../../shared/adapters/aws-clients.ts';
import { dynamoTeamCalendar } from '../../shared/adapters/dynamodb-team-calendar.ts';
import { TABLE } from '../../shared/resources.ts';

// Issue 17: the team calendar's store on its sparse index, against dynalite. Its bounds are Amsterdam
// dates while the index sorts by UTC; what P1 has expired is never listed, even before TTL removes it.
// Items are written as the repository keys them (test/unit/signal-index-entries.test.ts checks that).
const TEAM = 'bt-sociaal-overvecht';
const NOW = new Date('2026-11-25T09:00:00+01:00');
const { partitionKey, sortKey } = TABLE.indexes.calendar;
let dataDir: string;
let server: LocalServer;
let client: DynamoDBClient;
let documents: DynamoDBDocumentClient;

async function appointment(signalId: string, startsAt: string, expiresAt: Date, teamId = TEAM) {
  await documents.send(
    new PutCommand({
      TableName: 'calendar',
      Item: {
        pk: `SIGNAL#${signalId}`,
        sk: 'SIGNAL',
        signalId,
        kind: 'zorgmelding',
        person: { initials: 'A.', surname: signalId },
        address: { postcode: '3561AB', houseNumber: 4 },
        firstConversation: {
          next: { appointmentId: `afs_${signalId}`, startsAt, place: 'thuis', opVerzoekInwoner: false },
        },
        [TABLE.ttlAttribute]: Math.floor(expiresAt.getTime() / 1000),
        [partitionKey]: `TEAM#${teamId}`,
        [sortKey]: `${new Date(startsAt).toISOString()}#${signalId}`,
      },
    }),
  );
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'team-calendar-'));
  server = await startDynalite(join(dataDir, 'dynamodb'));
  client = new DynamoDBClient({
    region: LOCAL_REGION,
    endpoint: server.endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  documents = documentClientOf(client);
  await ensureTable(client, 'calendar');
  const later = new Date('2027-06-01T00:00:00Z');
  // Week of Monday 23 – Sunday 29 November 2026 (CET, UTC+1).
  await appointment('sig_first', '2026-11-23T00:00:00+01:00', later); // 22 Nov 23:00 UTC: in, the first minute
  await appointment('sig_late', '2026-11-29T23:30:00+01:00', later); // 22:30 UTC: in, the last half hour
  await appointment('sig_next', '2026-11-30T00:30:00+01:00', later); // 29 Nov 23:30 UTC: the next week
  await appointment('sig_before', '2026-11-22T23:30:00+01:00', later); // 22:30 UTC: the week before
  await appointment('sig_mid', '2026-11-26T14:00:00+01:00', later);
  await appointment('sig_expired', '2026-11-27T10:00:00+01:00', new Date('2026-11-24T00:00:00Z')); // P1
  await appointment('sig_other', '2026-11-26T10:00:00+01:00', later, 'bt-jg-overvecht');
});

afterAll(async () => {
  client?.destroy();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('dynamoTeamCalendar.plannedBetween', () => {
  it('lists the team’s week by Amsterdam dates, earliest first, without what P1 expired', async () => {
    const signals = await dynamoTeamCalendar(documents, 'calendar').plannedBetween(
      TEAM,
      '2026-11-23',
      '2026-11-29',
      NOW,
    );

    expect(signals.map((signal) => signal.signalId)).toEqual(['sig_first', 'sig_mid', 'sig_late']);
    expect(signals[0]?.firstConversation?.next?.startsAt).toBe('2026-11-23T00:00:00+01:00');
  });
});
