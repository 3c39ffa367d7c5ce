import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { useClock } from '../../shared/adapters/runtime-clock.ts';
import { fixedClock, systemClock } from '../../shared/domain/clock.ts';
import { sampleCareReports } from '../support/samples.ts';

// Fast unit tests of the intake handler's failure paths, with the AWS SDK mocked
// (aws-sdk-client-mock). The happy path runs for real in test/integration.
const ddb = mockClient(DynamoDBDocumentClient);
const sqs = mockClient(SQSClient);
const report = sampleCareReports()[0] as { reportId: string };
type Handler = (
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;
let handler: Handler;

beforeAll(async () => {
  Object.assign(process.env, {
    TABLE_NAME: 'buurtsignaal-test',
    SIGNALS_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/000000000000/signals',
    AWS_REGION: 'eu-west-1',
    POWERTOOLS_METRICS_DISABLED: 'true',
    POWERTOOLS_LOG_LEVEL: 'INFO',
  });
  ({ handler } = (await import('../../functions/intake/submit-care-report.ts')) as unknown as {
    handler: Handler;
  });
});

beforeEach(() => {
  ddb.reset();
  sqs.reset();
});

afterEach(() => {
  vi.restoreAllMocks();
  useClock(systemClock);
});

const police = { sub: 'dev-politie', 'cognito:groups': '[police]', 'custom:scope': 'politie-utrecht' };

function event(options: { body?: string; contentType?: string; claims?: Record<string, string> | null }) {
  return {
    version: '2.0',
    routeKey: 'POST /intake/care-reports',
    rawPath: '/intake/care-reports',
    rawQueryString: '',
    headers: { 'content-type': options.contentType ?? 'application/json' },
    body: options.body ?? JSON.stringify(report),
    isBase64Encoded: false,
    requestContext: {
      http: { method: 'POST', path: '/intake/care-reports' },
      ...(options.claims === null
        ? {}
        : { authorizer: { jwt: { claims: options.claims ?? police, scopes: [] } } }),
    },
  } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
}

const context = {
  functionName: 'SubmitCareReport',
  awsRequestId: 'req-1',
  getRemainingTimeInMillis: () => 10_000,
} as Context;
const bodyOf = (result: APIGatewayProxyStructuredResultV2) => JSON.parse(result.body as string);

describe('POST /intake/care-reports handler', () => {
  it('refuses a request without verified claims (401), even if the gateway let it through', async () => {
    const result = await handler(event({ claims: null }), context);

    expect(result.statusCode).toBe(401);
    expect(bodyOf(result).error.code).toBe('unauthorized');
  });

  it('refuses a principal of another role (403)', async () => {
    const claims = { sub: 'dev-bo-ex', 'cognito:groups': 'housing-corporation', 'custom:scope': 'bo-ex' };

    expect((await handler(event({ claims }), context)).statusCode).toBe(403);
  });

  it.each([
    ['wrong content type → 415', { contentType: 'text/plain' }, 415, 'unsupported-media-type'],
    ['malformed JSON → 400', { body: '{"reportId": ' }, 400, 'malformed-json'],
    ['empty body → 400', { body: '' }, 400, 'empty-body'],
  ])('%s', async (_name, options, status, code) => {
    const result = await handler(event(options), context);

    expect(result.statusCode).toBe(status);
    expect(bodyOf(result).error.code).toBe(code);
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(0);
  });

  it('invalid fields → 422 with a Dutch message per field', async () => {
    const invalid = {
      ...report,
      categories: ['geldzorgen'],
      consent: 'misschien',
      address: { postcode: '3562', houseNumber: 0 },
      person: { surname: '', birthDate: '1975-02-31' },
    };

    const result = await handler(event({ body: JSON.stringify(invalid) }), context);

    expect(result.statusCode).toBe(422);
    const { details } = bodyOf(result).error as {
      details: { field: string; code: string; message: string }[];
    };
    expect(details.map((detail) => detail.field).sort()).toEqual(
      [
        'address.houseNumber',
        'address.postcode',
        'categories.0',
        'consent',
        'person.birthDate',
        'person.surname',
      ].sort(),
    );
    expect(details.find((detail) => detail.field === 'address.postcode')).toMatchObject({
      code: 'invalid-postcode',
      message: expect.stringContaining('Ongeldige postcode'),
    });
    expect(details.find((detail) => detail.field === 'person.birthDate')?.code).toBe('invalid-date');
  });

  it('I3: a report from the future or a minor born after today → 422 with field details; nothing stored or sent', async () => {
    // Prepare: Monday 23 November 2026, 10:00 in Utrecht.
    useClock(fixedClock('2026-11-23T10:00:00+01:00'));
    const future = {
      ...report,
      reportedAt: '2026-11-23T10:06:00+01:00',
      person: { surname: 'Jansen', birthDate: '2026-11-24' },
      household: { adults: 1, minors: [{ birthDate: '2014-06-01' }, { birthDate: '2027-01-01' }] },
    };

    // Act
    const result = await handler(event({ body: JSON.stringify(future) }), context);

    // Assess
    expect(result.statusCode).toBe(422);
    expect(bodyOf(result).error).toEqual({
      code: 'validation-failed',
      message: 'De invoer is niet geldig; zie de fouten per veld.',
      details: [
        {
          field: 'reportedAt',
          code: 'date-in-future',
          message: 'Het tijdstip van de melding (reportedAt) ligt in de toekomst.',
        },
        {
          field: 'person.birthDate',
          code: 'birth-date-in-future',
          message: 'Geboortedatum ligt in de toekomst.',
        },
        {
          field: 'household.minors.1.birthDate',
          code: 'birth-date-in-future',
          message: 'Geboortedatum ligt in de toekomst.',
        },
      ],
    });
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(0);
  });

  it('I3: a reportedAt a few minutes ahead (clock skew) and a child born today are accepted', async () => {
    useClock(fixedClock('2026-11-23T10:00:00+01:00'));
    ddb.on(PutCommand).resolves({});
    ddb.on(UpdateCommand).resolves({});
    sqs.on(SendMessageCommand).resolves({ MessageId: 'm-1' });
    const skewed = {
      ...report,
      reportedAt: '2026-11-23T10:04:59+01:00',
      household: { adults: 1, minors: [{ birthDate: '2026-11-23' }] },
    };

    const result = await handler(event({ body: JSON.stringify(skewed) }), context);

    expect(result.statusCode).toBe(202);
  });

  it('when SQS fails the receipt stays un-enqueued (500), and the retry enqueues it as accepted: nothing lost', async () => {
    // Prepare: the first try stores the receipt and the outstanding entry, then SQS is down.
    ddb.on(PutCommand).resolves({});
    sqs.on(SendMessageCommand).rejectsOnce(new Error('ServiceUnavailable'));
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);

    const first = await handler(event({}), context);

    expect(first.statusCode).toBe(500);
    expect(bodyOf(first).error.code).toBe('internal-error');
    expect(ddb.commandCalls(UpdateCommand)).toHaveLength(0);
    const [receipt, listed, outstanding] = ddb
      .commandCalls(PutCommand)
      .map((call) => call.args[0].input.Item);
    const stored = receipt as Record<string, unknown>;
    expect(stored).toMatchObject({ enqueued: false, reportId: report.reportId });
    // Issue 15: listed under the police at once, so the accepted report is never missing from their list.
    expect(listed).toMatchObject({
      pk: 'SOURCE#politie-utrecht#CARE-REPORTS',
      type: 'care-report-listing',
      reportId: report.reportId,
      signalId: stored.signalId,
    });
    // I1: the report is kept as outstanding work before the queue, for the reconciler to send on.
    expect(outstanding).toMatchObject({
      type: 'outstanding',
      kind: 'care-report',
      message: { type: 'care-report', signalId: stored.signalId },
    });
    const logged = [...stdout.mock.calls, ...stderr.mock.calls].map(([chunk]) => String(chunk)).join('');
    expect(logged).toContain('Onverwachte fout');
    expect(logged).not.toContain('Jansen');

    // Act: the police retry; the receipt exists but was never enqueued.
    ddb
      .on(PutCommand, { ConditionExpression: 'attribute_not_exists(pk)' })
      .rejects(new ConditionalCheckFailedException({ message: 'exists', $metadata: {} }));
    ddb.on(GetCommand).resolves({ Item: stored });
    sqs.on(SendMessageCommand).resolves({ MessageId: 'm-1' });
    ddb.on(UpdateCommand).resolves({});
    const retry = await handler(event({}), context);

    // Assess
    expect(retry.statusCode).toBe(202);
    expect(bodyOf(retry)).toEqual({ signalId: stored.signalId, status: 'accepted' });
    const message = JSON.parse(
      sqs.commandCalls(SendMessageCommand).at(-1)?.args[0].input.MessageBody as string,
    );
    expect(message).toMatchObject({
      type: 'care-report',
      signalId: stored.signalId,
      receivedAt: stored.receivedAt,
    });
    expect(ddb.commandCalls(UpdateCommand)[0]?.args[0].input).toMatchObject({
      UpdateExpression: 'SET enqueued = :value',
      ExpressionAttributeValues: { ':value': true },
    });
  });

  it('a known, enqueued reportId is a duplicate (200) and sends nothing', async () => {
    ddb.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: 'exists', $metadata: {} }));
    ddb
      .on(GetCommand)
      .resolves({ Item: { signalId: 'sig_known', enqueued: true, reportId: report.reportId } });

    const result = await handler(event({}), context);

    expect(result.statusCode).toBe(200);
    expect(bodyOf(result)).toEqual({ signalId: 'sig_known', status: 'duplicate' });
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(0);
  });
});
