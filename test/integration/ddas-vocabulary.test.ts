import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import outcomeCodes from '../../config/outcome-codes.json' with { type: 'json' };
import { documentClientOf } from '../../shared/adapters/aws-clients.ts';
import { signalKey } from '../../shared/adapters/dynamodb-signal-states.ts';
import { signalDetailSchema } from '../../shared/api/signal-schemas.ts';
import { sampleCareReports } from '../support/samples.ts';
import { startTestRuntime, type TestRuntime } from './support/test-runtime.ts';

// Issue 12: the DDAS v1.2 vocabulary (DESIGN D3, X2, O1) through the real local stack.
let t: TestRuntime;
const base = sampleCareReports()[0] as Record<string, unknown>; // → bt-sociaal-overvecht

const TEN_KINDS = [
  'telefoon',
  'huisbezoek',
  'brief',
  'mail',
  'sms-whatsapp',
  'kaartje',
  'afspraak-op-locatie',
  'administratief',
  'overige',
  'onbekend',
];

interface Attempt {
  kind: string;
  reached: boolean;
  at: string;
  recordedAt: string;
  dagdeel: string;
}
interface Detail {
  signalId: string;
  teamId: string;
  status: string;
  outcome?: string;
  contactAttempts: Attempt[];
}
interface ErrorBody {
  error: { code: string; details: { field: string; code: string; message: string }[] };
}

async function report(reportId: string): Promise<{ signalId: string; token: string }> {
  const response = await t.api.request<{ signalId: string }>('POST', '/intake/care-reports', {
    token: 'dev-politie',
    body: { ...base, reportId },
  });
  expect(response.status).toBe(202);
  await t.drain();
  const { signalId } = response.body;
  const detail = await t.api.request<Detail>('GET', `/signals/${signalId}`, { token: 'dev-admin' });
  return { signalId, token: `dev-${detail.body.teamId}` };
}

beforeAll(async () => {
  t = await startTestRuntime();
  // Received Monday 23 November 2026, 10:00 in Utrecht (09:00 UTC).
  await t.setClock('2026-11-23T10:00:00+01:00');
});

afterAll(async () => {
  await t?.stop();
});

describe('D3: the ten contact kinds of DDAS v1.2, each attempt with its dagdeel', () => {
  // `at` sent in UTC; the expected Amsterdam time (CET, UTC+1) and dagdeel worked out by hand.
  const attempts = [
    ['telefoon', '2026-11-23T10:59:59Z', '2026-11-23T11:59:59+01:00', 'ochtend'],
    ['huisbezoek', '2026-11-23T11:00:00Z', '2026-11-23T12:00:00+01:00', 'middag'],
    ['brief', '2026-11-23T16:59:00Z', '2026-11-23T17:59:00+01:00', 'middag'],
    ['mail', '2026-11-23T17:00:00Z', '2026-11-23T18:00:00+01:00', 'avond'],
    ['sms-whatsapp', '2026-11-23T23:00:00Z', '2026-11-24T00:00:00+01:00', 'ochtend'],
    ['kaartje', '2026-11-24T07:30:00Z', '2026-11-24T08:30:00+01:00', 'ochtend'],
    ['afspraak-op-locatie', '2026-11-24T13:15:00Z', '2026-11-24T14:15:00+01:00', 'middag'],
    ['administratief', '2026-11-24T19:45:00Z', '2026-11-24T20:45:00+01:00', 'avond'],
    ['overige', '2026-11-25T11:00:00Z', '2026-11-25T12:00:00+01:00', 'middag'],
    ['onbekend', '2026-11-25T20:30:00Z', '2026-11-25T21:30:00+01:00', 'avond'],
  ] as const;
  let signalId = '';
  let token = '';

  beforeAll(async () => {
    await t.setClock('2026-11-23T10:00:00+01:00');
    ({ signalId, token } = await report('PL-VOCAB-1'));
    await t.setClock('2026-11-25T22:00:00+01:00');
  });

  it('the test covers each kind once', () => {
    expect(attempts.map(([kind]) => kind)).toEqual(TEN_KINDS);
  });

  it('each of the ten kinds is accepted (201), and the answer carries its dagdeel', async () => {
    for (const [kind, at, , dagdeel] of attempts) {
      const response = await t.api.request<Detail>('POST', `/signals/${signalId}/contact-attempts`, {
        token,
        body: { kind, reached: false, at },
      });

      expect(response.status, kind).toBe(201);
      expect(response.body.contactAttempts.at(-1)).toMatchObject({ kind, dagdeel });
    }
  });

  it('GET /signals/{id}: every attempt with its kind, at in Amsterdam time and the dagdeel of that at', async () => {
    const detail = await t.api.request<Detail>('GET', `/signals/${signalId}`, { token });

    expect(detail.status).toBe(200);
    expect(detail.body.contactAttempts.map(({ kind, at, dagdeel }) => [kind, at, dagdeel])).toEqual(
      attempts.map(([kind, , amsterdam, dagdeel]) => [kind, amsterdam, dagdeel]),
    );
    expect(() => signalDetailSchema.parse(detail.body)).not.toThrow();
  });

  it.each([
    ['an old name (sms)', 'sms'],
    ['an old name (overig)', 'overig'],
    ['an unknown kind', 'fax'],
  ])('%s is refused: 422 with the Dutch field error listing the ten kinds', async (_name, kind) => {
    const response = await t.api.request<ErrorBody>('POST', `/signals/${signalId}/contact-attempts`, {
      token,
      body: { kind, reached: true, at: '2026-11-25T20:00:00Z' },
    });

    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({
      code: 'validation-failed',
      details: [
        {
          field: 'kind',
          message:
            'Soort contact moet een van telefoon, huisbezoek, brief, mail, sms-whatsapp, kaartje, ' +
            'afspraak-op-locatie, administratief, overige, onbekend zijn.',
        },
      ],
    });
  });
});

