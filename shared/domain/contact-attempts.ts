import { formatAmsterdam } from './amsterdam-time.ts';
import { DomainError } from './domain-error.ts';
import type { ContactKind, Signal } from './signal.ts';
import { isPastDeadline } from './working-days.ts';

export interface NewContactAttempt {
  readonly kind: ContactKind;
  readonly reached: boolean;
  /** When the attempt happened; defaults to now. */
  readonly at?: Date | undefined;
  readonly note?: string | undefined;
}

/** Allow a little clock skew between the worker's device and the server. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/**
 * DESIGN D3: records a contact attempt. The first attempt with `reached: true` is the first contact:
 * it stops the escalation clock and keeps whether it was within the deadline, late or not.
 */
export function recordContactAttempt(
  signal: Signal,
  attempt: NewContactAttempt,
  by: string,
  now: Date,
): Signal {
  if (signal.status !== 'open') {
    throw new DomainError(
      'conflict',
      'signal-not-open',
      'Dit signaal is niet (meer) open; contactpogingen zijn niet mogelijk.',
    );
  }
  const at = attempt.at ?? now;
  if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new DomainError(
      'invalid',
      'contact-in-future',
      'Het moment van de contactpoging ligt in de toekomst.',
      'at',
    );
  }
  if (at.getTime() < Date.parse(signal.receivedAt)) {
    throw new DomainError(
      'invalid',
      'contact-before-receipt',
      'Het moment van de contactpoging ligt vóór de ontvangst van het signaal.',
      'at',
    );
  }
  const recorded = {
    kind: attempt.kind,
    reached: attempt.reached,
    at: formatAmsterdam(at),
    note: attempt.note,
    recordedBy: by,
  };
  const isFirstContact = attempt.reached && !signal.firstContactAt;
  return {
    ...signal,
    contactAttempts: [...signal.contactAttempts, recorded],
    ...(isFirstContact
      ? { firstContactAt: recorded.at, firstContactInTime: !isPastDeadline(signal.deadlineAt, at) }
      : {}),
    version: signal.version + 1,
  };
}
