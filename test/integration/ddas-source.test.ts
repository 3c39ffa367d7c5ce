import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClientOf } from '../../shared/adapters/aws-clients.ts';
import { dynamoDdasSource } from '../../shared/adapters/dynamodb-ddas-source.ts';
import { dynamoSignalRepository } from '../../shared/adapters/dynamodb-signal-repository.ts';
import {
  type DdasAnswer,
  type DdasRecordSource,
  DdasUnprocessableError,
  ddasGegevens,
} from '../../shared/application/ddas-gegevens.ts';
import type { NotRoutedSignal, StoredSignal } from '../../shared/application/ports.ts';
import { amsterdamDateOf } from '../../shared/domain/amsterdam-time.ts';
import { fixedClock } from '../../shared/domain/clock.ts';
import { UTRECHT_GEMEENTECODE } from '../../shared/domain/ddas-delivery.ts';
import { debtSignalToSignal } from '../../shared/domain/debt-signal.ts';
import { municipalCalendar } from '../../shared/domain/municipal-calendar.ts';
import type { Signal } from '../../shared/domain/signal.ts';
import { startTestRuntime, type TestRuntime } from './support/test-runtime.ts';

// Issue 14, the read side of the DDAS delivery (DESIGN X1–X2): the `received` index through the real
// SDK against dynalite. The period's debt records come out in pages that together hold each exactly
// once, in one stable order, with totals that agree; care reports and other periods never.
let t: TestRuntime;
let source: DdasRecordSource;
const NOW = new Date('2026-12-03T09:00:00+01:00');
const clock = fixedClock(NOW);
const CONFIG = {
  gemeentecode: UTRECHT_GEMEENTECODE,
  codeGegevensleverancier: 'BUURTSIGNAAL',
  aanleverendeOrganisatie: { naam: 'Gemeente Utrecht' },
};

/** A routed rent-arrears signal received at `receivedAt`, with a BSN (so it has a DDAS client). */
function debtSignal(index: number, receivedAt: string): Signal {
  const result = debtSignalToSignal(
    {
      sourceReference: `ddas-${index}`,
      kind: 'huurachterstand',
      person: { surname: `Huurder ${index}`, birthDate: '1980-05-01', bsn: '111222333' },
      address: { postcode: '3563AB', houseNumber: 1 + (index % 500) },
      amount: 500 + index,
      arrearsSince: '2026-08-01',
      minorsInHousehold: 0,
    },
    {
      signalId: `sig_ddas_${String(index).padStart(4, '0')}`,
      source: 'bo-ex',
      receivedAt: new Date(receivedAt),
      householdKey: `hh-ddas-${index}`,
      household: {
        meervoudig: false,
        opeenvolgend: false,
        sameMonthOpenSignalIds: [],
        declinedRecently: false,
      },
      calendar: municipalCalendar,
    },
  );
  if (!result.routed) throw new Error('the generated signal must route');
  return result.signal;
}

const notRouted = (index: number, receivedAt: string): NotRoutedSignal => ({
  signalId: `sig_ddas_nr_${index}`,
  source: 'mitros',
  kind: 'energieschuld',
  receivedAt,
  status: 'not-routed',
  outcome: 'niet-opgepakt-onterecht',
  amount: 40,
});

// November 2026 in Amsterdam: 00:30 on 1 November is 23:30 UTC on 31 October; 00:30 on 1 December
// is 23:30 UTC on 30 November and falls outside.
const IN_NOVEMBER = Array.from({ length: 230 }, (_, index) => {
  const day = 1 + (index % 23);
  const minute = index % 60;
  return new Date(Date.UTC(2026, 10, day, 8 + (index % 9), minute)).toISOString();
});
const records: StoredSignal[] = [
  ...IN_NOVEMBER.map((receivedAt, index) => debtSignal(index, receivedAt)),
  debtSignal(900, '2026-10-31T23:30:00Z'),
  ...Array.from({ length: 20 }, (_, index) =>
    notRouted(index, `2026-11-${String(5 + index).padStart(2, '0')}T09:00:00Z`),
  ),
  // Outside the period.
  debtSignal(901, '2026-11-30T23:30:00Z'),
  debtSignal(902, '2026-10-31T22:59:00Z'),
  // Care reports are no vroegsignalen (X1): no keys on the index at all.
  ...Array.from({ length: 5 }, (_, index) => ({
    ...debtSignal(950 + index, '2026-11-10T10:00:00Z'),
    kind: 'zorgmelding' as const,
  })),
];
const expectedIds = records
  .filter((record) => record.kind !== 'zorgmelding')
  .filter((record) => amsterdamDateOf(new Date(record.receivedAt)).startsWith('2026-11'))
  .map((record) => record.signalId);