describe('O1: closing with vervolghulp', () => {
  it('200, status closed, outcome vervolghulp; the partner sees afgerond (C4)', async () => {
    await t.setClock('2026-11-23T10:00:00+01:00');
    const { signalId, token } = await report('PL-VOCAB-2');
    // Issue 15: a signal is closed as picked up only after a contact attempt.
    await t.api.request('POST', `/signals/${signalId}/contact-attempts`, {
      token,
      body: { kind: 'telefoon', reached: true },
    });

    const closed = await t.api.request<Detail>('POST', `/signals/${signalId}/close`, {
      token,
      body: { outcome: 'vervolghulp' },
    });
    const police = await t.api.request('GET', '/intake/care-reports/PL-VOCAB-2', { token: 'dev-politie' });

    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', outcome: 'vervolghulp' });
    expect(police.body).toEqual({ reportId: 'PL-VOCAB-2', feedback: 'afgerond' });
  });
});

describe('D3: a signal stored with the kinds of before DDAS v1.2 reads in today’s vocabulary', () => {
  let signalId = '';
  let token = '';

  beforeAll(async () => {
    await t.setClock('2026-11-23T10:00:00+01:00');
    ({ signalId, token } = await report('PL-VOCAB-3'));
    // The item as the service wrote it before this change: attempts with `sms` and `overig`, no
    // dagdeel anywhere — straight into the table.
    const documents = documentClientOf(t.runtime.dynamodb);
    const { Item } = await documents.send(
      new GetCommand({ TableName: t.runtime.tableName, Key: signalKey(signalId) }),
    );
    if (!Item) throw new Error('signal not stored');
    await documents.send(
      new PutCommand({
        TableName: t.runtime.tableName,
        Item: {
          ...Item,
          contactAttempts: [
            {
              kind: 'sms',
              reached: false,
              at: '2026-11-23T15:00:00+01:00',
              recordedAt: '2026-11-23T15:01:00+01:00',
              recordedBy: token,
            },
            {
              kind: 'overig',
              reached: false,
              at: '2026-11-23T19:00:00+01:00',
              recordedAt: '2026-11-23T19:02:00+01:00',
              recordedBy: token,
            },
          ],
          version: (Item.version as number) + 1,
        },
      }),
    );
    await t.setClock('2026-11-24T10:00:00+01:00');
  });

  it('GET /signals/{id}: 200, sms as sms-whatsapp, overig as overige, each with its dagdeel', async () => {
    const detail = await t.api.request<Detail>('GET', `/signals/${signalId}`, { token });

    expect(detail.status).toBe(200);
    expect(detail.body.contactAttempts.map(({ kind, dagdeel }) => [kind, dagdeel])).toEqual([
      ['sms-whatsapp', 'middag'],
      ['overige', 'avond'],
    ]);
    expect(() => signalDetailSchema.parse(detail.body)).not.toThrow();
  });

  it('the team inbox lists it (200), and a new attempt on it is stored with the old ones renamed', async () => {
    const inbox = await t.api.request<{ items: { signalId: string }[] }>(
      'GET',
      '/teams/bt-sociaal-overvecht/signals',
      { token },
    );
    const added = await t.api.request<Detail>('POST', `/signals/${signalId}/contact-attempts`, {
      token,
      body: { kind: 'huisbezoek', reached: true, at: '2026-11-24T09:00:00Z' },
    });
    const { Item } = await documentClientOf(t.runtime.dynamodb).send(
      new GetCommand({ TableName: t.runtime.tableName, Key: signalKey(signalId) }),
    );

    expect(inbox.status).toBe(200);
    expect(inbox.body.items.map((item) => item.signalId)).toContain(signalId);
    expect(added.status).toBe(201);
    expect(added.body.contactAttempts.map(({ kind, dagdeel }) => [kind, dagdeel])).toEqual([
      ['sms-whatsapp', 'middag'],
      ['overige', 'avond'],
      ['huisbezoek', 'ochtend'],
    ]);
    expect((Item?.contactAttempts as { kind: string }[] | undefined)?.map((attempt) => attempt.kind)).toEqual(
      ['sms-whatsapp', 'overige', 'huisbezoek'],
    );
  });
});

