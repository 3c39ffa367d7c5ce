import { HttpError } from './http-error.ts';
import type { ApiEvent } from './middlewares.ts';

/** Printable ASCII, as the IETF draft "The Idempotency-Key HTTP Header Field" expects of a key. */
const KEY = /^[\x21-\x7E]{1,255}$/;

/**
 * DESIGN I5: the optional `Idempotency-Key` header. A partner that sends one gets the first answer
 * back for every request with that key; without one, the same bytes are recognised instead.
 */
export function idempotencyKeyOf(event: ApiEvent): string | undefined {
  const key = event.headers?.['idempotency-key'];
  if (key === undefined) return undefined;
  if (!KEY.test(key)) {
    throw new HttpError(
      400,
      'invalid-idempotency-key',
      'De Idempotency-Key moet 1 tot 255 zichtbare ASCII-tekens zijn, bijvoorbeeld een UUID.',
      [{ field: 'Idempotency-Key', code: 'invalid-idempotency-key', message: 'Ongeldige sleutel.' }],
    );
  }
  return key;
}

/** The request body as the bytes the client sent (API Gateway may have base64-encoded them). */
export function bodyBytes(event: ApiEvent): Buffer {
  return Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
}

/** Marks an answer that repeats an earlier one (as Stripe and others do), so a client can tell. */
export const REPLAYED_HEADER = 'idempotent-replayed';
