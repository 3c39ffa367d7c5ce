import { describe, expect, it } from 'vitest';
import { careReportSchema } from '../../shared/api/care-report-schemas.ts';
import type { NotRoutedSignal } from '../../shared/application/ports.ts';
import { ItemsNotStoredError, routeSignalMessage } from '../../shared/application/route-signal.ts';
import { buildDdasDelivery, type DdasNotRoutedRecord } from '../../shared/domain/ddas-delivery.ts';
import type { DebtSignalInput } from '../../shared/domain/debt-signal.ts';
import { householdKey } from '../../shared/domain/household-key.ts';
import type { CareReportMessage, DebtSignalsMessage } from '../../shared/messages.ts';
import { inMemoryRouting } from '../support/in-memory-routing.ts';
import { sampleCareReports } from '../support/samples.ts';

// DESIGN I1 in the router: one item that cannot be stored never harms another. The others of its
// pack are stored (once, also when the message comes again); before the last try the message is
// retried, at the last try the item is recorded as failed — so its receipt line says so — the pack
// is marked routed and the message goes to the DLQ. The DynamoDB adapters behind these ports are
// run by the integration tests; here in-memory ports with their contracts (test/support).

const NOW = new Date('2026-11-23T10:05:00Z');
const RECEIVED_AT = '2026-11-23T10:00:00+01:00';
const SECRET = 'r'.repeat(48);

const validationException = () =>
  Object.assign(new Error('One or more parameter values were invalid: item size too large'), {
    name: 'ValidationException',
  });

const input = (tenant: string, house: number, amount = 500): DebtSignalInput => ({
  kind: 'huurachterstand',
  sourceReference: tenant,
  person: { initials: 'A.', surname: 'Test', birthDate: '1980-01-01' },
  address: { postcode: '3561AB', houseNumber: house },
  amount,
  arrearsSince: '2026-09-01',
  minorsInHousehold: 0,
});

/** Pack 4 of upload upl_1: three tenants in three households; sig_b is the one that cannot be stored. */
const PACK: DebtSignalsMessage = {
  type: 'debt-signals',
  uploadId: 'upl_1',
  pack: 4,
  source: 'bo-ex',
  receivedAt: RECEIVED_AT,
  items: (
    [
      ['sig_a', 'HN-1', 1],
      ['sig_b', 'HN-2', 2],
      ['sig_c', 'HN-3', 3],
    ] as const
  ).map(([signalId, tenant, house]) => ({
    signalId,
    householdKey: householdKey(input(tenant, house).address, SECRET),
    action: 'create' as const,
    input: input(tenant, house),
  })),
};

const count = (writes: readonly string[], signalId: string) => writes.filter((id) => id === signalId).length;

/** The router's ports, with putNew failing for sig_b. */
function faulty() {
  const routing = inMemoryRouting({ now: () => NOW });
  routing.failPutNew.set('sig_b', validationException);
  return routing;
}

