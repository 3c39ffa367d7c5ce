import type { PartnerFeedback } from './outcomes.ts';
import { isVeiligThuisForward } from './veilig-thuis-forwards.ts';

/**
 * DESIGN P1: how long the personal data of a signal may be kept — never for ever.
 *
 * - Never picked up — not routed, or routed but no contact attempt yet (C4 `ontvangen`): deleted
 *   6 months after receipt.
 * - Forwarded to Veilig Thuis (C2): no Buurtteam ever works on it, so it goes like a signal nobody
 *   picked up, 6 months after receipt, with its own reason `forwarded` — also once Veilig Thuis has
 *   taken it into handling (closed from `forwarded`, issue 15): Veilig Thuis keeps its case in its
 *   own system, so that click gives this service no reason to keep the report (often about domestic
 *   violence) for 12 months after it, as it would a Buurtteam's closed case.
 * - Picked up (a contact attempt) but never closed: deleted 12 months after its last activity, and
 *   every new activity moves that on.
 * - Closed: deleted 12 months after closing.
 */
export const NEVER_PICKED_UP_MONTHS = 6;
export const FORWARDED_MONTHS = NEVER_PICKED_UP_MONTHS;
export const INACTIVE_MONTHS = 12;
export const CLOSED_MONTHS = 12;

export type RetentionReason = 'never-picked-up' | 'forwarded' | 'inactive' | 'closed';

export interface Retention {
  readonly expiresAt: Date;
  readonly reason: RetentionReason;
}

/** The facts retention depends on; a routed signal and a not-routed record both have them. */
export interface RetainedRecord {
  readonly status: string;
  readonly receivedAt: string;
  readonly closedAt?: string | undefined;
  /** `forwarded` for a Veilig Thuis forward taken into handling (Signal.closedFrom). */
  readonly closedFrom?: string | undefined;
  readonly contactAttempts?: readonly { readonly at: string; readonly recordedAt?: string }[] | undefined;
  readonly routingHistory?: readonly { readonly at: string }[] | undefined;
  readonly amountHistory?: readonly { readonly at: string }[] | undefined;
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

/**
 * The last time anything happened to a record: its receipt, a contact attempt (when it happened and
 * when it was recorded), a step in its routing history (a re-route), an amount update (I5).
 */
export function lastActivityOf(record: RetainedRecord): Date {
  const moments = [
    record.receivedAt,
    ...(record.contactAttempts ?? []).flatMap((attempt) => [attempt.at, attempt.recordedAt]),
    ...(record.routingHistory ?? []).map((step) => step.at),
    ...(record.amountHistory ?? []).map((update) => update.at),
  ].flatMap((moment) => (moment ? [Date.parse(moment)] : []));
  return new Date(Math.max(...moments));
}

/** When a record's personal data expires, and why (P1). */
export function retentionOf(record: RetainedRecord): Retention {
  if (isVeiligThuisForward(record)) {
    return { expiresAt: addMonths(new Date(record.receivedAt), FORWARDED_MONTHS), reason: 'forwarded' };
  }
  if (record.status === 'closed') {
    const closedAt = new Date(record.closedAt ?? record.receivedAt);
    return { expiresAt: addMonths(closedAt, CLOSED_MONTHS), reason: 'closed' };
  }
  if ((record.contactAttempts?.length ?? 0) > 0) {
    return { expiresAt: addMonths(lastActivityOf(record), INACTIVE_MONTHS), reason: 'inactive' };
  }
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
