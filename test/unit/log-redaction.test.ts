import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

// DESIGN P2 for the real logger of shared/observability.ts: what it writes to stdout/stderr holds
// no personal data, keeps ids and codes, and never contains the invocation event — not even with
// POWERTOOLS_LOGGER_LOG_EVENT=true, which Powertools reads when the logger is created (hence the
// environment first, then the import).
vi.stubEnv('POWERTOOLS_LOGGER_LOG_EVENT', 'true');
vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'INFO');
vi.stubEnv('POWERTOOLS_DEV', 'false');

type Observability = typeof import('../../shared/observability.ts');
let logger: Observability['logger'];

beforeAll(async () => {
  ({ logger } = await import('../../shared/observability.ts'));
});

afterAll(() => {
  vi.unstubAllEnvs();
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Everything written to stdout and stderr until `output()` is read; Powertools writes there. */
function captureOutput(): { output: () => string; entry: (index: number) => Record<string, unknown> } {
  const chunks: string[] = [];
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation(((chunk: string | Uint8Array) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    }) as typeof stream.write);
  }
  const output = () => chunks.join('');
  /** The index-th JSON log entry written. */
  const entry = (index: number) => {
    const line = output()
      .split('\n')
      .filter((text) => text.startsWith('{'))
      .at(index);
    if (line === undefined) throw new Error(`no log entry ${index} in: ${output()}`);
    return JSON.parse(line) as Record<string, unknown>;
  };
  return { output, entry };
}

const IDS_AND_CODES = {
  signalId: 'sig_abc123',
  receivedAt: '2026-11-23T10:00:00.000Z',
  teamId: 'bt-jg-overvecht',
  uploadId: '3f2a1b4c-1234-4abc-8def-0123456789ab',
  storedUploadId: 'upl_0123456789abcdef0123456789abcdef',
  sourceReference: 'PL0900-2026-123456',
  rule: 'R3',
  rowCount: 30000,
  durationMs: 1834,
};

const PERSON = {
  initials: 'A.C.',
  prefix: 'de',
  surname: 'Pietersma',
  birthDate: '1971-02-03',
  bsn: '111222333',
};
const ADDRESS = { street: 'Bernadottelaan', houseNumber: 12, postcode: '3561 AB', city: 'Utrecht' };
const CONTACT = { phone: '06-12345678', email: 'a.pietersma@example.nl' };
const SUMMARY = 'Buren melden verward gedrag bij de familie Pietersma.';

/** Every personal value above, as it could appear in the output. */
const PERSONAL_VALUES = [
  'A.C.',
  'Pietersma',
  '1971-02-03',
  '111222333',
  'Bernadottelaan',
  '3561 AB',
  '3561AB',
  '06-12345678',
  'a.pietersma@example.nl',
  SUMMARY,
];

function expectNoPersonalData(output: string): void {
  for (const value of PERSONAL_VALUES) {
    expect(output, `personal data in the log: ${value}`).not.toContain(value);
  }
}