describe('routeSignalMessage: a pack with an item that cannot be stored (DESIGN I1)', () => {
  it('before the last try: the others are stored once; retried, with no failure record and the pack not routed', async () => {
    // Prepare
    const routing = faulty();

    // Act
    const routed = routeSignalMessage(PACK, routing.deps, { lastAttempt: false });

    // Assess
    await expect(routed).rejects.toBeInstanceOf(ItemsNotStoredError);
    await expect(routed).rejects.toMatchObject({ signalIds: ['sig_b'], code: 'ValidationException' });
    expect(count(routing.writes, 'sig_a')).toBe(1);
    expect(count(routing.writes, 'sig_c')).toBe(1);
    expect(routing.kept.has('sig_b')).toBe(false);
    expect(routing.signal('sig_a')).toMatchObject({ status: 'open', amount: 500 });
    expect(routing.signal('sig_c')).toMatchObject({ status: 'open', amount: 500 });
    expect(routing.failures).toEqual([]);
    expect(routing.routedPacks).toEqual([]);
    // M1: the households of what was stored know their signal; the failed item's household does not.
    const entriesOf = (item: number) =>
      [...(routing.households.get(PACK.items[item]?.householdKey as string)?.keys() ?? [])] as string[];
    expect([entriesOf(0), entriesOf(1), entriesOf(2)]).toEqual([['sig_a'], [], ['sig_c']]);
  });

  it('a redelivery stores nothing twice, and is retried again while the item still fails', async () => {
    // Prepare
    const routing = faulty();
    await routeSignalMessage(PACK, routing.deps, { lastAttempt: false }).catch(() => undefined);

    // Act
    const again = routeSignalMessage(PACK, routing.deps, { lastAttempt: false });

    // Assess
    await expect(again).rejects.toMatchObject({ name: 'ItemsNotStoredError', signalIds: ['sig_b'] });
    expect(routing.writes).toEqual(['sig_a', 'sig_c']);
    expect(routing.failures).toEqual([]);
    expect(routing.routedPacks).toEqual([]);
  });

  it("at the last try: a failure recorded for exactly that item with the error's code, the pack marked routed, then the DLQ", async () => {
    // Prepare
    const routing = faulty();
    await routeSignalMessage(PACK, routing.deps, { lastAttempt: false }).catch(() => undefined);

    // Act
    const last = routeSignalMessage(PACK, routing.deps, { lastAttempt: true });

    // Assess: thrown (so the message waits in the DLQ) only after the failure and the pack are recorded.
    await expect(last).rejects.toBeInstanceOf(ItemsNotStoredError);
    await expect(last).rejects.toMatchObject({ signalIds: ['sig_b'], code: 'ValidationException' });
    expect(routing.failures).toEqual([
      {
        signalId: 'sig_b',
        source: 'bo-ex',
        kind: 'huurachterstand',
        receivedAt: RECEIVED_AT,
        code: 'ValidationException',
        failedAt: NOW.toISOString(),
      },
    ]);
    expect(routing.routedPacks).toEqual([{ uploadId: 'upl_1', pack: 4 }]);
    expect(routing.writes).toEqual(['sig_a', 'sig_c']);
    // The receipt line reads the failure (C4 feedback), and intake takes a re-sent row as new (I5).
    expect((await routing.deps.signals.getStates(['sig_b'])).get('sig_b')?.status).toBe('failed');
  });

  it('the last try as the first: the others stored once, the one failure recorded', async () => {
    // Prepare
    const routing = faulty();

    // Act
    const last = routeSignalMessage(PACK, routing.deps, { lastAttempt: true });

    // Assess
    await expect(last).rejects.toMatchObject({ signalIds: ['sig_b'], code: 'ValidationException' });
    expect(routing.writes).toEqual(['sig_a', 'sig_c']);
    expect(routing.failures.map((failure) => failure.signalId)).toEqual(['sig_b']);
    expect(routing.routedPacks).toEqual([{ uploadId: 'upl_1', pack: 4 }]);
  });

  it('a redelivery after the fault is gone stores the failed item: its failure record does not block it', async () => {
    // Prepare: the last try recorded the failure; then the fault is repaired and the DLQ redriven.
    const routing = faulty();
    await routeSignalMessage(PACK, routing.deps, { lastAttempt: true }).catch(() => undefined);
    routing.failPutNew.clear();

    // Act
    const outcomes = await routeSignalMessage(PACK, routing.deps, { lastAttempt: false });

    // Assess
    expect(outcomes.map(({ signalId, result }) => [signalId, result])).toEqual([
      ['sig_a', 'already-routed'],
      ['sig_b', 'routed'],
      ['sig_c', 'already-routed'],
    ]);
    expect(routing.writes).toEqual(['sig_a', 'sig_c', 'sig_b']);
    expect(routing.signal('sig_b')).toMatchObject({ status: 'open', source: 'bo-ex', amount: 500 });
    expect(routing.households.get(PACK.items[1]?.householdKey as string)?.has('sig_b')).toBe(true);
  });

  it('a batch write that fails once is tried item by item: all stored once, nothing failed', async () => {
    // Prepare: the batch request is throttled, the single writes go through.
    const routing = inMemoryRouting({ now: () => NOW });
    const putNew = routing.deps.signals.putNew;
    let calls = 0;
    routing.deps.signals.putNew = async (records) => {
      if (calls++ === 0) throw Object.assign(new Error('throttled'), { name: 'ThrottlingException' });
      return putNew(records);
    };

    // Act
    const outcomes = await routeSignalMessage(PACK, routing.deps, { lastAttempt: false });

    // Assess
    expect(outcomes.map((outcome) => outcome.result)).toEqual(['routed', 'routed', 'routed']);
    expect(routing.writes).toEqual(['sig_a', 'sig_b', 'sig_c']);
    expect(routing.failures).toEqual([]);
    expect(routing.routedPacks).toEqual([{ uploadId: 'upl_1', pack: 4 }]);
  });
});

