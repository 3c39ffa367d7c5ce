import type { CalendarDate } from '../domain/amsterdam-time.ts';
import { assessMinors, type BrpFindings, OWN_MUNICIPALITY_CODE } from '../domain/household-composition.ts';
import { inParallel } from '../parallel.ts';
import {
  type BrpAddress,
  type BrpFailureCode,
  PERMANENT_BRP_FAILURES,
  type PopulationRegister,
  PopulationRegisterError,
} from './population-register.ts';

/** DESIGN B3: why the BRP was asked — the doelbinding the protocol records. */
export type BrpPurpose = 'vroegsignalering-schulden' | 'zorgmelding';

export type BrpQuestionKind = 'ZoekMetPostcodeEnHuisnummer' | 'RaadpleegMetBurgerservicenummer';

/**
 * One line of the protocol (protocollering, B3): who asked which question about which signal, why
 * and when — no postcode, no BSN, nothing of the answer. Written before the question is asked: a
 * question that cannot be recorded is not asked.
 */
export interface BrpQueryRecord {
  readonly at: string;
  /** The service part that asked: the router, or the later retry. */
  readonly who: string;
  readonly purpose: BrpPurpose;
  readonly signalId: string;
  readonly question: BrpQuestionKind;
}

export interface BrpProtocol {
  record(entries: readonly BrpQueryRecord[]): Promise<void>;
}

export interface BrpDependencies {
  readonly register: PopulationRegister;
  readonly protocol: BrpProtocol;
  readonly now: () => Date;
  readonly who: string;
  /** Told the codes of questions left unanswered, for an ids-and-codes log line and a metric (P2). */
  readonly reportFailures?: ((failures: ReadonlyMap<string, BrpFailureCode>) => void) | undefined;
}

/** What the router wants to know of one signal; nothing is asked when neither is wanted. */
export interface BrpQuestion {
  readonly signalId: string;
  readonly purpose: BrpPurpose;
  /** The receipt date: R3 counts members under 18 on it. */
  readonly on: CalendarDate;
  /** B1: the composition is unknown: who lives at the address? */
  readonly address?: BrpAddress | undefined;
  /** B2 (debt signals only): where is this BSN registered? */
  readonly bsn?: string | undefined;
}

/** Questions asked at once; the adapter's own timeout bounds each (B3: never slows intake much). */
const PARALLEL_QUESTIONS = 8;

export interface BrpConsultation {
  readonly findings: ReadonlyMap<string, BrpFindings>;
  /** Failure codes by signal id, for the caller's ids-and-codes log line (P2). */
  readonly failures: ReadonlyMap<string, BrpFailureCode>;
}

type MutableFindings = { -readonly [K in keyof BrpFindings]: BrpFindings[K] };

/**
 * Records the questions in the protocol, then asks them (a bounded number at once). Returns the
 * failure code of each question that got no usable answer, by signal id.
 */
async function askRecorded(
  questions: readonly BrpQuestion[],
  kind: BrpQuestionKind,
  askOne: (question: BrpQuestion) => Promise<void>,
  deps: BrpDependencies,
): Promise<Map<string, BrpFailureCode>> {
  if (questions.length === 0) return new Map();
  const at = deps.now().toISOString();
  await deps.protocol.record(questions.map((question) => protocolLine(question, kind, at, deps)));
  const failures = new Map<string, BrpFailureCode>();
  await inParallel(
    questions,
    async (question) => {
      try {
        await askOne(question);
      } catch (error) {
        // B3: whatever goes wrong with a question — a refused request included — routing goes on.
        failures.set(
          question.signalId,
          error instanceof PopulationRegisterError ? error.code : 'brp-invalid-question',
        );
      }
    },
    PARALLEL_QUESTIONS,
  );
  return failures;
}

/**
 * Asks the BRP what the router needs of each signal (B1, B2), recording every question in the
 * protocol before it is asked (B3). The registration comes first: a person registered elsewhere
 * is not routed, so the address is then not asked. A question the BRP does not answer leaves the
 * signal to be routed as today — an unanswered composition marked `compositionPending` for the
 * later retry, an unanswered registration not asked again — and never fails the routing. A
 * protocol that cannot be written is the one failure that propagates: no question goes unrecorded.
 */
export async function consultBrp(
  questions: readonly BrpQuestion[],
  deps: BrpDependencies,
): Promise<BrpConsultation> {
  const findings = new Map<string, MutableFindings>(questions.map((question) => [question.signalId, {}]));
  const of = (question: BrpQuestion) => findings.get(question.signalId) as MutableFindings;

  const registrationFailures = await askRecorded(
    questions.filter((question) => question.bsn !== undefined),
    'RaadpleegMetBurgerservicenummer',
    async (question) => {
      const registration = await deps.register.registrationOf(question.bsn as string);
      of(question).registeredElsewhere =
        registration.found &&
        registration.municipalityCode !== undefined &&
        registration.municipalityCode !== OWN_MUNICIPALITY_CODE;
    },
    deps,
  );
  const residentFailures = await askRecorded(
    questions.filter((question) => question.address !== undefined && !of(question).registeredElsewhere),
    'ZoekMetPostcodeEnHuisnummer',
    async (question) => {
      try {
        const birthDates = await deps.register.residentsAt(question.address as BrpAddress);
        of(question).nobodyRegistered = birthDates.length === 0;
        of(question).residents = assessMinors(birthDates, question.on);
      } catch (error) {
        const permanent = error instanceof PopulationRegisterError && PERMANENT_BRP_FAILURES.has(error.code);
        if (error instanceof PopulationRegisterError && !permanent) of(question).compositionPending = true;
        throw error;
      }
    },
    deps,
  );
  for (const [signalId, findingsOf] of findings)
    if (Object.keys(findingsOf).length === 0) findings.delete(signalId);
  return { findings, failures: new Map([...registrationFailures, ...residentFailures]) };
}

function protocolLine(
  question: BrpQuestion,
  kind: BrpQuestionKind,
  at: string,
  deps: BrpDependencies,
): BrpQueryRecord {
  return { at, who: deps.who, purpose: question.purpose, signalId: question.signalId, question: kind };
}
