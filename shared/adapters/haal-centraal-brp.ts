import { setTimeout as delay } from 'node:timers/promises';
import {
  type BrpAddress,
  type BrpBirthDate,
  type BrpFailureCode,
  type BrpRegistration,
  type PopulationRegister,
  PopulationRegisterError,
} from '../application/population-register.ts';
import { UTRECHT_GEMEENTECODE } from '../domain/ddas-delivery.ts';
import { normalisePostcode } from '../domain/postcode.ts';
import {
  type AbstractDatum,
  ADDRESS_SEARCH_FIELDS,
  BSN_LOOKUP_FIELDS,
  HUISLETTER_PATTERN,
  HUISNUMMERTOEVOEGING_PATTERN,
  type PersonenQuery,
  type PersonenQueryResponse,
  personenQueryResponseSchema,
  personenQuerySchema,
  RAADPLEEG_MET_BURGERSERVICENUMMER,
  ZOEK_MET_POSTCODE_EN_HUISNUMMER,
} from './haal-centraal-schemas.ts';

/**
 * DESIGN B1–B3: the population register over the Haal Centraal BRP Personen bevragen API v2
 * (`POST {url}/personen`, shared/adapters/haal-centraal-schemas.ts). Every request is checked
 * against the contract before it leaves (a request that does not fit is a bug: a thrown Error, not
 * a question); every answer is checked before it is read. Nothing is logged here — no postcode, no
 * BSN, no birth date (P2) — failures carry a code (`PopulationRegisterError`).
 */
export interface HaalCentraalBrpConfig {
  /** The API's base URL, e.g. `https://…/haalcentraal/api/brp`; questions go to `${url}/personen`. */
  readonly url: string;
  /**
   * Sent as the `X-API-KEY` header: the resolved openapi.yaml declares no securitySchemes; the
   * contract's getting-started (docs/v2/getting-started.md) names this header for the API key.
   */
  readonly apiKey?: string | undefined;
  /** Per attempt, the whole answer included (B3: the BRP never holds intake up for long). */
  readonly timeoutMs?: number | undefined;
  /** Attempts after the first, for timeouts, unreachable, 5xx and 429 only (never other 4xx). */
  readonly retries?: number | undefined;
  /** The first retry waits 50–100% of this; each next one twice as long (exponential, jittered). */
  readonly backoffMs?: number | undefined;
  /** Consecutive failed attempts that open the circuit breaker. */
  readonly breakerThreshold?: number | undefined;
  /** How long an open breaker fails fast before it lets one trial attempt through. */
  readonly breakerCooldownMs?: number | undefined;
  /** Defaults to the global fetch (Node's undici). */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** An undici `Agent` carrying the mTLS client certificate on AWS; handed to fetch as is. */
  readonly dispatcher?: RequestInit['dispatcher'];
  /** The breaker's clock, in milliseconds. */
  readonly now?: (() => number) | undefined;
  /** The wait between attempts (tests record it instead of waiting). */
  readonly sleep?: ((ms: number) => Promise<void>) | undefined;
}

export const HAAL_CENTRAAL_DEFAULTS = {
  timeoutMs: 2000,
  retries: 2,
  backoffMs: 100,
  breakerThreshold: 5,
  breakerCooldownMs: 30_000,
} as const;

/** What one attempt came to. `healthy`: the BRP answered as a working service does (4xx included). */
type Outcome =
  | { readonly ok: true; readonly answer: PersonenQueryResponse }
  | {
      readonly ok: false;
      readonly code: BrpFailureCode;
      readonly retryable: boolean;
      readonly healthy: boolean;
      readonly cause?: unknown;
    };

/**
 * A small consecutive-failure circuit breaker. package.json has no resilience library (no opossum,
 * cockatiel, p-retry) and this is some forty lines; a new runtime dependency in every Lambda bundle
 * that routes signals would buy nothing here. Closed: every attempt goes. After `threshold`
 * consecutive failed attempts it opens: attempts fail fast (`brp-circuit-open`) for `cooldownMs`.
 * Then it is half-open: exactly one trial attempt goes; its success closes the breaker, its failure
 * opens it for another cool-down. It counts attempts, not questions, so a BRP that stopped answering
 * is noticed within one wave of parallel questions rather than after their retries. It lives as long
 * as the adapter: created once per Lambda container, it spans invocations.
 */
class CircuitBreaker {
  readonly #threshold: number;
  readonly #cooldownMs: number;
  readonly #now: () => number;
  #consecutiveFailures = 0;
  #openedAt: number | undefined;
  #trialInFlight = false;

  constructor(threshold: number, cooldownMs: number, now: () => number) {
    this.#threshold = threshold;
    this.#cooldownMs = cooldownMs;
    this.#now = now;
  }

