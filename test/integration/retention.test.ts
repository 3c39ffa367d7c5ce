import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClientOf } from '../../shared/adapters/aws-clients.ts';
import { TABLE } from '../../shared/resources.ts';
import { sampleCareReports, samplePersonalData } from '../support/samples.ts';
import { startTestRuntime, type TestRuntime } from './support/test-runtime.ts';

// Issue 6 acceptance 3, DESIGN P1 on the test clock: a never-picked-up signal is gone 6 months after
// receipt, a closed one 12 months after closing — from the table and every index — each with a
// deletion-log entry; nothing else is deleted. Reads ignore expired items before the purge comes.
// Issue 11: nothing is kept for ever — a picked-up signal never closed goes 12 months after its last
// activity (`inactive`), a Veilig Thuis forward 6 months after receipt (`forwarded`).
type Item = Record<string, unknown>;

const base = sampleCareReports()[0] as Record<string, unknown>; // Sociaal Overvecht, 3561AB 4
const TEAM = 'bt-sociaal-overvecht';
const MEMBER = `dev-${TEAM}`;
const CSV_HEADER =
  'huurdernummer;achternaam;geboortedatum;postcode;huisnummer;achterstand_bedrag;achterstand_sinds;aantal_minderjarigen';
const ids = { neverPickedUp: '', closed: '', pickedUp: '', belowThreshold: '', uploadId: '', forwarded: '' };
let t: TestRuntime;
let before: Item[] = [];

async function careReport(
  reportId: string,
  houseNumber: number,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const response = await t.api.request<{ signalId: string }>('POST', '/intake/care-reports', {
    token: 'dev-politie',
    body: { ...base, reportId, address: { postcode: '3561AB', houseNumber }, ...overrides },
  });
  expect(response.status).toBe(202);
  return response.body.signalId;
}

async function setClock(now: string): Promise<{ purged: number }> {
  const response = await t.api.request<{ purged: number }>('POST', '/_local/clock', {
    token: 'dev-admin',
    body: { now },
  });
  expect(response.status).toBe(200);
  return response.body;
}

const keyOf = (item: Item) => `${item.pk}|${item.sk}`;
const mentions = (item: Item, signalId: string) => JSON.stringify(item).includes(signalId);

/** Every entry of every index, read from the index itself. */
async function indexEntries(): Promise<Item[]> {
  const client = documentClientOf(t.runtime.dynamodb);
  const pages = await Promise.all(
    Object.values(TABLE.indexes).map((index) =>
      client.send(new ScanCommand({ TableName: t.runtime.tableName, IndexName: index.name })),
    ),
  );
  return pages.flatMap((page) => page.Items ?? []);
}

beforeAll(async () => {
  t = await startTestRuntime();
  // Monday 23 November 2026, 10:00 in Utrecht (09:00 UTC).
  await setClock('2026-11-23T10:00:00+01:00');
  ids.neverPickedUp = await careReport('PL-RET-A', 4);
  ids.closed = await careReport('PL-RET-B', 40);
  ids.pickedUp = await careReport('PL-RET-C', 41);
  const upload = await t.api.request<{ uploadId: string; rows: { signalId: string }[] }>(
    'POST',
    '/intake/rent-arrears?attest=sociale-incasso',
    {
      token: 'dev-bo-ex',
      // Below the €75 threshold: accepted, not routed (I4) — kept only as a not-routed record.
      body: `${CSV_HEADER}\nHN-RET-1;Klein;01-01-1980;3561AB;50;60,00;01-10-2026;0\n`,
      headers: { 'content-type': 'text/csv' },
    },
  );
  ids.belowThreshold = upload.body.rows[0]?.signalId as string;
  ids.uploadId = upload.body.uploadId;
  await t.drain();

  // Past the deadline: the signals nobody reached escalate (records and index entries to clean up).
  await setClock('2026-12-01T09:00:00+01:00');
  // Wednesday 2 December 10:00: B is reached and closed; Thursday 3 December C gets an unanswered
  // letter, and nothing else ever happens to it.
  await setClock('2026-12-02T10:00:00+01:00');
  for (const [path, body] of [
    ['contact-attempts', { kind: 'telefoon', reached: true }],
    ['close', { outcome: 'advies-quick-fix' }],
  ] as const) {
    const response = await t.api.request('POST', `/signals/${ids.closed}/${path}`, { token: MEMBER, body });
    expect(response.status).toBeLessThan(300);
  }
  await setClock('2026-12-03T10:00:00+01:00');
  const letter = await t.api.request('POST', `/signals/${ids.pickedUp}/contact-attempts`, {
    token: MEMBER,
    body: { kind: 'brief', reached: false },
  });
  expect(letter.status).toBe(201);
  await t.api.request('GET', `/signals/${ids.neverPickedUp}`, { token: MEMBER }); // an audit entry
  before = await t.scan();
});

