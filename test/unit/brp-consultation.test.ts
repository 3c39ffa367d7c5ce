import { describe, expect, it } from 'vitest';
import { careReportSchema } from '../../shared/api/care-report-schemas.ts';
import {
  MAX_ATTEMPTS,
  type PendingComposition,
  retryPendingCompositions,
} from '../../shared/application/composition-retry.ts';
import type { BrpFailureCode } from '../../shared/application/population-register.ts';
import { type RoutingDependencies, routeSignalMessage } from '../../shared/application/route-signal.ts';
import type { DebtSignalInput } from '../../shared/domain/debt-signal.ts';
import type { BrpBirthDate } from '../../shared/domain/household-composition.ts';
import { householdKey } from '../../shared/domain/household-key.ts';
import type { Signal } from '../../shared/domain/signal.ts';
import type { CareReportMessage, DebtSignalsMessage } from '../../shared/messages.ts';
import { inMemoryBrp, inMemoryPendingCompositions } from '../support/in-memory-brp.ts';
import { inMemoryRouting } from '../support/in-memory-routing.ts';
import { sampleCareReports } from '../support/samples.ts';

// Issue 16 in the router and the retry (DESIGN B1–B3), over in-memory ports with the adapters'
// contracts; the Haal Centraal adapter and the stand-in are tested over HTTP elsewhere.

const RECEIVED_AT = '2026-11-23T10:00:00+01:00';
const SECRET = 'r'.repeat(48);
const MARSHALLAAN = { postcode: '3562CD', houseNumber: 4, houseNumberSuffix: 'bis' };
const EYKMANLAAN = { postcode: '3571AE', houseNumber: 88 };
const KANALENEILAND = { postcode: '3527AB', houseNumber: 15 };
const CHILDREN: BrpBirthDate[] = [
  { kind: 'datum', date: '1985-02-01' },
  { kind: 'datum', date: '2014-05-02' },
  { kind: 'datum', date: '2017-09-23' },
];

const input = (
  reference: string,
  address: DebtSignalInput['address'],
  extra: Partial<DebtSignalInput> = {},
) =>
  ({
    kind: 'huurachterstand',
    sourceReference: reference,
    person: { initials: 'A.', surname: 'Test', birthDate: '1985-02-01' },
    address,
    amount: 500,
    arrearsSince: '2026-09-01',
    ...extra,
  }) satisfies DebtSignalInput;

const pack = (items: [string, DebtSignalInput][]): DebtSignalsMessage => ({
  type: 'debt-signals',
  uploadId: 'upl_1',
  pack: 1,
  source: 'bo-ex',
  receivedAt: RECEIVED_AT,
  items: items.map(([signalId, item]) => ({
    signalId,
    householdKey: householdKey(item.address, SECRET),
    action: 'create' as const,
    input: item,
  })),
});

function setUp() {
  const routing = inMemoryRouting({ now: () => new Date('2026-11-23T09:00:00Z') });
  const brp = inMemoryBrp();
  const retries = inMemoryPendingCompositions();
  const reported: ReadonlyMap<string, BrpFailureCode>[] = [];
  let now = new Date('2026-11-23T09:00:00Z');
  const brpDeps = {
    register: brp.register,
    protocol: brp.protocol,
    pending: retries.pending,
    now: () => now,
    who: 'buurtsignaal-routering',
    reportFailures: (failures: ReadonlyMap<string, BrpFailureCode>) => void reported.push(failures),
  };
  const deps: RoutingDependencies = { ...routing.deps, brp: brpDeps };
  const signal = (signalId: string) => routing.kept.get(signalId) as Signal;
  const retry = () =>
    retryPendingCompositions({
      pending: retries.pending,
      signals: routing.deps.signals,
      households: routing.deps.households,
      brp: { ...brpDeps, who: 'buurtsignaal-herhaling' },
    });
  return {
    routing,
    brp,
    retries,
    reported,
    deps,
    signal,
    retry,
    later: (at: string) => (now = new Date(at)),
  };
}