  /** May an attempt go now, and as what? In the half-open state the first caller gets the trial. */
  admit(): 'closed' | 'trial' | undefined {
    if (this.#openedAt === undefined) return 'closed';
    if (this.#trialInFlight || this.#now() - this.#openedAt < this.#cooldownMs) return undefined;
    this.#trialInFlight = true;
    return 'trial';
  }

  /** Any answer of a working service closes the breaker; a failed trial opens it again at once. */
  record(admittedAs: 'closed' | 'trial', healthy: boolean): void {
    if (admittedAs === 'trial') this.#trialInFlight = false;
    if (healthy) {
      this.#consecutiveFailures = 0;
      this.#openedAt = undefined;
      return;
    }
    // The count goes on while open, so a failed trial opens it again for a full cool-down.
    this.#consecutiveFailures++;
    if (this.#consecutiveFailures >= this.#threshold) this.#openedAt = this.#now();
  }
}

const sleepFor = (ms: number) => delay(ms);

/**
 * The partner's house-number suffix as the BRP's parameters (the BAG keeps two: a huisletter and a
 * huisnummertoevoeging). One letter is a huisletter; anything else that fits the contract's
 * huisnummertoevoeging (`bis`, `2`, `A-1`: at most four letters, digits, spaces, hyphens) is a
 * toevoeging. A leading separator (`-2`, as in "4-2") is notation, not part of the BAG value.
 * A suffix that fits neither (`2-hoog`, `3 hoog achter`) is not searchable: sent, it would fail
 * the contract, and left out, the search by postcode and house number alone would count the people
 * of every unit at that number as this household's — so `undefined`, and no question is asked.
 */
export function suffixParameters(suffix: string | undefined):
  | {
      huisletter?: string;
      huisnummertoevoeging?: string;
    }
  | undefined {
  const value = suffix?.trim().replace(/^[-\s]+/, '');
  if (!value) return {};
  if (HUISLETTER_PATTERN.test(value)) return { huisletter: value };
  if (HUISNUMMERTOEVOEGING_PATTERN.test(value)) return { huisnummertoevoeging: value };
  return undefined;
}

/** The register's birth date in the port's words; a person without one is `onbekend`. */
function birthDateOf(datum: AbstractDatum | undefined): BrpBirthDate {
  switch (datum?.type) {
    case 'Datum':
      return { kind: 'datum', date: datum.datum };
    case 'JaarMaandDatum':
      return { kind: 'jaar-maand', year: datum.jaar, month: datum.maand };
    case 'JaarDatum':
      return { kind: 'jaar', year: datum.jaar };
    default:
      return { kind: 'onbekend' };
  }
}

const MUNICIPALITY_CODE = /^\d{4}$/;

/** The issues of a request that does not fit the contract: paths and codes, never the values. */
const describeIssues = (issues: readonly { path: PropertyKey[]; code: string }[]) =>
  issues.map((issue) => `${issue.path.map(String).join('.') || '(body)'}: ${issue.code}`).join('; ');

export function haalCentraalBrp(config: HaalCentraalBrpConfig): PopulationRegister {
  const endpoint = `${config.url.replace(/\/+$/, '')}/personen`;
  const timeoutMs = config.timeoutMs ?? HAAL_CENTRAAL_DEFAULTS.timeoutMs;
  const retries = config.retries ?? HAAL_CENTRAAL_DEFAULTS.retries;
  const backoffMs = config.backoffMs ?? HAAL_CENTRAAL_DEFAULTS.backoffMs;
  const fetchImpl = config.fetch ?? globalThis.fetch;
  const sleep = config.sleep ?? sleepFor;
  const breaker = new CircuitBreaker(
    config.breakerThreshold ?? HAAL_CENTRAAL_DEFAULTS.breakerThreshold,
    config.breakerCooldownMs ?? HAAL_CENTRAAL_DEFAULTS.breakerCooldownMs,
    config.now ?? Date.now,
  );
  const headers: Record<string, string> = {
    // The contract's requestBody and 200 content: `application/json; charset=utf-8`.
    'Content-Type': 'application/json; charset=utf-8',
    Accept: 'application/json',
    ...(config.apiKey ? { 'X-API-KEY': config.apiKey } : {}),
  };

  /** One request; never throws. */
  async function attempt(body: string, type: PersonenQuery['type']): Promise<Outcome> {
    const signal = AbortSignal.timeout(timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(endpoint, {
        method: 'POST',
        headers,
        body,
        signal,
        // A question with personal data follows no redirect to wherever it points.
        redirect: 'manual',
        ...(config.dispatcher ? { dispatcher: config.dispatcher } : {}),
      });
      text = await response.text(); // under the same timeout
    } catch (cause) {
      const code = signal.aborted ? 'brp-timeout' : 'brp-unreachable';
      return { ok: false, code, retryable: true, healthy: false, cause };
    }
    const status = response.status;
    if (status === 200) return answerOf(text, response.headers.get('content-type'), type);
    if (status === 429) return { ok: false, code: 'brp-client-error', retryable: true, healthy: false };
    if (status >= 500) return { ok: false, code: 'brp-server-error', retryable: true, healthy: false };
    if (status >= 400) return { ok: false, code: 'brp-client-error', retryable: false, healthy: true };
    // Another 2xx, or a redirect: no answer the contract knows.
    return { ok: false, code: 'brp-malformed-answer', retryable: false, healthy: false };
  }

  function answerOf(text: string, contentType: string | null, type: PersonenQuery['type']): Outcome {
    const malformed = (cause?: unknown): Outcome => ({
      ok: false,
      code: 'brp-malformed-answer',
      retryable: false,
      healthy: false,
      cause,
    });
    if (!/^application\/json\s*(;|$)/i.test(contentType ?? '')) return malformed();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (cause) {
      return malformed(cause);
    }
    const parsed = personenQueryResponseSchema.safeParse(json);
    if (!parsed.success) return malformed(new Error(describeIssues(parsed.error.issues)));
    if (parsed.data.type !== type) return malformed(); // an answer to a question we did not ask
    return { ok: true, answer: parsed.data };
  }

  /** Asks one question: checked against the contract, retried with backoff, through the breaker. */
  async function ask<T extends PersonenQuery['type']>(
    query: Extract<PersonenQuery, { type: T }>,
  ): Promise<Extract<PersonenQueryResponse, { type: T }>> {
    const checked = personenQuerySchema.safeParse(query);
    if (!checked.success) {
      throw new Error(
        `BRP ${query.type}: the request does not fit the contract (${describeIssues(checked.error.issues)})`,
      );
    }
    const body = JSON.stringify(checked.data);
    let failure: Extract<Outcome, { ok: false }> | undefined;
    for (let attemptNumber = 0; attemptNumber <= retries; attemptNumber++) {
      if (attemptNumber > 0) {
        const ceiling = backoffMs * 2 ** (attemptNumber - 1);
        await sleep(ceiling / 2 + (Math.random() * ceiling) / 2);
      }
      // A retry the breaker refuses ends the question with the failure it already had.
      const admittedAs = breaker.admit();
      if (!admittedAs) break;
      const outcome = await attempt(body, query.type);
      breaker.record(admittedAs, outcome.ok || outcome.healthy);
      // answerOf took only an answer of the question's own type.
      if (outcome.ok) return outcome.answer as Extract<PersonenQueryResponse, { type: T }>;
      failure = outcome;
      if (!outcome.retryable) break;
    }
    throw new PopulationRegisterError(failure?.code ?? 'brp-circuit-open', { cause: failure?.cause });
  }

  return {
    async residentsAt(address: BrpAddress): Promise<readonly BrpBirthDate[]> {
      const suffix = suffixParameters(address.houseNumberSuffix);
      if (!suffix) throw new PopulationRegisterError('brp-unsearchable-address');
      const answer = await ask({
        type: ZOEK_MET_POSTCODE_EN_HUISNUMMER,
        fields: [...ADDRESS_SEARCH_FIELDS],
        // Binnengemeentelijk zoeken (features/zoeken/binnengemeentelijk-zoeken): only people registered
        // in Utrecht, and a municipality asking about its own residents needs no further autorisation
        // for the search parameters (autorisatie/…/zoek-met-postcode-en-huisnummer). A Utrecht address
        // has no residents registered elsewhere, so nothing R3 needs is left out.
        gemeenteVanInschrijving: UTRECHT_GEMEENTECODE,
        postcode: normalisePostcode(address.postcode),
        huisnummer: address.houseNumber,
        ...suffix,
      });
      return (answer.personen ?? []).map((persoon) => birthDateOf(persoon.geboorte?.datum));
    },

    async registrationOf(bsn: string): Promise<BrpRegistration> {
      // No gemeenteVanInschrijving here: B2 must learn where the person is registered, and with
      // Utrecht's code a person registered elsewhere would look like one the BRP does not know.
      const answer = await ask({
        type: RAADPLEEG_MET_BURGERSERVICENUMMER,
        fields: [...BSN_LOOKUP_FIELDS],
        burgerservicenummer: [bsn],
      });
      const [persoon, ...others] = answer.personen ?? [];
      if (!persoon) return { found: false };
      // One BSN is one person (the API answers 400 `notUnique` otherwise).
      if (others.length > 0) throw new PopulationRegisterError('brp-malformed-answer');
      const code = persoon.gemeenteVanInschrijving?.code;
      // A code from the 'Gemeenten' table has four digits ('1999' is the RNI, i.e. no resident); any
      // other code would make B2 close a signal on a misreading, so it is no usable answer.
      if (code !== undefined && !MUNICIPALITY_CODE.test(code))
        throw new PopulationRegisterError('brp-malformed-answer');
      return { found: true, municipalityCode: code };
    },
  };
}
