/**
 * Removes personal data from what is about to be logged (DESIGN P2). Plain TypeScript, no AWS: the
 * log formatter in observability.ts runs every entry through `redactLogValue` before it is written.
 *
 * Two nets, because neither catches everything alone. By key: a field that holds personal data goes,
 * whatever its value looks like (a surname matches no pattern). By value: a BSN, postcode, e-mail
 * address or phone number inside any remaining string goes too (an error message or stack quoting
 * the input). Ids (`sig_…`, `upl_…`, UUIDs), ISO timestamps, team ids and counts must survive: a
 * redaction that eats every id makes the logs useless.
 */

export const REDACTED = '[verwijderd]';

/** Compared case-insensitively and without `_`/`-`, so `birth_date` and `BirthDate` count too. */
function normalisedKey(key: string): string {
  return key.toLowerCase().replace(/[-_\s]/g, '');
}

/** Fields whose value is personal data wherever they appear, at any depth. */
const PERSONAL_KEYS = new Set(
  [
    // The person (Signal.person, partner files, the inbox row).
    'person',
    'bsn',
    'initials',
    'prefix',
    'surname',
    'firstName',
    'lastName',
    'name',
    'displayName',
    'birthDate',
    'birthYear',
    'phone',
    'email',
    // The address and the household.
    'address',
    'street',
    'houseNumber',
    'houseNumberSuffix',
    'postcode',
    'city',
    'household',
    'minors',
    // Free text written by partners or workers; a reroute's explanation quotes the worker's reason.
    'summary',
    'note',
    'reason',
    'explanation',
    // The energy supplier's customer number identifies a person.
    'customerNumber',
    // Raw request bodies, and credentials: an ID token carries the user's name and e-mail.
    'body',
    'authorization',
    'cookie',
    'claims',
    // The rent-arrears file's Dutch column names, should a raw row ever reach a log.
    'voorletters',
    'tussenvoegsel',
    'achternaam',
    'geboortedatum',
    'straat',
    'huisnummer',
    'toevoeging',
    'woonplaats',
    'telefoon',
    // DDAS v1.2's minimised `client` (X2), kept on not-routed debt records: `postcode`, `huisnummer`
    // and `geboortedatum` are above; a suffix is no pattern, and a BSN under this key goes by key
    // whatever its form.
    'burgerservicenummer',
    'huisnummertoevoeging',
  ].map(normalisedKey),
);

export function isPersonalKey(key: string): boolean {
  return PERSONAL_KEYS.has(normalisedKey(key));
}

// Every pattern stops at letters, digits and `_` on both sides, so the digits inside `sig_…`,
// `upl_…`, hashes and UUIDs never match; separators stay within one number. The lookbehinds also
// let a match start only where a word starts, which keeps long strings linear (no backtracking
// from every position of a long run).
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/**
 * Dutch numbers: 06-12345678, 0612345678, 030-1234567, (030) 123 45 67, +31 6 12345678,
 * +31 (0)30 1234567, 0031 30 1234567 — a trunk 0 or the country code, then nine digits.
 */
const PHONE =
  /(?<![\p{L}\p{N}_+])(?:(?:\+|00)31[ -]?(?:\(0\)[ -]?)?|\(?0)\d(?:(?:[ -]|\) ?)?\d){8}(?![\p{L}\p{N}_])/gu;
/**
 * A BSN: nine digits, also written 123.456.789 or 1234.56.789. Not after a `.` and not before a
 * decimal part, so 0.123456789 and amounts like 123456789,50 are left alone.
 */
const BSN = /(?<![\p{L}\p{N}_.])(?:\d{9}|\d{3}\.\d{3}\.\d{3}|\d{4}\.\d{2}\.\d{3})(?![\p{L}\p{N}_]|[.,]\d)/gu;
/**
 * A postcode: 3561AB, 3562cd or 3561 AB. With a space only in capitals, so "after 3000 ms" or
 * "in 2026 en" in a message survive.
 */
const POSTCODE = /(?<![\p{L}\p{N}_])[1-9]\d{3}(?:[A-Za-z]{2}| [A-Z]{2})(?![\p{L}\p{N}_])/gu;

const VALUE_PATTERNS = [EMAIL, PHONE, BSN, POSTCODE] as const;

/** Replaces every BSN, postcode, e-mail address and phone number in a text. */
export function redactText(text: string): string {
  let result = text;
  for (const pattern of VALUE_PATTERNS) result = result.replace(pattern, REDACTED);
  return result;
}

/** A nine-digit integer is a BSN that lost its quotes; counts and durations never get that large. */
function isBsnLike(value: number | bigint): boolean {
  return typeof value === 'bigint'
    ? value >= 100_000_000n && value <= 999_999_999n
    : Number.isInteger(value) && value >= 100_000_000 && value <= 999_999_999;
}

export interface RedactOptions {
  /** Turns an error into a plain record; the log formatter passes Powertools' own (adds `location`). */
  readonly formatError?: (error: Error) => Record<string, unknown>;
}

function plainError(error: Error): Record<string, unknown> {
  const { name, message, stack, cause, ...own } = error as Error & Record<string, unknown>;
  return { name, message, stack, cause, ...own };
}

/**
 * A copy of `value` without personal data: personal keys' values become `[verwijderd]` at any depth
 * (also inside errors), every other string is cleaned by `redactText`, raw bytes are dropped. The
 * input is never changed; shared and circular references map to the same copy.
 */
export function redactLogValue(value: unknown, options: RedactOptions = {}): unknown {
  const formatError = options.formatError ?? plainError;
  const copies = new WeakMap<object, unknown>();

  const visitEntries = (entries: [string, unknown][], copy: Record<string, unknown>) => {
    for (const [key, item] of entries) copy[key] = isPersonalKey(key) ? REDACTED : visit(item);
    return copy;
  };

  const visitError = (error: Error) => {
    const copy: Record<string, unknown> = {};
    copies.set(error, copy);
    const { name, cause, ...rest } = formatError(error);
    // An error's `name` is its class (TypeError, CsvFileError), useful and never a person's name.
    copy.name = visit(name);
    visitEntries(Object.entries(rest), copy);
    // The original cause, not its formatted record, so a nested error is treated as an error again.
    if (cause !== undefined) copy.cause = visit(error.cause);
    return copy;
  };

  const visit = (input: unknown): unknown => {
    if (typeof input === 'string') return redactText(input);
    if (typeof input === 'number' || typeof input === 'bigint') return isBsnLike(input) ? REDACTED : input;
    if (typeof input !== 'object' || input === null) return input;
    if (copies.has(input)) return copies.get(input);
    // A Buffer or typed array is a file or a body; its bytes are nothing to read in a log.
    if (ArrayBuffer.isView(input) || input instanceof ArrayBuffer) return REDACTED;
    if (input instanceof Error) return visitError(input);
    if (Array.isArray(input)) {
      const copy: unknown[] = [];
      copies.set(input, copy);
      for (const item of input) copy.push(visit(item));
      return copy;
    }
    const toJSON = (input as { toJSON?: unknown }).toJSON;
    // A Date (or anything else with its own JSON form) is redacted as it will be written.
    if (typeof toJSON === 'function') return visit(toJSON.call(input));
    const copy: Record<string, unknown> = {};
    copies.set(input, copy);
    return visitEntries(Object.entries(input), copy);
  };

  return visit(value);
}
