import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSdkMiddleware } from '../../shared/adapters/aws-clients.ts';
import { signalIdFor } from '../../shared/domain/household-key.ts';
import { QUEUES } from '../../shared/resources.ts';
import { careReports, rentArrearsCsv } from './support/generated-intake.ts';
import { capturedLogs } from './support/log-capture.ts';
import { readWholeReceipt } from './support/receipt-pages.ts';
import { dlqDepth as dlqDepthOf } from './support/table-reads.ts';
import { startTestRuntime, type TestRuntime } from './support/test-runtime.ts';

// Issue 11, acceptance 2 (DESIGN I1): a pack in which the store fails for one item. The fault sits
// in the DynamoDB client under the repository and refuses every write of one signal id, as DynamoDB
// refuses an item it cannot store. The other items of the pack are stored once; the failed one is
// retried with its message and, at the last try, recorded as failed on its receipt line
// (`fout-bij-verwerking`) instead of staying `ontvangen` for ever; the DLQ's log line names the
// error's code. Once the fault is gone the redrive stores it.
let t: TestRuntime;
const run = promisify(execFile);
const ROWS = 30;
const PREFIX = 'IF-HUUR';

type Line = { row: number; status: string; signalId?: string; feedback?: string };
type Receipt = { uploadId: string; status: string; counts: Record<string, number>; rows: Line[] };

beforeAll(async () => {
  t = await startTestRuntime({ retryDelaySeconds: 1, metrics: true });
  await t.setClock('2026-11-23T10:00:00+01:00');
});

afterAll(async () => {
  await t?.stop();
});

type WrittenItem = { pk?: unknown; type?: unknown; sourceReference?: unknown };

/** A DynamoDB write of the signal itself (not its failure record) for `signalId` fails. */
function refuseWritesOf(signalId: string, refused: { count: number }) {
  return refuseWrites((item) => item?.pk === `SIGNAL#${signalId}` && item.type === 'signal', refused);
}

function refuseWrites(isTheSignal: (item: WrittenItem | undefined) => boolean, refused: { count: number }) {
  return addSdkMiddleware(
    (next, context) => async (args: { input: object }) => {
      const input = args.input as {
        Item?: WrittenItem;
        RequestItems?: Record<string, { PutRequest?: { Item?: WrittenItem } }[]>;
      };
      const batch = Object.values(input.RequestItems ?? {}).flat();
      const hit =
        (['PutItemCommand', 'PutCommand'].includes(context.commandName) && isTheSignal(input.Item)) ||
        (context.commandName === 'BatchWriteItemCommand' &&
          batch.some((request) => isTheSignal(request.PutRequest?.Item)));
      if (!hit) return next(args);
      refused.count++;
      throw Object.assign(new Error('Item size has exceeded the maximum allowed size'), {
        name: 'ValidationException',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 },
      });
    },
    { name: 'faultOneSignal', step: 'initialize' },
  );
}

const dlqDepth = () => dlqDepthOf(t.runtime.sqs, t.runtime.queues.signals.deadLetterUrl);

const receipt = async (uploadId: string) =>
  (await readWholeReceipt<Receipt>(t.api, uploadId, 'dev-bo-ex')).receipt;