beforeAll(async () => {
  t = await startTestRuntime();
  const client = documentClientOf(t.runtime.dynamodb);
  await dynamoSignalRepository(client, t.runtime.tableName, clock).putNew(records);
  source = dynamoDdasSource(client, t.runtime.tableName, clock);
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

/** The ids a page holds: delivered, or left out (a not-routed record without a stored client). */
const idsOf = (answer: DdasAnswer) => [
  ...answer.gegevens.leveringen[0].vroegsignalen.map((signal) => signal.ID),
  ...answer.leftOut.map((record) => record.signalId),
];

const november = (page: number, pageSize: number) =>
  ddasGegevens(
    { aanleverperiodeStartdatum: '2026-11-01', aanleverperiodeEinddatum: '2026-11-30', page, pageSize },
    { source, config: CONFIG, clock },
    '2026-12-03',
  );

describe('the DDAS delivery reads the period from the received index (issue 14, X1–X2)', () => {
  it('counts every debt record of November once: routed and not routed, no care report, no other month', async () => {
    // Act
    const answer = await november(1, 1000);

    // Assess
    expect(expectedIds).toHaveLength(251);
    expect(answer.paginering).toEqual({ pageSize: 1000, currentPage: 1, totalPages: 1, totalRecords: 251 });
    expect(idsOf(answer).sort()).toEqual([...expectedIds].sort());
  });

  it('pages of 70 hold every record exactly once, in the same order as one page, with the same totals', async () => {
    // Prepare
    const whole = idsOf(await november(1, 1000));

    // Act
    const pages = [];
    for (let page = 1; page <= 4; page++) pages.push(await november(page, 70));

    // Assess
    for (const [index, answer] of pages.entries())
      expect(answer.paginering).toEqual({
        pageSize: 70,
        currentPage: index + 1,
        totalPages: 4,
        totalRecords: 251,
      });
    expect(pages.map((answer) => idsOf(answer).length)).toEqual([70, 70, 70, 41]);
    const paged = pages.flatMap(idsOf);
    expect(new Set(paged).size).toBe(251);
    expect([...paged].sort()).toEqual([...whole].sort());
    // The delivered signals keep the index's order (receipt instant, then id) across the pages.
    const delivered = pages.flatMap((answer) =>
      answer.gegevens.leveringen[0].vroegsignalen.map((signal) => signal.ID),
    );
    const receivedAt = new Map(records.map((record) => [record.signalId, record.receivedAt]));
    const order = delivered.map((id) => `${new Date(receivedAt.get(id) as string).toISOString()}#${id}`);
    expect(order).toEqual([...order].sort());
  });

  it('a page past the last is refused (422), and so is a period that ends before it starts', async () => {
    await expect(november(5, 70)).rejects.toBeInstanceOf(DdasUnprocessableError);
    await expect(
      ddasGegevens(
        { aanleverperiodeStartdatum: '2026-11-30', aanleverperiodeEinddatum: '2026-11-01' },
        { source, config: CONFIG, clock },
        '2026-12-03',
      ),
    ).rejects.toMatchObject({ code: 'periode-ongeldig' });
  });

  it('a record expired under P1 is neither counted nor delivered, before TTL removes it', async () => {
    // Prepare: 12 months on, every never-picked-up signal and not-routed record has expired (P1).
    const later = fixedClock(new Date('2027-12-01T09:00:00+01:00'));
    const laterSource = dynamoDdasSource(documentClientOf(t.runtime.dynamodb), t.runtime.tableName, later);

    // Act
    const answer = await ddasGegevens(
      { aanleverperiodeStartdatum: '2026-11-01', aanleverperiodeEinddatum: '2026-11-30' },
      { source: laterSource, config: CONFIG, clock: later },
      '2027-12-01',
    );

    // Assess
    expect(answer.paginering.totalRecords).toBe(0);
    expect(answer.gegevens.leveringen[0].vroegsignalen).toEqual([]);
  });
});
