import type { PartnerFeedback } from './outcomes.ts';

/**
 * DESIGN P1: how long the personal data of a signal may be kept.
 *
 * - Never picked up — not routed, or routed but no contact attempt yet (C4 `ontvangen`): deleted
 *   6 months after receipt.
 * - Closed: deleted 12 months after closing.
 * - Picked up and still open: kept while the team works on it; closing starts the 12 months.
 *
 * A Veilig Thuis forward counts as routed: it is kept like any other signal that nobody has
 * contacted yet.
 */
export const NEVER_PICKED_UP_MONTHS = 6;
export const CLOSED_MONTHS = 12;

export type RetentionReason = 'never-picked-up' | 'closed';

export interface Retention {
  readonly expiresAt: Date;
  readonly reason: RetentionReason;
}

/** The facts retention depends on; a routed signal and a not-routed record both have them. */
export interface RetainedRecord {
  readonly status: string;
  readonly receivedAt: string;
  readonly closedAt?: string | undefined;
  readonly contactAttempts?: readonly unknown[] | undefined;
}

/**
 * The same moment `months` calendar months later; a day that month lacks becomes its last day
 * (31 August + 6 months = 28 or 29 February). Counted on UTC fields: an hour's DST difference is
 * immaterial to a retention period.
 */
export function addMonths(instant: Date, months: number): Date {
  const year = instant.getUTCFullYear();
  const month = instant.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const result = new Date(instant);
  result.setUTCFullYear(year, month, Math.min(instant.getUTCDate(), lastDay));
  return result;
}

/** When a record's personal data expires, and why; undefined while a team works on it. */
export function retentionOf(record: RetainedRecord): Retention | undefined {
  if (record.status === 'closed') {
    const closedAt = new Date(record.closedAt ?? record.receivedAt);
    return { expiresAt: addMonths(closedAt, CLOSED_MONTHS), reason: 'closed' };
  }
  if ((record.contactAttempts?.length ?? 0) > 0) return undefined;
  return {
    expiresAt: addMonths(new Date(record.receivedAt), NEVER_PICKED_UP_MONTHS),
    reason: 'never-picked-up',
  };
}

/** DynamoDB TTL wants epoch seconds. */
export function epochSeconds(instant: Date): number {
  return Math.floor(instant.getTime() / 1000);
}

/** Reads ignore what has expired, whether or not it has been deleted yet (P1: TTL lags). */
export function isExpired(expiresAtEpochSeconds: number | undefined, now: Date): boolean {
  return expiresAtEpochSeconds !== undefined && expiresAtEpochSeconds <= epochSeconds(now);
}

/**
 * What a partner sees of a signal once it is deleted (C4): a signal that was never picked up is
 * `niet-opgepakt` for good; a closed one keeps its final feedback.
 */
export function feedbackAfterDeletion(feedback: PartnerFeedback): PartnerFeedback {
  return feedback === 'ontvangen' ? 'niet-opgepakt' : feedback;
}
