import {
  addCalendarDays,
  amsterdamDateOf,
  type CalendarDate,
  isCalendarDate,
} from '../domain/amsterdam-time.ts';
import type { Clock } from '../domain/clock.ts';
import {
  buildDdasDelivery,
  DDAS_MAX_PAGE_SIZE,
  type DdasGegevens,
  type DdasLeftOut,
  type DdasRecord,
  type DdasSupplierConfig,
} from '../domain/ddas-delivery.ts';

/**
 * DESIGN X1–X2, issue 14: the period's debt records (routed signals and not-routed records, never a
 * care report) in one stable order — receipt day, then receipt instant and id — read a page at a
 * time. The order is what makes page numbers mean the same records on every call.
 */
export interface DdasRecordSource {
  /** How many (unexpired) debt records arrived on each day, in the order of `days`. */
  countPerDay(days: readonly CalendarDate[]): Promise<readonly number[]>;
  /**
   * The records at positions [offset, offset + limit) of the period's order, given the counts per
   * day (so whole days before the page are skipped without reading them).
   */
  read(
    days: readonly CalendarDate[],
    counts: readonly number[],
    offset: number,
    limit: number,
  ): Promise<readonly DdasRecord[]>;
}

/**
 * What one answer holds at most. DDAS-VS allows pages of 25,000 records, but a Lambda answers at most
 * 6 MB, and a record with its share of a zaak is some 440 bytes as API Gateway receives it when
 * nothing has happened yet, and 1,240 with a closed zaak of six contactpogingen and the longest
 * values (test/unit/ddas-page-size.test.ts measures both). 5,000 of the latter fit with room to spare;
 * 25,000 of the former would be 11 MB. So a page holds 5,000, and `paginering.pageSize` says so. A
 * page that is still too large (zaken with many more contactpogingen) is refused with the page size
 * that fits (shared/http/lambda-response-limit.ts), never cut short.
 */
export const DDAS_RECORDS_PER_ANSWER = 5_000;

/** A delivery covers at most a year: CBS asks per month, and P1 keeps no more than that anyway. */
export const DDAS_MAX_PERIOD_DAYS = 366;

export interface DdasRequest {
  readonly aanleverperiodeStartdatum?: CalendarDate | undefined;
  readonly aanleverperiodeEinddatum?: CalendarDate | undefined;
  readonly page?: number | undefined;
  readonly pageSize?: number | undefined;
}

export interface DdasPaginering {
  readonly pageSize: number;
  readonly currentPage: number;
  readonly totalPages: number;
  readonly totalRecords: number;
}

export interface DdasAnswer {
  readonly gegevens: DdasGegevens;
  readonly paginering: DdasPaginering;
  /** Records of the page that could not be delivered (no client), by id and reason only. */
  readonly leftOut: readonly DdasLeftOut[];
}

/** One delivery as kept on record (X3): who, when, which period and page, how many; no personal data. */
export interface DeliveryAuditEntry {
  readonly at: string;
  readonly principalId: string;
  readonly start: string;
  readonly end: string;
  readonly page: number;
  readonly pageSize: number;
  readonly totalRecords: number;
  readonly vroegsignalen: number;
  readonly vroegsignaalzaken: number;
  readonly leftOut: number;
}

/** The record of a delivered page (X3): the period, the page and its counts — ids and numbers only. */
export function deliveryAuditEntryOf(answer: DdasAnswer, principalId: string, at: Date): DeliveryAuditEntry {
  const { gegevens, paginering, leftOut } = answer;
  const [levering] = gegevens.leveringen;
  return {
    at: at.toISOString(),
    principalId,
    start: gegevens.startdatumLevering,
    end: gegevens.einddatumLevering,
    page: paginering.currentPage,
    pageSize: paginering.pageSize,
    totalRecords: paginering.totalRecords,
    vroegsignalen: levering.vroegsignalen.length,
    vroegsignaalzaken: levering.vroegsignaalzaken.length,
    leftOut: leftOut.length,
  };
}

/** A request that is well-formed but cannot be answered (RFC 9457 problem, status 422). */
export class DdasUnprocessableError extends Error {
  readonly code: 'periode-ongeldig' | 'periode-te-lang' | 'pagina-bestaat-niet';

  constructor(code: DdasUnprocessableError['code'], message: string) {
    super(message);
    this.name = 'DdasUnprocessableError';
    this.code = code;
  }
}

export interface DdasDependencies {
  readonly source: DdasRecordSource;
  readonly config: DdasSupplierConfig;
  readonly clock: Clock;
}