/** Every question asked was recorded in the protocol before it was asked (B3, protocollering). */
function expectRecordedBeforeAsked(calls: readonly string[]) {
  calls.forEach((call, index) => {
    if (!call.startsWith('ask:')) return;
    const question = call.split(':')[1];
    expect(calls.slice(0, index).some((earlier) => earlier.startsWith(`record:${question}:`))).toBe(true);
  });
}

describe('B1/B2 in the router: a pack of rent-arrears rows', () => {
  it('asks only what routing needs, records each question first, and routes by the answers', async () => {
    const { brp, deps, routing, signal } = setUp();
    brp.livesAt(MARSHALLAAN, CHILDREN);
    brp.registeredIn('111222333', '0344');
    brp.registeredIn('999999990', '0363');
    const message = pack([
      ['sig_row3', input('HN-3', MARSHALLAAN)],
      [
        'sig_row4',
        input('HN-4', EYKMANLAAN, { minorsInHousehold: 0, person: { surname: 'G', bsn: '111222333' } }),
      ],
      ['sig_away', input('HN-9', KANALENEILAND, { person: { surname: 'W', bsn: '999999990' } })],
      ['sig_low', input('HN-8', { postcode: '3527AB', houseNumber: 16 }, { amount: 60 })],
    ]);

    const outcomes = await routeSignalMessage(message, deps);

    expect(outcomes).toEqual([
      { signalId: 'sig_row3', result: 'routed', teamId: 'bt-jg-overvecht', rule: 'R4' },
      expect.objectContaining({ signalId: 'sig_row4', result: 'routed' }),
      { signalId: 'sig_away', result: 'not-routed', outcome: 'geen-inwoner' },
      { signalId: 'sig_low', result: 'not-routed', outcome: 'niet-opgepakt-onterecht' },
    ]);
    expect(signal('sig_row3').routing.explanation).toContain('volgens de BRP');
    expect(signal('sig_row3').household).toEqual({ minorsUnder18: 2, source: 'brp' });
    // Data minimisation: a known composition is not asked; below the threshold nothing is asked;
    // registered elsewhere, the address is not asked.
    expect(brp.calls.filter((call) => call.startsWith('ask:'))).toEqual([
      'ask:RaadpleegMetBurgerservicenummer:111222333',
      'ask:RaadpleegMetBurgerservicenummer:999999990',
      'ask:ZoekMetPostcodeEnHuisnummer:3562CD|4|BIS',
    ]);
    expectRecordedBeforeAsked(brp.calls);
    expect(brp.protocolEntries).toHaveLength(3);
    for (const entry of brp.protocolEntries) {
      expect(entry).toEqual({
        at: '2026-11-23T09:00:00.000Z',
        who: 'buurtsignaal-routering',
        purpose: 'vroegsignalering-schulden',
        signalId: expect.stringMatching(/^sig_(row3|row4|away)$/),
        question: expect.any(String),
      });
    }
    expect(routing.kept.get('sig_away')).toMatchObject({ status: 'not-routed', outcome: 'geen-inwoner' });
  });

  it('a redelivered pack asks nothing again for what is stored', async () => {
    const { brp, deps } = setUp();
    brp.livesAt(MARSHALLAAN, CHILDREN);
    const message = pack([['sig_row3', input('HN-3', MARSHALLAAN)]]);
    await routeSignalMessage(message, deps);
    const asked = brp.calls.length;

    await routeSignalMessage(message, deps);

    expect(brp.calls).toHaveLength(asked);
  });

  it('B3: the BRP failing routes as today, schedules the retry, and reports the code — never throws', async () => {
    const { brp, deps, retries, reported, signal } = setUp();
    brp.fail('brp-timeout');

    const outcomes = await routeSignalMessage(pack([['sig_row3', input('HN-3', MARSHALLAAN)]]), deps);

    expect(outcomes).toEqual([
      { signalId: 'sig_row3', result: 'routed', teamId: 'bt-sociaal-overvecht', rule: 'R5' },
    ]);
    expect(signal('sig_row3').flags).toContain('samenstelling-onbekend');
    expect(signal('sig_row3').compositionPending).toBe(true);
    expect([...retries.items.keys()]).toEqual(['sig_row3']);
    expect(reported.map((failures) => Object.fromEntries(failures))).toEqual([{ sig_row3: 'brp-timeout' }]);
  });

  it('B3: a BSN question that fails does not stop routing, and is not retried', async () => {
    const { brp, deps, retries } = setUp();
    brp.fail('brp-server-error');

    const outcomes = await routeSignalMessage(
      pack([
        [
          'sig_row4',
          input('HN-4', EYKMANLAAN, { minorsInHousehold: 0, person: { surname: 'G', bsn: '111222333' } }),
        ],
      ]),
      deps,
    );

    expect(outcomes[0]).toMatchObject({ result: 'routed', teamId: 'bt-sociaal-noordoost' });
    expect(retries.items.size).toBe(0);
  });

  it('an address the BRP cannot search (or a refused question) routes as today and is not retried', async () => {
    const { brp, deps, retries, signal, reported } = setUp();
    brp.fail('brp-unsearchable-address');

    await routeSignalMessage(pack([['sig_row3', input('HN-3', MARSHALLAAN)]]), deps);

    expect(signal('sig_row3').flags).toContain('samenstelling-onbekend');
    expect(signal('sig_row3').compositionPending).toBeUndefined();
    expect(retries.items.size).toBe(0);
    expect(reported.map((failures) => Object.fromEntries(failures))).toEqual([
      { sig_row3: 'brp-unsearchable-address' },
    ]);
  });

  it('a protocol that cannot be written asks nothing and fails the message (SQS tries again)', async () => {
    const { brp, deps, routing } = setUp();
    brp.failProtocol(true);

    await expect(routeSignalMessage(pack([['sig_row3', input('HN-3', MARSHALLAAN)]]), deps)).rejects.toThrow(
      'protocol unavailable',
    );
    expect(brp.calls.filter((call) => call.startsWith('ask:'))).toEqual([]);
    expect(routing.kept.size).toBe(0);
  });
});