afterAll(async () => {
  await t?.stop();
});

describe('expiry on the items (P1)', () => {
  const signalItem = (signalId: string) =>
    before.find((item) => item.pk === `SIGNAL#${signalId}` && item.sk === 'SIGNAL');

  it('never picked up: 6 months after receipt; closed: 12 months after closing; picked up: 12 months after its last activity', () => {
    const epoch = (iso: string) => Date.parse(iso) / 1000;

    expect(signalItem(ids.neverPickedUp)?.expiresAt).toBe(epoch('2027-05-23T09:00:00Z'));
    expect(signalItem(ids.belowThreshold)?.expiresAt).toBe(epoch('2027-05-23T09:00:00Z'));
    expect(signalItem(ids.closed)?.expiresAt).toBe(epoch('2027-12-02T09:00:00Z'));
    // Recording the attempt put the whole item again: expiry, reason and index key moved with it.
    expect(signalItem(ids.pickedUp)).toMatchObject({
      expiresAt: epoch('2027-12-03T09:00:00Z'),
      retentionReason: 'inactive',
      retentionSk: `2027-12-03T09:00:00.000Z#${ids.pickedUp}`,
    });
  });

  it('a household expires with its last signal', () => {
    const households = before.filter((item) => String(item.pk).startsWith('HOUSEHOLD#'));
    const holding = (signalId: string) =>
      households.find((item) => Object.keys(item.entries as object).includes(signalId));

    expect(holding(ids.neverPickedUp)?.expiresAt).toBe(Date.parse('2027-05-23T09:00:00Z') / 1000);
    expect(holding(ids.pickedUp)?.expiresAt).toBe(Date.parse('2027-12-03T09:00:00Z') / 1000);
  });
});

describe('reads ignore what has expired, before the purge has run', () => {
  it('the signal page and the inbox no longer show it, though it is still stored', async () => {
    // The runtime's clock moved directly: no schedule runs, so nothing is deleted yet.
    t.runtime.clock.set(new Date('2027-05-23T11:00:00+02:00'), 'frozen');

    const page = await t.api.request('GET', `/signals/${ids.neverPickedUp}`, { token: 'dev-admin' });
    const inbox = await t.api.request<{ items: { signalId: string }[] }>('GET', `/teams/${TEAM}/signals`, {
      token: MEMBER,
    });
    const counts = await t.api.request<{ open: number }>('GET', `/teams/${TEAM}/signal-counts`, {
      token: MEMBER,
    });

    expect(page.status).toBe(404);
    expect(inbox.body.items.map((item) => item.signalId).sort()).toEqual([ids.pickedUp]);
    expect(counts.body.open).toBe(1);
    expect((await t.scan()).some((item) => item.pk === `SIGNAL#${ids.neverPickedUp}`)).toBe(true);
  });
});