describe('the store fails for one item of a pack (issue 11, acceptance 2; DESIGN I1)', () => {
  it('stores the others once, shows the failure on its receipt line, logs the code at the DLQ, and stores it after the redrive', {
    timeout: 120_000,
  }, async () => {
    // Prepare: 30 rows, one pack; the secret of this data directory gives row 12's signal id (I5).
    const secret = readFileSync(join(t.dataDir, 'household-key.secret'), 'utf8').trim();
    const csv = rentArrearsCsv(ROWS, { seed: 20_261_130, prefix: PREFIX });
    const [, , , , , , since] = (csv.split('\r\n')[11] as string).split(';');
    const [day, month, year] = (since as string).split('-');
    const failingId = signalIdFor(
      ['bo-ex', 'huurachterstand', `${PREFIX}-00010`, `${year}-${month}-${day}`],
      secret,
    );
    const refused = { count: 0 };
    const removeFault = refuseWritesOf(failingId, refused);
    const logOffset = capturedLogs().length;

    // Act
    let upload: Receipt;
    try {
      upload = (
        await t.api.request<Receipt>('POST', '/intake/rent-arrears?attest=sociale-incasso', {
          token: 'dev-bo-ex',
          body: csv,
          headers: { 'content-type': 'text/csv' },
        })
      ).body;
      await t.drain();
    } finally {
      removeFault();
    }
    const afterFailure = await receipt(upload.uploadId);
    const storedAfterFailure = await t.scan();
    const deadLettered = await dlqDepth();
    const logs = capturedLogs().slice(logOffset);

    // Assess: accepted at intake; the pack stored all but one, each once.
    expect(upload.counts).toMatchObject({ received: ROWS, accepted: ROWS });
    const failingLine = upload.rows.find((line) => line.signalId === failingId) as Line;
    expect(failingLine.row).toBe(12);
    const signals = storedAfterFailure.filter(
      (item) => item.type === 'signal' && String(item.sourceReference).startsWith(PREFIX),
    );
    expect(signals).toHaveLength(ROWS - 1);
    expect(new Set(signals.map((item) => item.signalId)).size).toBe(ROWS - 1);
    expect(signals.map((item) => item.signalId)).not.toContain(failingId);
    // The failure, where the signal would be: the code for the service team, nothing personal.
    const failure = storedAfterFailure.find((item) => item.pk === `SIGNAL#${failingId}`);
    expect(failure).toMatchObject({ type: 'failed-signal', status: 'failed', code: 'ValidationException' });
    expect(Object.keys(failure as object)).not.toContain('person');
    // Tried at every delivery (the batch, then on its own), then the DLQ.
    expect(refused.count).toBeGreaterThanOrEqual(QUEUES.signals.maxReceiveCount);
    expect(deadLettered).toBe(1);
    // The partner sees it failed, the others as received.
    const feedback = new Map(afterFailure.rows.map((line) => [line.row, line.feedback]));
    expect(feedback.get(12)).toBe('fout-bij-verwerking');
    expect([...feedback].filter(([row]) => row !== 12).every(([, value]) => value === 'ontvangen')).toBe(
      true,
    );
    // The DLQ's log line has the code and the message id, and nothing of the data (P2).
    const deadLetterLines = logs
      .split('\n')
      .filter((line) => line.includes('"Bericht gaat naar de dead-letter queue"'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(deadLetterLines).toEqual([
      expect.objectContaining({
        level: 'ERROR',
        errorCode: 'ValidationException',
        messageId: expect.any(String),
        receiveCount: QUEUES.signals.maxReceiveCount,
      }),
    ]);
    expect(JSON.stringify(deadLetterLines)).not.toContain(PREFIX);

    // Act: the fault is gone; the operator redrives the DLQ.
    writeFileSync(join(t.dataDir, 'runtime.json'), JSON.stringify({ sqs: t.runtime.endpoints.sqs }));
    await run(process.execPath, ['scripts/redrive.ts'], { env: { ...process.env, DATA_DIR: t.dataDir } });
    await t.drain();

    // Assess: stored now, once; the others untouched; the receipt line says received.
    const stored = (await t.scan()).filter(
      (item) => String(item.pk).startsWith('SIGNAL#') && String(item.sourceReference).startsWith(PREFIX),
    );
    expect(stored).toHaveLength(ROWS);
    expect(stored.every((item) => item.type === 'signal')).toBe(true);
    expect((await receipt(upload.uploadId)).rows.find((line) => line.row === 12)?.feedback).toBe('ontvangen');
    expect(await dlqDepth()).toBe(0);
  });
});

describe('a care report that cannot be stored (DESIGN I1)', () => {
  it('is retried, then the police see fout-bij-verwerking; after the redrive it is stored', {
    timeout: 120_000,
  }, async () => {
    // Prepare
    const [report] = careReports(1, { seed: 20_261_201, prefix: 'IF-ZM' }) as [Record<string, unknown>];
    const refused = { count: 0 };
    const removeFault = refuseWrites(
      (item) => item?.type === 'signal' && item.sourceReference === report.reportId,
      refused,
    );
    const feedback = async () =>
      (
        await t.api.request<{ feedback: string }>('GET', `/intake/care-reports/${report.reportId}`, {
          token: 'dev-politie',
        })
      ).body.feedback;

    // Act
    let accepted: { signalId: string; status: string };
    try {
      accepted = (
        await t.api.request<{ signalId: string; status: string }>('POST', '/intake/care-reports', {
          token: 'dev-politie',
          body: report,
        })
      ).body;
      await t.drain();
    } finally {
      removeFault();
    }
    const afterFailure = await feedback();
    const outstanding = (await t.scan()).filter((item) => item.type === 'outstanding');
    writeFileSync(join(t.dataDir, 'runtime.json'), JSON.stringify({ sqs: t.runtime.endpoints.sqs }));
    await run(process.execPath, ['scripts/redrive.ts'], { env: { ...process.env, DATA_DIR: t.dataDir } });
    await t.drain();

    // Assess: tried at every delivery, then failed for the police to see; no longer outstanding.
    expect(accepted.status).toBe('accepted');
    expect(refused.count).toBe(QUEUES.signals.maxReceiveCount);
    expect(afterFailure).toBe('fout-bij-verwerking');
    expect(outstanding.filter((item) => String(item.id).endsWith(String(report.reportId)))).toEqual([]);
    // Redriven once the fault is gone: stored, once.
    expect(await feedback()).toBe('ontvangen');
    const signal = await t.api.request('GET', `/signals/${accepted.signalId}`, { token: 'dev-admin' });
    expect(signal.status).toBe(200);
    expect(await dlqDepth()).toBe(0);
  });
});