describe('B1 for care reports', () => {
  const [given, violence, refused] = sampleCareReports().map((raw) => careReportSchema.parse(raw));
  const message = (report: typeof given, signalId: string): CareReportMessage => ({
    type: 'care-report',
    signalId,
    source: 'politie-utrecht',
    receivedAt: RECEIVED_AT,
    report: report as CareReportMessage['report'],
  });

  it('asks the address for a report without household (purpose zorgmelding), never the BSN', async () => {
    const { brp, deps } = setUp();
    const report = {
      ...given,
      household: undefined,
      person: { ...given?.person, bsn: '999999990' },
    } as typeof given;

    await routeSignalMessage(message(report, 'sig_cr1'), deps);

    expect(brp.protocolEntries.map((entry) => [entry.question, entry.purpose])).toEqual([
      ['ZoekMetPostcodeEnHuisnummer', 'zorgmelding'],
    ]);
    expect(brp.calls.some((call) => call.includes('Burgerservicenummer'))).toBe(false);
  });

  it('asks nothing for a Veilig Thuis forward, a refused consent, or a household the police gave', async () => {
    const { brp, deps } = setUp();

    await routeSignalMessage(message({ ...violence, household: undefined } as typeof given, 'sig_vt'), deps);
    await routeSignalMessage(message({ ...refused, household: undefined } as typeof given, 'sig_no'), deps);
    await routeSignalMessage(
      message({ ...given, household: { minors: [] } } as typeof given, 'sig_hh'),
      deps,
    );

    expect(brp.calls).toEqual([]);
  });
});

