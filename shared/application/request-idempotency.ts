import { createHash } from 'node:crypto';
import type { Timer } from '../domain/clock.ts';
import { DomainError } from '../domain/domain-error.ts';
import type { IdempotencyClaim, IdempotencyStore } from './ports.ts';

/**
 * DESIGN I5, whole-request idempotency: how long a request is remembered. A client retry comes
 * within minutes; a day also covers a partner re-sending yesterday's file by mistake. After that the
 * same bytes are a new request again, whose rows are then duplicates (I5), which is truthful too.
 */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** How a request is recognised: the partner's `Idempotency-Key` if it sent one, else its bytes. */
export interface RequestIdentity {
  /** Route and partner: a key means nothing outside them. */
  readonly scope: string;
  readonly idempotencyKey?: string | undefined;
  /** SHA-256 of the body as received (the file's bytes for an upload). */
  readonly payloadHash: string;
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The claim's key: never the partner's key itself, which may be anything they chose. */
export function claimKey(request: RequestIdentity): string {
  return request.idempotencyKey
    ? `${request.scope}#key:${sha256Hex(request.idempotencyKey)}`
    : `${request.scope}#body:${request.payloadHash}`;
}

/** The same Idempotency-Key with other bytes: the client reuses a key it should not (422). */
export function assertSamePayload(existing: IdempotencyClaim, request: RequestIdentity): void {
  if (existing.payloadHash !== request.payloadHash) {
    throw new DomainError(
      'invalid',
      'idempotency-key-reused',
      'Deze Idempotency-Key is al gebruikt voor een ander verzoek. Gebruik een nieuwe sleutel voor nieuwe gegevens.',
      'Idempotency-Key',
    );
  }
}

/** The first request with these bytes is still being handled and gave no answer yet (409). */
export function requestInProgress(): DomainError {
  return new DomainError(
    'conflict',
    'request-in-progress',
    'Hetzelfde verzoek wordt nog verwerkt. Probeer het over een minuut opnieuw; u krijgt dan het eerste antwoord.',
  );
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `look` until it gives an answer or real time reaches `until`; undefined then. A duplicate
 * of a request in flight waits for the first one's answer instead of doing the work again.
 */
export async function waitFor<T>(
  look: () => Promise<T | undefined>,
  until: number,
  timer: Timer,
  intervalMs = 250,
): Promise<T | undefined> {
  for (;;) {
    const found = await look();
    if (found !== undefined || timer.now() >= until) return found;
    await pause(Math.min(intervalMs, Math.max(0, until - timer.now())));
  }
}

/** Claims a request, or returns the live claim of the first one with the same identity. */
export async function claimRequest(
  store: IdempotencyStore,
  request: RequestIdentity,
  claim: Omit<IdempotencyClaim, 'key' | 'payloadHash'>,
  timer: Timer,
): Promise<{ readonly key: string; readonly existing?: IdempotencyClaim | undefined }> {
  const key = claimKey(request);
  const existing = await store.claim(
    { ...claim, key, payloadHash: request.payloadHash },
    timer.now() + IDEMPOTENCY_WINDOW_MS,
  );
  if (existing) assertSamePayload(existing, request);
  return { key, existing };
}
