import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  DDAS_RECORDS_PER_ANSWER,
  type DdasRecordSource,
  ddasGegevens,
  rememberPastDayCounts,
} from '../../shared/application/ddas-gegevens.ts';
import { type PayloadSigner, signDelivery } from '../../shared/application/delivery-signature.ts';
import type { CalendarDate } from '../../shared/domain/amsterdam-time.ts';
import type { Clock } from '../../shared/domain/clock.ts';
import { buildDdasDelivery, DDAS_MAX_PAGE_SIZE, type DdasRecord } from '../../shared/domain/ddas-delivery.ts';
import { debtSignalToSignal } from '../../shared/domain/debt-signal.ts';
import { newSignalId } from '../../shared/domain/ids.ts';
import { municipalCalendar } from '../../shared/domain/municipal-calendar.ts';
import type { Signal } from '../../shared/domain/signal.ts';
import { HttpError } from '../../shared/http/http-error.ts';
import {
  assertPageFitsResponse,
  LAMBDA_RESPONSE_LIMIT_BYTES,
  lambdaResponseBytes,
} from '../../shared/http/lambda-response-limit.ts';

// Issue 14 build 3: a DDAS page never exceeds what a Lambda may answer (6 MB), so where 25,000
// records would not fit the page is smaller and `paginering.pageSize` says so. The records are built
// by the real domain and the answer as the handler builds it (body, Digest, a signature whose `x5c`
// carries a chain as long as a PKIoverheid one); the bytes are what the Lambda runtime would send.

const CONFIG = {
  gemeentecode: '0344',
  codeGegevensleverancier: 'BUURTSIGNAAL',
  aanleverendeOrganisatie: { naam: 'Gemeente Utrecht' },
};
const NO_HISTORY = {
  meervoudig: false,
  opeenvolgend: false,
  sameMonthOpenSignalIds: [],
  declinedRecently: false,
};

/** A PKIoverheid chain is four certificates of some 1.5–2 KB DER: take four of 2 KB. */
const PKIO_LIKE_SIGNER: PayloadSigner = {
  kid: 'pkio-2026-ddas-ondertekening',
  certificateChain: Array.from({ length: 4 }, () => randomBytes(2048).toString('base64')),
  sign: async () => randomBytes(384),
};

interface Shape {
  readonly bsn: boolean;
  readonly attempts: number;
  readonly outcome?: string;
}

/**
 * A debt signal of November with the longest values a field takes: a six-figure amount, an eviction
 * date (crisissignaal), arrears since, house number 5 digits with a suffix of 4, a birth date; and,
 * by `shape`, contact attempts of the longest kind and a closing outcome. Each is a zaak of its own
 * (no household joins another), the largest share of zaken a record can carry.
 */
function record(index: number, shape: Shape): DdasRecord {
  const receivedAt = new Date(Date.UTC(2026, 10, 1 + (index % 30), 8, index % 60));
  const result = debtSignalToSignal(
    {
      sourceReference: `huurder-${index}`,
      kind: 'huurachterstand',
      person: { surname: 'Groot', birthDate: '1961-12-31', ...(shape.bsn ? { bsn: '999993653' } : {}) },
      address: { postcode: '3561AB', houseNumber: 10_000 + (index % 89_999), houseNumberSuffix: 'bis2' },
      amount: 123_456.5,
      arrearsSince: '2026-06-01',
      evictionDate: '2026-12-20',
      minorsInHousehold: 0,
    },
    {
      signalId: newSignalId(),
      source: 'bo-ex',
      receivedAt,
      householdKey: `hh-${index}`,
      household: NO_HISTORY,
      calendar: municipalCalendar,
    },
  );
  if (!result.routed) throw new Error('the generated signal must route');
  const attempts = Array.from({ length: shape.attempts }, (_, n) => {
    const at = new Date(receivedAt.getTime() + (n + 1) * 3_600_000).toISOString();
    return { kind: 'afspraak-op-locatie' as const, reached: false, at, recordedAt: at, recordedBy: 'dev-bt' };
  });
  const signal: Signal = { ...result.signal, contactAttempts: attempts };
  return shape.outcome
    ? { ...signal, status: 'closed', outcome: shape.outcome, closedAt: '2026-11-30T15:00:00.000Z' }
    : signal;
}

