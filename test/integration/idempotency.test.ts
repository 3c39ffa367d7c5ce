import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSample } from '../support/samples.ts';
import { careReports, rentArrearsCsv } from './support/generated-intake.ts';
import { type ApiResponse, startTestRuntime, type TestRuntime } from './support/test-runtime.ts';

// Issue 11, acceptance 4 (DESIGN I5, whole-request idempotency): the same request sent again — the
// same bytes from the same partner, or the same Idempotency-Key — gets the first request's answer,
// whether the copies come one after another (a retry) or at the same moment (a client that did not
// wait). Different files that share rows are different requests: their rows get truthful statuses.
let t: TestRuntime;

type Line = { row?: number; index?: number; status: string; signalId?: string };
type Receipt = {
  uploadId: string;
  status: string;
  counts: Record<string, number>;
  rows?: Line[];
  items?: Line[];
};

beforeAll(async () => {
  t = await startTestRuntime();
  await t.setClock('2026-11-23T10:00:00+01:00');
});

afterAll(async () => {
  await t?.stop();
});

function postCsv(token: string, csv: string, headers: Record<string, string> = {}) {
  return t.api.request<Receipt>('POST', '/intake/rent-arrears?attest=sociale-incasso', {
    token,
    body: csv,
    headers: { 'content-type': 'text/csv', ...headers },
  });
}

const replayed = (response: ApiResponse<unknown>) => response.headers['idempotent-replayed'] === 'true';

async function storedUploads(source: string) {
  return (await t.scan()).filter((item) => item.type === 'upload' && item.source === source);
}

describe('the same rent-arrears file sent 5× at once and 2× after (acceptance 4)', () => {
  it('gets one receipt id and the counts of the first, and routes every row once', async () => {
    // Prepare: 200 rows, partly known already, so the counts are not just "all accepted".
    const csv = rentArrearsCsv(200, { seed: 1_111, prefix: 'ID-A' });
    const known = `${csv.split('\r\n').slice(0, 51).join('\r\n')}\r\n`; // header + the first 50 rows
    expect((await postCsv('dev-mitros', known)).body.counts.accepted).toBe(50);
    await t.drain();

    // Act: five at once, then two more, one after the other.
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => postCsv('dev-mitros', csv)));
    const sequential = [await postCsv('dev-mitros', csv), await postCsv('dev-mitros', csv)];
    await t.drain();

    // Assess
    const all = [...concurrent, ...sequential];
    expect(all.map((response) => response.status)).toEqual(Array(7).fill(202));
    const first = all.find((response) => !replayed(response)) as ApiResponse<Receipt>;
    expect(all.filter((response) => !replayed(response))).toHaveLength(1);
    expect(new Set(all.map((response) => response.body.uploadId))).toEqual(new Set([first.body.uploadId]));
    expect(first.body.counts).toEqual({
      received: 200,
      accepted: 150,
      rejected: 0,
      duplicate: 50,
      updated: 0,
    });
    for (const response of all) {
      expect(response.body.status).toBe('klaar');
      expect(response.body.counts).toEqual(first.body.counts);
      expect(response.body.rows).toEqual(first.body.rows);
    }
    // One stored receipt besides the first 50 rows' one; every row one signal.
    expect(await storedUploads('mitros')).toHaveLength(2);
    const signals = (await t.scan()).filter(
      (item) => item.type === 'signal' && String(item.sourceReference).startsWith('ID-A-'),
    );
    expect(signals).toHaveLength(200);
    expect(new Set(signals.map((item) => item.signalId)).size).toBe(200);
  });

  it('a different file sharing rows is a new request: its shared rows are duplicates, its new rows accepted', async () => {
    const csv = rentArrearsCsv(200, { seed: 1_111, prefix: 'ID-A' });
    const lines = csv.split('\r\n');
    // The last 100 rows of the first file and 100 new ones, as the next export would have them.
    const next = rentArrearsCsv(100, { seed: 2_222, prefix: 'ID-B' }).split('\r\n').slice(1);
    const overlapping = [lines[0], ...lines.slice(101, 201), ...next].join('\r\n');

    const response = await postCsv('dev-mitros', overlapping);

    expect(replayed(response)).toBe(false);
    expect(response.body.counts).toEqual({
      received: 200,
      accepted: 100,
      rejected: 0,
      duplicate: 100,
      updated: 0,
    });
  });
});