describe('routeSignalMessage: care reports (DESIGN I1, C2)', () => {
  const [given, , refused] = sampleCareReports().map((raw) => careReportSchema.parse(raw));
  const message = (report: typeof given): CareReportMessage => ({
    type: 'care-report',
    signalId: 'sig_report',
    source: 'politie-utrecht',
    receivedAt: RECEIVED_AT,
    report: report as CareReportMessage['report'],
  });
  const workId = (report: typeof given) => `politie-utrecht#${report?.reportId}`;

  /** The router's ports with the report's receipt stored, as intake leaves it. */
  async function received(report: typeof given) {
    const routing = inMemoryRouting({ now: () => NOW });
    await routing.deps.receipts.createCareReportReceipt({
      source: 'politie-utrecht',
      reportId: report?.reportId as string,
      signalId: 'sig_report',
      receivedAt: RECEIVED_AT,
      enqueued: true,
    });
    return routing;
  }

  /** Storing the signal fails, as a DynamoDB write may. */
  function failCreate(routing: ReturnType<typeof inMemoryRouting>) {
    routing.deps.signals.create = async () => {
      throw validationException();
    };
  }

  it('a routed report closes its outstanding entry', async () => {
    // Prepare
    const routing = await received(given);

    // Act
    const outcomes = await routeSignalMessage(message(given), routing.deps, { lastAttempt: false });

    // Assess
    expect(outcomes).toMatchObject([{ signalId: 'sig_report', result: 'routed' }]);
    expect(routing.signal('sig_report')).toMatchObject({ status: 'open', kind: 'zorgmelding' });
    expect(routing.closed).toEqual([{ kind: 'care-report', id: workId(given) }]);
  });

  it('a report not routed (C2: consent refused) closes its entry too, its outcome on the receipt', async () => {
    // Prepare
    const routing = await received(refused);

    // Act
    const outcomes = await routeSignalMessage(message(refused), routing.deps, { lastAttempt: false });

    // Assess
    expect(outcomes).toMatchObject([{ result: 'not-routed', outcome: 'niet-opgepakt-geen-toestemming' }]);
    expect(routing.closed).toEqual([{ kind: 'care-report', id: workId(refused) }]);
    expect(routing.kept.size).toBe(0);
  });

  it('a failing report before the last try is retried: no failure on its receipt, its entry kept', async () => {
    // Prepare
    const routing = await received(given);
    failCreate(routing);

    // Act
    const routed = routeSignalMessage(message(given), routing.deps, { lastAttempt: false });

    // Assess
    await expect(routed).rejects.toMatchObject({ name: 'ValidationException' });
    expect(
      (await routing.deps.receipts.getCareReportReceipt('politie-utrecht', given?.reportId as string))
        ?.failure,
    ).toBeUndefined();
    expect(routing.closed).toEqual([]);
  });

  it('a failing report at the last try: the failure and its code on the receipt, the entry closed, then the DLQ', async () => {
    // Prepare
    const routing = await received(given);
    failCreate(routing);

    // Act
    const routed = routeSignalMessage(message(given), routing.deps, { lastAttempt: true });

    // Assess
    await expect(routed).rejects.toMatchObject({ name: 'ValidationException' });
    expect(
      await routing.deps.receipts.getCareReportReceipt('politie-utrecht', given?.reportId as string),
    ).toMatchObject({ enqueued: true, failure: { code: 'ValidationException', at: NOW.toISOString() } });
    expect(routing.closed).toEqual([{ kind: 'care-report', id: workId(given) }]);
  });
});