/** The answer of one page as deliver-ddas.ts builds it, and the bytes Lambda would send for it. */
async function answerOf(records: readonly DdasRecord[]) {
  const { gegevens } = buildDdasDelivery({
    period: { start: '2026-11-01', end: '2026-11-30' },
    records,
    config: CONFIG,
    now: new Date('2026-12-01T09:00:00Z'),
  });
  const paginering = {
    pageSize: records.length,
    currentPage: 1,
    totalPages: 1,
    totalRecords: records.length,
  };
  const bytes = Buffer.from(JSON.stringify({ gegevens, paginering }), 'utf8');
  const signature = await signDelivery(bytes, PKIO_LIKE_SIGNER);
  return {
    statusCode: 200,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      Digest: signature.digest,
      'nlgov-adr-payload-sig': signature.payloadSignature,
    },
    body: bytes.toString('utf8'),
  };
}

const pageOf = (count: number, shape: Shape) => Array.from({ length: count }, (_, i) => record(i, shape));

describe('a DDAS page within what a Lambda may answer (issue 14 build 3, DESIGN X1)', () => {
  it('counts the body as the runtime sends it: a JSON string, every quote escaped', () => {
    const result = { statusCode: 200, headers: {}, body: '{"a":"b"}' };
    // {"statusCode":200,"headers":{},"body":"{\"a\":\"b\"}"} counted by hand: 18 + 13 + 7 + 15 + 1 = 54 bytes.
    expect(lambdaResponseBytes(result)).toBe(54);
  });

  it('would not fit 25,000 records even when nothing has happened to them yet: hence the smaller page', async () => {
    const sample = await answerOf(pageOf(1_000, { bsn: true, attempts: 0 }));
    const perRecord = lambdaResponseBytes(sample) / 1_000;
    expect(perRecord * DDAS_MAX_PAGE_SIZE).toBeGreaterThan(LAMBDA_RESPONSE_LIMIT_BYTES);
    expect(DDAS_RECORDS_PER_ANSWER).toBeLessThan(DDAS_MAX_PAGE_SIZE);
  });

  it.each([
    ['open, six contactpogingen', { bsn: false, attempts: 6 }],
    ['closed with the longest result', { bsn: false, attempts: 6, outcome: 'inwoner-hoeft-geen-hulp' }],
    ['closed with the longest status', { bsn: false, attempts: 6, outcome: 'geen-inwoner' }],
  ] as const)('fits a full page of the heaviest records teams make — %s', async (_, shape) => {
    const result = await answerOf(pageOf(DDAS_RECORDS_PER_ANSWER, shape));
    expect(() =>
      assertPageFitsResponse(result, {
        currentPage: 1,
        pageSize: DDAS_RECORDS_PER_ANSWER,
        records: DDAS_RECORDS_PER_ANSWER,
      }),
    ).not.toThrow();
    expect(lambdaResponseBytes(result)).toBeLessThan(LAMBDA_RESPONSE_LIMIT_BYTES);
  });

  it('refuses a page that still does not fit with 422 and a page size that does, never a cut-short page', async () => {
    const heavy: Shape = { bsn: false, attempts: 14, outcome: 'inwoner-hoeft-geen-hulp' };
    const result = await answerOf(pageOf(DDAS_RECORDS_PER_ANSWER, heavy));
    let refusal: unknown;
    try {
      assertPageFitsResponse(result, {
        currentPage: 3,
        pageSize: DDAS_RECORDS_PER_ANSWER,
        records: DDAS_RECORDS_PER_ANSWER,
      });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(HttpError);
    const { status, code, message } = refusal as HttpError;
    expect({ status, code }).toEqual({ status: 422, code: 'pagina-te-groot' });
    expect(message).toMatch(
      /^Pagina 3 is met 5000 records \d+,\d MB, te groot voor één antwoord \(de grens is 6 MB\)\./,
    );
    const suggested = Number(/pageSize (\d+) \(nu 5000\)/.exec(message)?.[1]);
    expect(suggested).toBeGreaterThan(0);
    expect(suggested).toBeLessThan(DDAS_RECORDS_PER_ANSWER);
    // The advice holds: a page of the suggested size of the same records fits.
    const smaller = await answerOf(pageOf(suggested, heavy));
    expect(() =>
      assertPageFitsResponse(smaller, { currentPage: 1, pageSize: suggested, records: suggested }),
    ).not.toThrow();
  });
});

/** A source over counts per day that counts how often each day was counted. */
function countingSource(counts: Record<CalendarDate, number>) {
  const counted: CalendarDate[] = [];
  const source: DdasRecordSource = {
    countPerDay: async (days) => {
      counted.push(...days);
      return days.map((day) => counts[day] ?? 0);
    },
    read: async () => [],
  };
  return { source, counted };
}

const clockAt = (instant: string) => {
  let now = new Date(instant);
  const clock: Clock = { now: () => now };
  return { clock, set: (next: string) => (now = new Date(next)) };
};

describe('paginering with the smaller page', () => {
  it('answers a request for 25,000 (or none) with pages of DDAS_RECORDS_PER_ANSWER, and says so', async () => {
    const { source } = countingSource({ '2026-11-10': 12_000 });
    const deps = { source, config: CONFIG, clock: clockAt('2026-12-01T09:00:00Z').clock };
    const november = { aanleverperiodeStartdatum: '2026-11-01', aanleverperiodeEinddatum: '2026-11-30' };
    for (const request of [{ ...november, pageSize: 25_000 }, november]) {
      const { paginering } = await ddasGegevens(request, deps, '2026-12-01');
      expect(paginering).toEqual({
        pageSize: DDAS_RECORDS_PER_ANSWER,
        currentPage: 1,
        totalPages: Math.ceil(12_000 / DDAS_RECORDS_PER_ANSWER),
        totalRecords: 12_000,
      });
    }
    const smaller = await ddasGegevens({ ...november, pageSize: 1_000 }, deps, '2026-12-01');
    expect(smaller.paginering).toMatchObject({ pageSize: 1_000, totalPages: 12 });
  });
});

describe('a past day counted once for the pages CBS asks in a row', () => {
  it('counts past days once within the memory, today every time, and past days again after it', async () => {
    const { source, counted } = countingSource({ '2026-11-29': 3, '2026-11-30': 4, '2026-12-01': 5 });
    const time = clockAt('2026-12-01T10:00:00+01:00');
    const remembering = rememberPastDayCounts(source, time.clock, 60_000);
    const days = ['2026-11-29', '2026-11-30', '2026-12-01'];

    expect(await remembering.countPerDay(days)).toEqual([3, 4, 5]);
    expect(await remembering.countPerDay(days)).toEqual([3, 4, 5]);
    expect(counted).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-01']);

    time.set('2026-12-01T10:01:01+01:00');
    expect(await remembering.countPerDay(['2026-11-30'])).toEqual([4]);
    expect(counted.slice(4)).toEqual(['2026-11-30']);
  });

  it('keeps the order of the days asked, whichever were remembered', async () => {
    const { source } = countingSource({ '2026-11-01': 1, '2026-11-02': 2, '2026-11-03': 3 });
    const remembering = rememberPastDayCounts(source, clockAt('2026-12-01T10:00:00Z').clock);
    await remembering.countPerDay(['2026-11-02']);
    expect(await remembering.countPerDay(['2026-11-03', '2026-11-01', '2026-11-02'])).toEqual([3, 1, 2]);
  });
});