describe('Idempotency-Key (acceptance 4)', () => {
  const batch = JSON.parse(readSample('energy-debts-batch.json')) as { batchId: string; signals: unknown[] };

  it('an energy batch sent again with its key gets the first receipt; other bytes under the key are refused', async () => {
    // Prepare: the same batch, reformatted (other bytes), so only the key can tell it is the same.
    const key = 'wi-2026-11-batch-7f3c';
    const send = (body: string) =>
      t.api.request<Receipt>('POST', '/intake/energy-debts', {
        token: 'dev-werk-en-inkomen',
        body,
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
      });

    // Act
    const first = await send(JSON.stringify(batch));
    const retries = await Promise.all([send(JSON.stringify(batch)), send(JSON.stringify(batch))]);
    const other = await send(JSON.stringify({ ...batch, batchId: 'wi-2026-11-002' }));
    const reformatted = await send(JSON.stringify(batch, null, 2));

    // Assess
    expect(first.status).toBe(202);
    expect(replayed(first)).toBe(false);
    for (const retry of retries) {
      expect(retry.status).toBe(202);
      expect(replayed(retry)).toBe(true);
      expect(retry.body).toEqual(first.body);
    }
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ error: { code: 'idempotency-key-reused' } });
    // Other bytes, same key: a client error, never a second batch.
    expect(reformatted.status).toBe(422);
    expect(await storedUploads('werk-en-inkomen')).toHaveLength(1);
  });

  it('a care report sent again with its key gets the first answer (202 accepted), not "duplicate"', async () => {
    // Prepare
    const [report, other] = careReports(2, { seed: 3_333, prefix: 'ID-ZM' });
    const send = (body: unknown, key: string) =>
      t.api.request<{ signalId: string; status: string }>('POST', '/intake/care-reports', {
        token: 'dev-politie',
        body,
        headers: { 'idempotency-key': key },
      });

    // Act: a retry with the key, two at once with another key, and the report again without a key.
    const first = await send(report, 'zm-key-1');
    const retry = await send(report, 'zm-key-1');
    const racing = await Promise.all([send(other, 'zm-key-2'), send(other, 'zm-key-2')]);
    const withoutKey = await t.api.request<{ signalId: string; status: string }>(
      'POST',
      '/intake/care-reports',
      { token: 'dev-politie', body: report },
    );
    await t.drain();

    // Assess
    expect([first.status, first.body.status]).toEqual([202, 'accepted']);
    expect([retry.status, retry.body, replayed(retry)]).toEqual([202, first.body, true]);
    expect(racing.map((response) => response.status)).toEqual([202, 202]);
    expect(new Set(racing.map((response) => response.body.signalId)).size).toBe(1);
    expect(racing.filter(replayed)).toHaveLength(1);
    // Without a key the report id decides (I5): the same report is a duplicate.
    expect([withoutKey.status, withoutKey.body]).toEqual([
      200,
      { signalId: first.body.signalId, status: 'duplicate' },
    ]);
    for (const signalId of [first.body.signalId, racing[0]?.body.signalId]) {
      expect((await t.api.request('GET', `/signals/${signalId}`, { token: 'dev-admin' })).status).toBe(200);
    }
  });

  it('a key that is no printable ASCII (or over 255 characters) is a 400', async () => {
    const response = await t.api.request('POST', '/intake/care-reports', {
      token: 'dev-politie',
      body: careReports(1, { seed: 4_444, prefix: 'ID-ZK' })[0],
      headers: { 'idempotency-key': 'x'.repeat(256) },
    });

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'invalid-idempotency-key' } });
  });
});
