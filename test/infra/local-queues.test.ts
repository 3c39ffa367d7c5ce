import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalServer } from '../../infra/local/local-dynamodb.ts';
import { ensureQueues, LOCAL_REGION, startLocalSqs } from '../../infra/local/local-sqs.ts';
import { QUEUES } from '../../shared/resources.ts';

let server: LocalServer;
let client: SQSClient;

beforeAll(async () => {
  server = await startLocalSqs();
  client = new SQSClient({
    endpoint: server.endpoint,
    region: LOCAL_REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
});

afterAll(async () => {
  client.destroy();
  await server.close();
});

// The local runtime (npm start, the integration tests) builds its queues from the same QUEUES as the
// stack; test/infra/stack.test.ts checks the deployed side of the same figures.
describe('local queues (infra/local/local-sqs.ts)', () => {
  it('keeps messages 14 days in every work queue and its DLQ, like the stack', async () => {
    const queues = await ensureQueues(client);
    expect(Object.keys(queues).sort()).toEqual(Object.keys(QUEUES).sort());
    for (const [name, queue] of Object.entries(queues)) {
      for (const url of [queue.url, queue.deadLetterUrl]) {
        const { Attributes } = await client.send(
          new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['MessageRetentionPeriod'] }),
        );
        expect(Attributes?.MessageRetentionPeriod, `${name}: ${url}`).toBe('1209600');
      }
    }
  });
});