describe('the logger redacts personal data (DESIGN P2)', () => {
  it('removes the person, address, contact details and summary of a nested signal, keeps its ids and codes', () => {
    // Prepare
    const capture = captureOutput();
    const signal = { ...IDS_AND_CODES, person: PERSON, address: ADDRESS, ...CONTACT, summary: SUMMARY };

    // Act
    logger.info('Signaal verwerkt', { signal, signals: [signal, signal] });

    // Assess
    expectNoPersonalData(capture.output());
    const entry = capture.entry(0);
    expect(entry).toMatchObject({
      level: 'INFO',
      message: 'Signaal verwerkt',
      service: 'buurtsignaal',
      signal: { ...IDS_AND_CODES, person: '[verwijderd]', address: '[verwijderd]', phone: '[verwijderd]' },
    });
    expect((entry.signals as unknown[])[1]).toMatchObject({ ...IDS_AND_CODES, summary: '[verwijderd]' });
  });

  it('removes each personal field on its own, at any depth and in any spelling of its name', () => {
    // Prepare: a flat row (as a partner file has it) under neutral keys, so no parent key hides it.
    const capture = captureOutput();
    const row = {
      ...PERSON,
      ...ADDRESS,
      ...CONTACT,
      summary: SUMMARY,
      firstName: 'Pietersma',
      lastName: 'Pietersma',
      name: 'Pietersma',
      displayName: 'A.C. de Pietersma',
      houseNumberSuffix: 'bis-Pietersma',
      note: 'Pietersma gebeld',
      reason: 'Pietersma is verhuisd',
      household: { adults: 'Pietersma' },
      minors: [{ given: 'Pietersma' }],
    };

    // Act
    logger.info('Rij gelezen', { upload: { rows: [{ row: 3, fields: row }] } });
    logger.info('Rij gelezen', { SURNAME: 'Pietersma', Birth_Date: '1971-02-03', 'house-number': 12 });

    // Assess
    expectNoPersonalData(capture.output());
    const upload = capture.entry(0).upload as { rows: { row: number; fields: Record<string, unknown> }[] };
    expect(upload.rows[0]?.row).toBe(3);
    for (const key of Object.keys(row)) expect(upload.rows[0]?.fields[key], key).toBe('[verwijderd]');
    expect(capture.entry(1)).toMatchObject({
      SURNAME: '[verwijderd]',
      Birth_Date: '[verwijderd]',
      'house-number': '[verwijderd]',
    });
  });

  it("removes DDAS v1.2's minimised client (X2) of a not-routed record, both forms, keeps its ids and codes", () => {
    // Prepare: as NotRoutedSignal.client holds it — the BSN alone, or address and birth date.
    const capture = captureOutput();
    const withBsn = { burgerservicenummer: '111222333' };
    const byAddress = {
      postcode: '3527AB',
      huisnummer: '15',
      huisnummertoevoeging: 'bis',
      geboortedatum: '1995-09-23',
    };
    const record = { signalId: 'sig_abc123', status: 'not-routed', outcome: 'niet-opgepakt-onterecht' };

    // Act
    logger.info('Niet gerouteerd', {
      records: [
        { ...record, client: withBsn },
        { ...record, client: byAddress },
      ],
    });
    logger.info('Niet gerouteerd', { Burgerservicenummer: 'NL-111222333', HUISNUMMER_TOEVOEGING: 'bis' });

    // Assess
    const output = capture.output();
    for (const value of ['111222333', '3527AB', '1995-09-23', 'bis', '"15"']) {
      expect(output, `personal data in the log: ${value}`).not.toContain(value);
    }
    expect((capture.entry(0).records as unknown[])[0]).toEqual({
      ...record,
      client: { burgerservicenummer: '[verwijderd]' },
    });
    expect((capture.entry(0).records as unknown[])[1]).toEqual({
      ...record,
      client: {
        postcode: '[verwijderd]',
        huisnummer: '[verwijderd]',
        huisnummertoevoeging: '[verwijderd]',
        geboortedatum: '[verwijderd]',
      },
    });
    expect(capture.entry(1)).toMatchObject({
      Burgerservicenummer: '[verwijderd]',
      HUISNUMMER_TOEVOEGING: '[verwijderd]',
    });
  });

  it('removes a raw request body, whatever it holds', () => {
    // Prepare
    const capture = captureOutput();
    const body = JSON.stringify({ person: { surname: 'Pietersma' } });

    // Act
    logger.info('Verzoek', { request: { body, rawBody: Buffer.from(body) } });

    // Assess
    expect(capture.output()).not.toContain('Pietersma');
    expect(capture.entry(0)).toMatchObject({
      request: { body: '[verwijderd]', rawBody: '[verwijderd]' },
    });
  });

  it('removes a BSN and a postcode from an error message and stack, keeps the error name and code', () => {
    // Prepare
    const capture = captureOutput();
    const cause = new TypeError('Onbekende postcode 3561AB');
    const error = Object.assign(new Error('Geen huishouden voor BSN 111222333 op 3561 AB', { cause }), {
      code: 'household-not-found',
      person: PERSON,
    });

    // Act
    logger.error('Onverwachte fout', error);
    logger.error({ message: 'Onverwachte fout', error, signalId: 'sig_abc123' });

    // Assess
    expectNoPersonalData(capture.output());
    const written = capture.entry(0).error as Record<string, unknown>;
    expect(written).toMatchObject({
      name: 'Error',
      message: 'Geen huishouden voor BSN [verwijderd] op [verwijderd]',
      code: 'household-not-found',
      person: '[verwijderd]',
      cause: { name: 'TypeError', message: 'Onbekende postcode [verwijderd]' },
    });
    expect(String(written.stack)).toContain('[verwijderd]');
    expect(capture.entry(1)).toMatchObject({ signalId: 'sig_abc123', error: { name: 'Error' } });
  });

  it('removes an e-mail address from the message itself', () => {
    // Prepare
    const capture = captureOutput();

    // Act
    logger.warn('Melding van a.pietersma@example.nl voor sig_abc123 niet bezorgd');

    // Assess
    expectNoPersonalData(capture.output());
    expect(capture.entry(0)).toMatchObject({
      level: 'WARN',
      message: 'Melding van [verwijderd] voor sig_abc123 niet bezorgd',
    });
  });

  it('finds BSNs, postcodes, e-mail addresses and Dutch phone numbers in any string', () => {
    // Prepare
    const capture = captureOutput();
    const texts = [
      'bsn 111222333',
      'bsn 111.222.333',
      'bsn 1112.22.333',
      'postcode 3561AB',
      'postcode 3562cd',
      'postcode 3561 AB',
      'mail m.ozdemir@example.nl',
      'bel 0612345678',
      'bel 06-12345678',
      'bel 06 1234 5678',
      'bel +31612345678',
      'bel +31 6 12345678',
      'bel 0031 6 12345678',
      'bel 030-1234567',
      'bel (030) 123 45 67',
      'bel +31 (0)30 1234567',
    ];

    // Act
    logger.info('Teksten', { texts, bsnAsNumber: 111222333 });

    // Assess
    const entry = capture.entry(0);
    expect(entry.texts).toEqual(texts.map((text) => `${text.split(' ')[0]} [verwijderd]`));
    expect(entry.bsnAsNumber).toBe('[verwijderd]');
  });

  it('keeps ids, timestamps, request ids, counts and durations as they are', () => {
    // Prepare
    const capture = captureOutput();
    const kept = {
      ...IDS_AND_CODES,
      requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
      messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
      hash: '1234ab9c0d1e2f3a4b5c6d7e8f901234',
      batchId: 'wi-2026-11-001',
      reference: 'E-2026-000123',
      deadlineAt: '2026-11-30T23:59:59.999+01:00',
      dueDate: '2026-11-30',
      counts: { received: 30000, accepted: 29874, rejected: 126 },
      timing: 'klaar na 3000 ms, in 2026 en 2027',
      amount: 1234.56,
      ratio: 0.123456789,
      arn: 'arn:aws:lambda:eu-west-1:123456789012:function:RouteSignals',
    };

    // Act
    logger.info('Upload verwerkt', kept);

    // Assess
    expect(capture.entry(0)).toMatchObject(kept);
  });

  it('writes the standard Powertools keys in their usual form', () => {
    // Prepare
    const capture = captureOutput();
    const context = {
      functionName: 'RouteSignals',
      functionVersion: '$LATEST',
      invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:RouteSignals',
      memoryLimitInMB: '1024',
      awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
    } as Context;
    vi.stubEnv(
      '_X_AMZN_TRACE_ID',
      'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1',
    );

    // Act
    logger.addContext(context);
    logger.info('Signaal verwerkt');

    // Assess
    const entry = capture.entry(0);
    expect(entry).toMatchObject({
      level: 'INFO',
      message: 'Signaal verwerkt',
      service: 'buurtsignaal',
      cold_start: expect.any(Boolean),
      function_name: 'RouteSignals',
      function_arn: context.invokedFunctionArn,
      function_memory_size: '1024',
      function_request_id: context.awsRequestId,
      xray_trace_id: '1-5759e988-bd862e3fe1be46a994272793',
    });
    expect(Number.isNaN(Date.parse(entry.timestamp as string))).toBe(false);
  });
});