describe('B3: the later retry', () => {
  async function routedWhileDown() {
    const setup = setUp();
    setup.brp.livesAt(MARSHALLAAN, CHILDREN);
    setup.brp.fail('brp-unreachable');
    await routeSignalMessage(pack([['sig_row3', input('HN-3', MARSHALLAAN)]]), setup.deps);
    return setup;
  }

  it('fills in the composition once and re-routes the untouched signal, the history saying why', async () => {
    const { brp, retry, signal, retries, routing, later } = await routedWhileDown();
    brp.fail(undefined);
    later('2026-11-23T09:15:00Z');

    const first = await retry();
    const asked = brp.calls.length;
    const writes = routing.writes.length;
    const second = await retry();

    expect(first).toEqual({ completed: 1, rerouted: 1, stillPending: 0, dropped: 0 });
    expect(signal('sig_row3')).toMatchObject({
      teamId: 'bt-jg-overvecht',
      household: { minorsUnder18: 2, source: 'brp' },
    });
    expect(signal('sig_row3').compositionPending).toBeUndefined();
    expect(signal('sig_row3').routingHistory.at(-1)).toMatchObject({ by: 'brp', rule: 'R4' });
    expect(brp.protocolEntries.at(-1)).toMatchObject({ who: 'buurtsignaal-herhaling', signalId: 'sig_row3' });
    expect(retries.items.size).toBe(0);
    expect(second).toEqual({ completed: 0, rerouted: 0, stillPending: 0, dropped: 0 });
    expect(brp.calls).toHaveLength(asked);
    expect(routing.writes).toHaveLength(writes);
    // M3: the household index knows the new team.
    const key = householdKey(MARSHALLAAN, SECRET);
    expect(routing.households.get(key)?.get('sig_row3')?.teamId).toBe('bt-jg-overvecht');
  });

  it('overlapping runs fill it in exactly once', async () => {
    const { brp, retry, routing } = await routedWhileDown();
    brp.fail(undefined);
    const before = routing.writes.filter((id) => id === 'sig_row3').length;

    const [a, b] = await Promise.all([retry(), retry()]);

    expect(routing.writes.filter((id) => id === 'sig_row3').length - before).toBe(1);
    expect(a.completed + b.completed).toBe(1);
  });

  it('a schedule delivered twice keeps one entry and fills in once', async () => {
    const { brp, retry, retries, routing } = await routedWhileDown();
    await retries.pending.schedule([{ signalId: 'sig_row3', purpose: 'vroegsignalering-schulden' }], 'x');
    brp.fail(undefined);

    await retry();
    await retry();

    expect(retries.items.size).toBe(0);
    expect(routing.writes.filter((id) => id === 'sig_row3')).toHaveLength(2); // stored, then completed
  });

  it('still down: counted and kept; given up after a day of runs', async () => {
    const { retry, retries, signal } = await routedWhileDown();

    const run = await retry();

    expect(run).toEqual({ completed: 0, rerouted: 0, stillPending: 1, dropped: 0 });
    expect(retries.items.get('sig_row3')?.attempts).toBe(1);
    const entry = retries.items.get('sig_row3') as PendingComposition;
    retries.items.set('sig_row3', { ...entry, attempts: MAX_ATTEMPTS - 1 });
    expect(await retry()).toMatchObject({ dropped: 1 });
    expect(retries.items.size).toBe(0);
    expect(signal('sig_row3').flags).toContain('samenstelling-onbekend');
  });

  it('a team that already made contact keeps the signal; the composition is still filled in', async () => {
    const { brp, retry, routing, signal } = await routedWhileDown();
    const stored = signal('sig_row3');
    await routing.deps.signals.update(
      {
        ...stored,
        contactAttempts: [
          { kind: 'telefoon', reached: true, at: RECEIVED_AT, recordedAt: RECEIVED_AT, recordedBy: 'w' },
        ],
        version: stored.version + 1,
      } as Signal,
      stored.version,
    );
    brp.fail(undefined);

    expect(await retry()).toEqual({ completed: 1, rerouted: 0, stillPending: 0, dropped: 0 });
    expect(signal('sig_row3')).toMatchObject({
      teamId: 'bt-sociaal-overvecht',
      household: { minorsUnder18: 2, source: 'brp' },
    });
  });

  it('a scheduled signal that was never stored waits a day, then is dropped', async () => {
    const { retry, retries, later, brp } = setUp();
    await retries.pending.schedule(
      [{ signalId: 'sig_ghost', purpose: 'zorgmelding' }],
      '2026-11-23T09:00:00.000Z',
    );

    expect(await retry()).toMatchObject({ dropped: 0 });
    later('2026-11-24T09:00:01Z');
    expect(await retry()).toMatchObject({ dropped: 1 });
    expect(brp.calls).toEqual([]);
  });
});