describe('the purge, 6 months after receipt', () => {
  let after: Item[] = [];

  beforeAll(async () => {
    expect((await setClock('2027-05-23T10:59:59+02:00')).purged).toBe(0);
    expect((await setClock('2027-05-23T11:00:00+02:00')).purged).toBe(2);
    after = await t.scan();
  });

  it('deletes the never-picked-up signal and the below-threshold record, with everything under them', () => {
    for (const signalId of [ids.neverPickedUp, ids.belowThreshold]) {
      expect(after.filter((item) => item.pk === `SIGNAL#${signalId}`)).toEqual([]);
    }
    // It had escalations: their records went with it.
    expect(before.filter((item) => item.pk === `SIGNAL#${ids.neverPickedUp}`).length).toBeGreaterThan(1);
  });

  it('leaves no trace of them in any index', async () => {
    const entries = await indexEntries();

    expect(entries.length).toBeGreaterThan(0);
    for (const signalId of [ids.neverPickedUp, ids.belowThreshold]) {
      // The deletion log's own entry (`DELETED#…`, listed by month on the inbox) is no trace; its
      // `type` is not projected there (issue 13), its key always is.
      const traces = entries.filter(
        (entry) => mentions(entry, signalId) && !String(entry.pk).startsWith('DELETED#'),
      );
      expect(traces).toEqual([]);
    }
  });

  it('takes them out of their households, and a household left empty goes too', () => {
    const households = after.filter((item) => String(item.pk).startsWith('HOUSEHOLD#'));

    for (const signalId of [ids.neverPickedUp, ids.belowThreshold]) {
      expect(households.filter((item) => mentions(item, signalId))).toEqual([]);
    }
    expect(households.length).toBe(
      before.filter((item) => String(item.pk).startsWith('HOUSEHOLD#')).length - 2,
    );
  });

  it('writes a deletion-log entry for each: id, source, dates, reason — no personal data', () => {
    const log = after.find((item) => item.pk === `DELETED#${ids.neverPickedUp}`);

    expect(log).toMatchObject({
      signalId: ids.neverPickedUp,
      source: 'politie-utrecht',
      kind: 'zorgmelding',
      receivedAt: '2026-11-23T10:00:00+01:00',
      expiresAt: '2027-05-23T09:00:00.000Z',
      reason: 'never-picked-up',
      deletedAt: '2027-05-23T09:00:00.000Z',
      feedback: 'niet-opgepakt',
    });
    expect(after.find((item) => item.pk === `DELETED#${ids.belowThreshold}`)).toMatchObject({
      source: 'bo-ex',
      reason: 'never-picked-up',
    });
    const logs = JSON.stringify(after.filter((item) => item.type === 'deletion'));
    for (const value of [...samplePersonalData(), 'Klein', '3561AB', 'HN-RET-1']) {
      expect(logs).not.toContain(value);
    }
  });

  it("the below-threshold record's DDAS client (X2) went with it, and is in no deletion-log entry (P1)", () => {
    // Prepare-time fact: the record kept the minimised client until its expiry (no BSN in the row).
    const client = { postcode: '3561AB', huisnummer: '50', geboortedatum: '1980-01-01' };
    expect(
      before.find((item) => item.pk === `SIGNAL#${ids.belowThreshold}` && item.sk === 'SIGNAL'),
    ).toMatchObject({ type: 'not-routed-signal', client });

    const anywhere = JSON.stringify(after);
    expect(anywhere).not.toContain('1980-01-01');
    expect(after.filter((item) => 'client' in item)).toEqual([]);
    expect(after.find((item) => item.pk === `DELETED#${ids.belowThreshold}`)).not.toHaveProperty('client');
  });

  it('deletes nothing else: every other item is still there', () => {
    const gone = new Set(
      [
        ...before.filter((item) => item.pk === `SIGNAL#${ids.neverPickedUp}`),
        ...before.filter((item) => item.pk === `SIGNAL#${ids.belowThreshold}`),
        ...before.filter(
          (item) =>
            String(item.pk).startsWith('HOUSEHOLD#') &&
            (mentions(item, ids.neverPickedUp) || mentions(item, ids.belowThreshold)),
        ),
      ].map(keyOf),
    );
    const kept = new Set(after.map(keyOf));

    expect(before.filter((item) => !gone.has(keyOf(item)) && !kept.has(keyOf(item))).map(keyOf)).toEqual([]);
    // The audit trail outlives the data it was about (P3): who looked stays known.
    expect(after.some((item) => item.pk === `AUDIT#${ids.neverPickedUp}`)).toBe(true);
  });

  it('partners keep their final feedback: niet-opgepakt', async () => {
    const police = await t.api.request('GET', '/intake/care-reports/PL-RET-A', { token: 'dev-politie' });
    const corporation = await t.api.request<{ rows: { feedback: string }[] }>(
      'GET',
      `/intake/uploads/${ids.uploadId}`,
      { token: 'dev-bo-ex' },
    );

    expect(police.body).toEqual({ reportId: 'PL-RET-A', feedback: 'niet-opgepakt' });
    expect(corporation.body.rows[0]?.feedback).toBe('niet-opgepakt');
  });

  it('a purge with nothing due deletes nothing', async () => {
    const again = await t.api.request<{ purged: number }>('POST', '/_local/sweep', { token: 'dev-admin' });

    expect(again.body.purged).toBe(0);
    expect((await t.scan()).length).toBe(after.length);
  });
});

