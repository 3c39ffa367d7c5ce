import { mkdirSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  type Projection,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { TABLE } from '../../shared/resources.ts';

export interface LocalServer {
  readonly endpoint: string;
  close(): Promise<void>;
}

/**
 * dynalite (the DynamoDB API on LevelDB) on a loopback port, persisted under `path`. It runs in a
 * worker thread of this process, so on a 2-core machine the database and the handlers do not
 * queue behind each other on one event loop.
 */
export async function startDynalite(path: string, port = 0): Promise<LocalServer> {
  mkdirSync(path, { recursive: true });
  const worker = new Worker(new URL('./dynalite-worker.ts', import.meta.url), { workerData: { path, port } });
  const actualPort = await new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (message: { port?: number; error?: string }) =>
      message.port ? resolve(message.port) : reject(new Error(`dynalite did not start: ${message.error}`)),
    );
  });
  return {
    endpoint: `http://127.0.0.1:${actualPort}`,
    async close() {
      await new Promise<void>((resolve) => {
        worker.once('message', () => resolve());
        worker.postMessage('close');
      });
      await worker.terminate();
    },
  };
}

const indexes = Object.values(TABLE.indexes);

/** The index's projection as the stack gives it (shared/resources.ts). */
function projectionOf(index: (typeof indexes)[number]): Projection {
  if (index.projection === 'include') {
    return { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.nonKeyAttributes] };
  }
  return { ProjectionType: index.projection === 'keys-only' ? 'KEYS_ONLY' : 'ALL' };
}

function sameProjection(stored: Projection | undefined, wanted: Projection): boolean {
  const attributes = (projection: Projection | undefined) =>
    [...(projection?.NonKeyAttributes ?? [])].sort().join(',');
  return stored?.ProjectionType === wanted.ProjectionType && attributes(stored) === attributes(wanted);
}

/**
 * Creates the single table with the keys and indexes the CDK stack gives it (shared/resources.ts),
 * unless it exists. An existing table from an older data directory without a newer index is an
 * error with a way out, not a silent half-working store.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const present = new Map((Table?.GlobalSecondaryIndexes ?? []).map((index) => [index.IndexName, index]));
    const missing = indexes.filter((index) => !present.has(index.name)).map((index) => index.name);
    if (missing.length) {
      throw new Error(
        `Table ${tableName} lacks index ${missing.join(', ')}: remove the data directory and start again.`,
      );
    }
    // An older projection (issue 17 changed the inbox's) would leave attributes out of answers
    // without a word: as on AWS, a changed index needs a new table here.
    const changed = indexes
      .filter((index) => !sameProjection(present.get(index.name)?.Projection, projectionOf(index)))
      .map((index) => index.name);
    if (changed.length) {
      throw new Error(
        `Table ${tableName} has an older projection of index ${changed.join(', ')}: remove the data directory and start again.`,
      );
    }
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  const attributes = new Set<string>([TABLE.partitionKey, TABLE.sortKey]);
  for (const index of indexes) attributes.add(index.partitionKey).add(index.sortKey);
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: projectionOf(index),
      })),
    }),
  );
}