/** The calendar days from start to end, both inclusive. */
function daysOf(start: CalendarDate, end: CalendarDate): CalendarDate[] {
  const days: CalendarDate[] = [];
  for (let day = start; day <= end; day = addCalendarDays(day, 1)) days.push(day);
  return days;
}

/**
 * The period when CBS names none: the previous calendar month (Amsterdam), the delivery rhythm the
 * README recommends (monthly, well before P1's six months run out).
 */
function previousMonth(today: CalendarDate): { start: CalendarDate; end: CalendarDate } {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const start = month === 1 ? `${year - 1}-12-01` : `${year}-${String(month - 1).padStart(2, '0')}-01`;
  return { start, end: addCalendarDays(`${today.slice(0, 7)}-01`, -1) };
}

/**
 * `POST /ddas/v1/gegevens` (X1): one page of the period's delivery with its `paginering`. The totals
 * are the period's counts per day (a page's numbers must agree with the totals CBS sees); counting
 * reads the period's index entries — small, bounded by the period, not the table — and a source
 * wrapped in rememberPastDayCounts counts a past day once for all the pages CBS asks in a row.
 */
export async function ddasGegevens(
  request: DdasRequest,
  deps: DdasDependencies,
  today: CalendarDate,
): Promise<DdasAnswer> {
  const now = deps.clock.now();
  const fallback = previousMonth(today);
  const start = request.aanleverperiodeStartdatum ?? fallback.start;
  const end = request.aanleverperiodeEinddatum ?? fallback.end;
  if (!isCalendarDate(start) || !isCalendarDate(end) || start > end)
    throw new DdasUnprocessableError(
      'periode-ongeldig',
      'De aanleverperiode is ongeldig: de startdatum ligt na de einddatum.',
    );
  const days = daysOf(start, end);
  if (days.length > DDAS_MAX_PERIOD_DAYS)
    throw new DdasUnprocessableError(
      'periode-te-lang',
      `De aanleverperiode is langer dan ${DDAS_MAX_PERIOD_DAYS} dagen; vraag per maand op.`,
    );

  const pageSize = Math.min(
    request.pageSize ?? DDAS_MAX_PAGE_SIZE,
    DDAS_MAX_PAGE_SIZE,
    DDAS_RECORDS_PER_ANSWER,
  );
  const currentPage = request.page ?? 1;
  const counts = await deps.source.countPerDay(days);
  const totalRecords = counts.reduce((sum, count) => sum + count, 0);
  const totalPages = Math.max(1, Math.ceil(totalRecords / pageSize));
  if (currentPage > totalPages)
    throw new DdasUnprocessableError(
      'pagina-bestaat-niet',
      `Pagina ${currentPage} bestaat niet: deze levering heeft ${totalPages} pagina('s).`,
    );

  const records = await deps.source.read(days, counts, (currentPage - 1) * pageSize, pageSize);
  const { gegevens, leftOut } = buildDdasDelivery({
    period: { start, end },
    records,
    config: deps.config,
    now,
  });
  return { gegevens, paginering: { pageSize, currentPage, totalPages, totalRecords }, leftOut };
}

/** How long a past day's count is remembered: longer than CBS takes to pull a month page by page. */
export const DAY_COUNT_MEMORY_MS = 15 * 60_000;

/**
 * The source, with the counts of days before today remembered for `memoryMs`. A past day gains no
 * records (a signal's receipt day is the day it arrived), so its count changes only by expiry (P1)
 * or erasure — and remembering it keeps the page numbers of one delivery fixed while CBS pulls it,
 * which recounting on every page would not. Today's count is always read afresh.
 */
export function rememberPastDayCounts(
  source: DdasRecordSource,
  clock: Clock,
  memoryMs = DAY_COUNT_MEMORY_MS,
): DdasRecordSource {
  const remembered = new Map<CalendarDate, { count: number; until: number }>();
  return {
    read: (days, counts, offset, limit) => source.read(days, counts, offset, limit),
    async countPerDay(days) {
      const now = clock.now().getTime();
      const today = amsterdamDateOf(clock.now());
      const cached = days.map((day) => {
        const entry = remembered.get(day);
        return entry !== undefined && entry.until > now && day < today ? entry.count : undefined;
      });
      const missing = days.filter((_, index) => cached[index] === undefined);
      const fresh = missing.length > 0 ? await source.countPerDay(missing) : [];
      const freshByDay = new Map(missing.map((day, index) => [day, fresh[index] ?? 0]));
      for (const [day, count] of freshByDay)
        if (day < today) remembered.set(day, { count, until: now + memoryMs });
      return days.map((day, index) => cached[index] ?? freshByDay.get(day) ?? 0);
    },
  };
}