type JsonSchema = {
  $ref?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  [keyword: string]: unknown;
};
interface OpenApi {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, JsonSchema> };
}

/**
 * A body schema of the document with its references into `#/components/schemas/` followed, as a
 * client's tooling would: the property, array item and body itself may each be a reference.
 */
function resolved(document: OpenApi, schema: JsonSchema | undefined): JsonSchema {
  const name = schema?.$ref?.replace('#/components/schemas/', '');
  return name ? resolved(document, document.components.schemas[name]) : (schema ?? {});
}

function bodySchema(document: OpenApi, content: unknown): JsonSchema {
  return resolved(
    document,
    (content as { 'application/json': { schema: JsonSchema } })['application/json'].schema,
  );
}

describe('D3: the generated OpenAPI document shows the vocabulary', () => {
  it('/openapi.json: the ten kinds in the request and in the detail, and the dagdeel enum', async () => {
    const response = await t.api.request<OpenApi>('GET', '/openapi.json');
    const operation = response.body.paths['/signals/{signalId}/contact-attempts']?.post as {
      requestBody: { content: unknown };
      responses: Record<string, { content: unknown }>;
    };
    const request = bodySchema(response.body, operation.requestBody.content).properties ?? {};
    const detail = bodySchema(response.body, operation.responses['201']?.content).properties ?? {};
    const attempt = resolved(response.body, detail.contactAttempts?.items).properties ?? {};

    expect(response.status).toBe(200);
    expect(request.kind).toMatchObject({ type: 'string', enum: TEN_KINDS });
    expect(attempt.kind).toMatchObject({ type: 'string', enum: TEN_KINDS });
    expect(attempt.dagdeel).toMatchObject({ type: 'string', enum: ['ochtend', 'middag', 'avond'] });
  });

  it('/openapi.json: closing names the outcome codes of outcome-codes.json, vervolghulp among them (O1)', async () => {
    const response = await t.api.request<OpenApi>('GET', '/openapi.json');
    const operation = response.body.paths['/signals/{signalId}/close']?.post as {
      requestBody: { content: unknown };
    };
    const outcome = bodySchema(response.body, operation.requestBody.content).properties?.outcome;

    expect(outcome?.enum).toEqual(outcomeCodes.outcomes.map((entry) => entry.code));
    expect(outcome?.enum).toContain('vervolghulp');
  });
});