describe('the purge of a Veilig Thuis forward, 6 months after receipt', () => {
  it('deletes it with reason "forwarded", like a signal nobody picked up', async () => {
    // Tuesday 1 June 2027, 10:00 (08:00 UTC): domestic violence, so Veilig Thuis at once (C2).
    await setClock('2027-06-01T10:00:00+02:00');
    ids.forwarded = await careReport('PL-RET-VT', 42, {
      safety: { acuteUnsafety: false, domesticViolence: true, childUnsafety: false },
    });
    await t.drain();
    const stored = (await t.scan()).find(
      (item) => item.pk === `SIGNAL#${ids.forwarded}` && item.sk === 'SIGNAL',
    );
    expect(stored).toMatchObject({
      status: 'forwarded',
      teamId: 'veilig-thuis',
      expiresAt: Date.parse('2027-12-01T08:00:00Z') / 1000,
      retentionReason: 'forwarded',
    });

    expect((await setClock('2027-12-01T08:59:59+01:00')).purged).toBe(0);
    expect((await setClock('2027-12-01T09:00:00+01:00')).purged).toBe(1);
    const items = await t.scan();

    expect(items.filter((item) => item.pk === `SIGNAL#${ids.forwarded}`)).toEqual([]);
    expect(items.find((item) => item.pk === `DELETED#${ids.forwarded}`)).toMatchObject({
      signalId: ids.forwarded,
      status: 'forwarded',
      receivedAt: '2027-06-01T10:00:00+02:00',
      expiresAt: '2027-12-01T08:00:00.000Z',
      reason: 'forwarded',
    });
  });
});

describe('the purge, 12 months after closing', () => {
  it('deletes the closed signal with reason "closed" and keeps the one still worked on', async () => {
    expect((await setClock('2027-12-02T09:59:59+01:00')).purged).toBe(0);
    expect((await setClock('2027-12-02T10:00:00+01:00')).purged).toBe(1);
    const items = await t.scan();

    expect(items.filter((item) => item.pk === `SIGNAL#${ids.closed}`)).toEqual([]);
    expect(items.find((item) => item.pk === `DELETED#${ids.closed}`)).toMatchObject({
      reason: 'closed',
      status: 'closed',
      feedback: 'afgerond',
    });
    const kept = await t.api.request('GET', `/signals/${ids.pickedUp}`, { token: MEMBER });
    expect(kept.status).toBe(200);
  });
});

describe('the purge, 12 months after the last activity of a signal never closed', () => {
  it('deletes the picked-up signal with reason "inactive" once the 12 months since its one attempt are over', async () => {
    expect((await setClock('2027-12-03T09:59:59+01:00')).purged).toBe(0);
    // 12 months and a day after the unanswered letter of 3 December 2026.
    expect((await setClock('2027-12-04T10:00:00+01:00')).purged).toBe(1);
    const items = await t.scan();

    expect(items.filter((item) => item.pk === `SIGNAL#${ids.pickedUp}`)).toEqual([]);
    expect(items.find((item) => item.pk === `DELETED#${ids.pickedUp}`)).toMatchObject({
      signalId: ids.pickedUp,
      status: 'open',
      receivedAt: '2026-11-23T10:00:00+01:00',
      expiresAt: '2027-12-03T09:00:00.000Z',
      reason: 'inactive',
      deletedAt: '2027-12-04T09:00:00.000Z',
      feedback: 'opgepakt',
    });
    expect(
      items.filter((item) => String(item.pk).startsWith('HOUSEHOLD#') && mentions(item, ids.pickedUp)),
    ).toEqual([]);
    const page = await t.api.request('GET', `/signals/${ids.pickedUp}`, { token: 'dev-admin' });
    expect(page.status).toBe(404);
  });
});
