import { describe, expect, it } from 'vitest';
import { PRICES, usdPer1000Signals } from '../../bench/prices.ts';
import { sqsBilledRequests } from '../../bench/sdk-meter.ts';

// Issue 13: the bench's bill — SQS requests as billed (each started 64 KB of payload is a request)
// and dollars from the measured units at the price table's list prices.
describe('SQS requests as billed', () => {
  const body = (bytes: number) => 'x'.repeat(bytes);

  it('counts each started 64 KB of the messages sent or received, at least one per request', () => {
    expect(sqsBilledRequests('SendMessageCommand', { MessageBody: body(100) }, {})).toBe(1);
    expect(sqsBilledRequests('SendMessageCommand', { MessageBody: body(65_536) }, {})).toBe(1);
    expect(sqsBilledRequests('SendMessageCommand', { MessageBody: body(65_537) }, {})).toBe(2);
    // Ten messages of 30 KB in one batch: 300 KB, five chunks.
    const entries = Array.from({ length: 10 }, (_, index) => ({ Id: `${index}`, MessageBody: body(30_000) }));
    expect(sqsBilledRequests('SendMessageBatchCommand', { Entries: entries }, {})).toBe(5);
    expect(
      sqsBilledRequests(
        'ReceiveMessageCommand',
        {},
        { Messages: entries.map((e) => ({ Body: e.MessageBody })) },
      ),
    ).toBe(5);
    // An empty receive, a delete: one request each.
    expect(sqsBilledRequests('ReceiveMessageCommand', {}, {})).toBe(1);
    expect(sqsBilledRequests('DeleteMessageBatchCommand', { Entries: entries }, {})).toBe(1);
  });

  it('counts message attributes into the payload', () => {
    const attributes = { trace: { DataType: 'String', StringValue: body(1_000) } };
    expect(
      sqsBilledRequests(
        'SendMessageCommand',
        { MessageBody: body(64_536), MessageAttributes: attributes },
        {},
      ),
    ).toBe(2);
  });
});

describe('dollars per 1,000 signals', () => {
  it('is units times the list price, per service', () => {
    const bill = usdPer1000Signals({
      writeRequestUnits: 1_000_000,
      readRequestUnits: 1_000_000,
      sqsBilledRequests: 1_000_000,
      lambdaGbSeconds: 1000,
      lambdaInvocations: 1_000_000,
    });
    expect(bill.parts).toEqual({
      dynamodbWrites: PRICES.dynamodb.usdPerMillionWriteRequestUnits,
      dynamodbReads: PRICES.dynamodb.usdPerMillionReadRequestUnits,
      sqs: PRICES.sqs.usdPerMillionRequests,
      lambdaDuration: 0.01333, // 1,000 GB-s at $0.0000133334, to a thousandth of a cent
      lambdaRequests: PRICES.lambda.usdPerMillionRequests,
    });
    expect(PRICES).toMatchObject({ region: 'eu-west-1', asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });
});