describe('routeSignalMessage: a not-routed debt signal keeps the minimised DDAS client, nothing else personal (X2, P1)', () => {
  /** Everything a partner sends of a person and an address: what must not be kept is all there. */
  const person = {
    initials: 'K.',
    prefix: 'van',
    surname: 'Eenhoorn',
    birthDate: '1995-09-23',
    phone: '0612345678',
    email: 'k.eenhoorn@example.nl',
  };
  const address = {
    postcode: '3527AB',
    houseNumber: 15,
    houseNumberSuffix: 'bis',
    street: 'Kanaleneiland',
    city: 'Utrecht',
  };

  /** One debt signal below the €75 threshold (I4: niet-opgepakt-onterecht), alone in its message. */
  const below = (signalId: string, item: DebtSignalInput): DebtSignalsMessage => ({
    type: 'debt-signals',
    uploadId: 'upl_2',
    pack: 0,
    source: item.kind === 'huurachterstand' ? 'bo-ex' : 'werk-en-inkomen',
    receivedAt: RECEIVED_AT,
    items: [{ signalId, householdKey: householdKey(item.address, SECRET), action: 'create', input: item }],
  });

  /** The stored record, exactly, with the client given: nothing of the person beside it. */
  const expectedRecord = (message: DebtSignalsMessage, client: NotRoutedSignal['client']) => ({
    signalId: message.items[0]?.signalId,
    source: message.source,
    kind: message.items[0]?.input.kind,
    receivedAt: RECEIVED_AT,
    status: 'not-routed',
    outcome: 'niet-opgepakt-onterecht',
    amount: 60,
    householdKey: message.items[0]?.householdKey,
    client,
  });

  it('rent arrears with a BSN: the BSN alone, no name, address or birth date', async () => {
    // Prepare
    const routing = inMemoryRouting({ now: () => NOW });
    const message = below('sig_rent_bsn', {
      kind: 'huurachterstand',
      sourceReference: 'HN-100237',
      person: { ...person, bsn: '111222333' },
      address,
      amount: 60,
      arrearsSince: '2026-10-01',
      minorsInHousehold: 0,
    });

    // Act
    const outcomes = await routeSignalMessage(message, routing.deps);

    // Assess
    expect(outcomes).toEqual([
      { signalId: 'sig_rent_bsn', result: 'not-routed', outcome: 'niet-opgepakt-onterecht' },
    ]);
    expect(routing.kept.get('sig_rent_bsn')).toStrictEqual(
      expectedRecord(message, { burgerservicenummer: '111222333' }),
    );
  });

  it('energy debt without a BSN: postcode, house number, suffix and birth date — no name, street or contact details', async () => {
    // Prepare
    const routing = inMemoryRouting({ now: () => NOW });
    const message = below('sig_energy_address', {
      kind: 'energieschuld',
      sourceReference: 'WI-2026-0042',
      supplier: 'Eneco',
      person,
      address,
      amount: 60,
      arrearsSince: '2026-09-01',
    });

    // Act
    await routeSignalMessage(message, routing.deps);

    // Assess
    const stored = routing.kept.get('sig_energy_address') as NotRoutedSignal;
    expect(stored).toStrictEqual(
      expectedRecord(message, {
        postcode: '3527AB',
        huisnummer: '15',
        huisnummertoevoeging: 'bis',
        geboortedatum: '1995-09-23',
      }),
    );
    for (const value of [
      'Eenhoorn',
      'Kanaleneiland',
      'Utrecht',
      '0612345678',
      'example.nl',
      'WI-2026-0042',
      'Eneco',
    ]) {
      expect(JSON.stringify(stored), value).not.toContain(value);
    }
    // X2: the stored record goes into the delivery as it is, and is delivered with its client.
    const record: DdasNotRoutedRecord = stored;
    const delivery = buildDdasDelivery({
      period: { start: '2026-11-01', end: '2026-11-30' },
      records: [record],
      config: {
        gemeentecode: '0344',
        codeGegevensleverancier: 'BS',
        aanleverendeOrganisatie: { naam: 'Utrecht' },
      },
      now: NOW,
    });
    expect(delivery.leftOut).toEqual([]);
    expect(delivery.gegevens.leveringen[0].vroegsignalen).toMatchObject([
      { ID: 'sig_energy_address', status: 'Niet opgepakt: onterecht signaal', client: stored.client },
    ]);
  });

  it('a care report not routed (C2: consent refused) stores no record, so no client: its receipt keeps only the outcome', async () => {
    // Prepare
    const [, , refused] = sampleCareReports().map((raw) => careReportSchema.parse(raw));
    const routing = inMemoryRouting({ now: () => NOW });
    const receipt = {
      source: 'politie-utrecht',
      reportId: refused?.reportId as string,
      signalId: 'sig_refused',
      receivedAt: RECEIVED_AT,
      enqueued: true,
    };
    await routing.deps.receipts.createCareReportReceipt(receipt);

    // Act
    await routeSignalMessage(
      {
        type: 'care-report',
        signalId: 'sig_refused',
        source: 'politie-utrecht',
        receivedAt: RECEIVED_AT,
        report: refused as CareReportMessage['report'],
      },
      routing.deps,
    );

    // Assess
    expect(routing.kept.size).toBe(0);
    expect(routing.writes).toEqual([]);
    expect(
      await routing.deps.receipts.getCareReportReceipt('politie-utrecht', receipt.reportId),
    ).toStrictEqual({ ...receipt, outcome: 'niet-opgepakt-geen-toestemming' });
  });
});
