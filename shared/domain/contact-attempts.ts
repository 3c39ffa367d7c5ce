import { formatAmsterdam } from './amsterdam-time.ts';
import { DomainError } from './domain-error.ts';
import { CONTACT_KINDS, type ContactKind, type Signal } from './signal.ts';
import { isPastDeadline } from './working-days.ts';

export interface NewContactAttempt {
  readonly kind: ContactKind;
  readonly reached: boolean;
  /** When the attempt happened; defaults to now. */
  readonly at?: Date | undefined;
  readonly note?: string | undefined;
}

/**
 * Kinds stored before DDAS v1.2 (DESIGN D3) under another name: `sms` became `sms-whatsapp`,
 * `overig` became `overige`. Existing items keep them until they are next written.
 */
export const LEGACY_CONTACT_KINDS: Readonly<Record<string, ContactKind>> = {
  sms: 'sms-whatsapp',
  overig: 'overige',
};

const CURRENT_KINDS: ReadonlySet<string> = new Set(CONTACT_KINDS);

/**
 * The current contact kind of a stored value (DESIGN D3): a current kind as it is, an old name as
 * its new one, and anything else as `onbekend` (DDAS's own "unknown"), so no stored item makes a read
 * fail.
 */
export function currentContactKind(stored: string): ContactKind {
  if (CURRENT_KINDS.has(stored)) return stored as ContactKind;
  return LEGACY_CONTACT_KINDS[stored] ?? 'onbekend';
}

/**
 * A signal as read from storage, with its contact attempts in the current vocabulary (D3). The same
 * object when nothing needed mapping.
 */
export function withCurrentContactKinds<
  T extends { readonly contactAttempts?: readonly { readonly kind: string }[] },
>(signal: T): T {
  const attempts = signal.contactAttempts;
  if (!attempts?.some((attempt) => !CURRENT_KINDS.has(attempt.kind))) return signal;
  return {
    ...signal,
    contactAttempts: attempts.map((attempt) => ({ ...attempt, kind: currentContactKind(attempt.kind) })),
  };
}

/** Allow a little clock skew between the worker's device and the server. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/**
 * DESIGN D3: an attempt is recorded at most 7 days after it happened, so the record (and the
 * in-time verdict of a first contact) is not built on memory weeks later. Exactly 7 days is allowed.
 */
const MAX_RECORDING_DELAY_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * DESIGN D3: records a contact attempt. It happened (`at`) not in the future, not before receipt and
 * at most 7 days before now, when it is recorded (`recordedAt`). The first attempt with
 * `reached: true` is the first contact: it stops the escalation clock and keeps whether it was within
 * the deadline, late or not.
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
  if (at.getTime() < now.getTime() - MAX_RECORDING_DELAY_MS) {
    throw new DomainError(
      'invalid',
      'contact-too-old',
      'Het moment van de contactpoging ligt meer dan 7 dagen terug; een contactpoging wordt binnen 7 dagen vastgelegd.',
      'at',
    );
  }
  const recorded = {
    kind: attempt.kind,
    reached: attempt.reached,
    at: formatAmsterdam(at),
    // D3: when it happened and when it was recorded are both kept.
    recordedAt: formatAmsterdam(now),
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