describe('no event in the logs, no payload in the traces (DESIGN P2)', () => {
  const event = {
    version: '2.0',
    routeKey: 'GET /health',
    rawPath: '/health',
    rawQueryString: 'naam=Pietersma',
    headers: { 'x-naam': 'Pietersma' },
    queryStringParameters: { naam: 'Pietersma' },
    isBase64Encoded: false,
    requestContext: { http: { method: 'GET', path: '/health' } },
  } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
  const context = { functionName: 'Health', awsRequestId: 'req-1' } as Context;

  it('an HTTP handler does not log its event, even with POWERTOOLS_LOGGER_LOG_EVENT=true', async () => {
    // Prepare
    const { apiHandler } = await import('../../shared/http/api-handler.ts');
    const { OPERATIONS } = await import('../../shared/api/operations.ts');
    const { jsonResponse } = await import('../../shared/http/http-error.ts');
    const handler = apiHandler(OPERATIONS.health, async () => {
      logger.info('Gezondheid gevraagd');
      return jsonResponse(200, { status: 'ok' });
    });
    const capture = captureOutput();

    // Act
    const result = await handler(event, context);

    // Assess
    expect(result.statusCode).toBe(200);
    expect(capture.output()).toContain('Gezondheid gevraagd');
    expect(capture.output()).not.toContain('Lambda invocation event');
    expect(capture.output()).not.toContain('Pietersma');
  });

  it('the logger refuses to log an event, whatever the middleware option or the environment says', async () => {
    // Prepare
    const fromEnvironment = middy(async () => 'ok').use(injectLambdaContext(logger, { resetKeys: true }));
    const asked = middy(async () => 'ok').use(injectLambdaContext(logger, { logEvent: true }));
    const capture = captureOutput();

    // Act
    await fromEnvironment(event, context);
    await asked(event, context);
    logger.logEventIfEnabled(event, true);

    // Assess
    expect(logger.getLogEvent()).toBe(false);
    expect(capture.output()).not.toContain('Lambda invocation event');
    expect(capture.output()).not.toContain('Pietersma');
  });
});
