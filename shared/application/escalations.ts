import { formatAmsterdam } from '../domain/amsterdam-time.ts';
import type { Clock } from '../domain/clock.ts';
import {
  type EscalationLevel,
  nextEscalation,
  recipientFor,
  withEscalation,
} from '../domain/escalation-ladder.ts';
import type { WorkingDayCalendar } from '../domain/working-days.ts';
import type {
  EscalationMessage,
  EscalationPublisher,
  EscalationStore,
  Notifier,
  SignalRepository,
} from './ports.ts';
import { updateSignal } from './team-signals.ts';

/**
 * DESIGN D5: one sweep reads the sparse index for the (signal, level) pairs now due and puts one
 * message per pair on the `escalations` queue. Sweeping twice before they are handled sends them
 * twice; the consumer makes that harmless.
 */
export async function sweep(deps: {
  readonly signals: Pick<SignalRepository, 'dueEscalations'>;
  readonly publisher: EscalationPublisher;
  readonly clock: Clock;
}): Promise<{ due: number; itemsRead: number }> {
  const { due, itemsRead } = await deps.signals.dueEscalations(deps.clock.now());
  const messages: EscalationMessage[] = due.map(({ signalId, level }) => ({
    type: 'escalation',
    signalId,
    level: level as EscalationLevel,
  }));
  await deps.publisher.publishMany(messages);
  return { due: messages.length, itemsRead };
}

export interface EscalateDependencies {
  readonly signals: SignalRepository;
  readonly escalations: EscalationStore;
  readonly notifier: Notifier;
  readonly clock: Clock;
  readonly calendar: WorkingDayCalendar;
}

export type EscalateResult = 'escalated' | 'already-escalated' | 'not-due' | 'signal-gone';

/** Another consumer holds the delivery lease: fail the record so SQS brings it back later. */
export class EscalationBusyError extends Error {
  constructor() {
    super('Another consumer is delivering this escalation');
    this.name = 'EscalationBusyError';
  }
}

/** Long enough for one delivery, short enough that a crashed consumer's claim soon expires. */
const LEASE_MS = 60_000;

/**
 * DESIGN D4, exactly once per (signal, level): re-check that the level is still due (a contact or a
 * close may have come in), claim the delivery, notify, mark it delivered, record it on the signal.
 * A failing notifier leaves the claim pending and throws: SQS retries, and after maxReceiveCount
 * the message waits in the DLQ for `npm run redrive`. `claimant` is the SQS message id, so a
 * redelivery of the same message may take over its own claim at once.
 */
export async function escalate(
  message: EscalationMessage,
  claimant: string,
  deps: EscalateDependencies,
): Promise<EscalateResult> {
  const { signalId, level } = message;
  const signal = await deps.signals.get(signalId);
  if (!signal) return 'signal-gone';
  const recorded = signal.escalations.some((escalation) => escalation.level === level);
  const next = nextEscalation(signal, deps.calendar);
  const now = deps.clock.now();
  if (!recorded && (next?.level !== level || next.dueAfter.getTime() >= now.getTime())) return 'not-due';

  const claim = recorded ? 'delivered' : await deps.escalations.claim(signalId, level, claimant, LEASE_MS);
  if (claim === 'busy') throw new EscalationBusyError();
  const recipient = recipientFor(level, signal.teamId);
  const at = formatAmsterdam(now);
  if (claim === 'claimed') {
    try {
      await deps.notifier.notify({
        signalId,
        teamId: signal.teamId,
        level,
        recipient,
        at,
        dueDate: signal.dueDate,
      });
    } catch (error) {
      await deps.escalations.release(signalId, level, claimant);
      throw error;
    }
    await deps.escalations.markDelivered({ signalId, teamId: signal.teamId, level, recipient, at });
  }
  // Also after `delivered`: an earlier try may have stopped between the record and the signal.
  await updateSignal(
    async () => (await deps.signals.get(signalId)) ?? signal,
    deps.signals,
    (current) => withEscalation(current, { level, at, recipient }),
  );
  return claim === 'claimed' ? 'escalated' : 'already-escalated';
}
