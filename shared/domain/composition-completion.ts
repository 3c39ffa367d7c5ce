import { amsterdamDateOf, formatAmsterdam } from './amsterdam-time.ts';
import { isMinorOn } from './household.ts';
import { type BrpFindings, compositionOf } from './household-composition.ts';
import { routeSignal, type SignalFlag } from './routing.ts';
import type { Signal } from './signal.ts';

/** The flags R4–R6 and B2 set from the composition and the address; the others stay as they are. */
const COMPOSITION_FLAGS: readonly SignalFlag[] = ['samenstelling-onbekend', 'grensgebied', 'niet-in-brp'];

/**
 * Untouched (B3): still open, routed by R4/R5 alone — not by an open case (R2), not re-routed by a
 * team — and nobody has acted on it yet (no contact attempt, no escalation). Only such a signal may
 * move to another team when the BRP answers late.
 */
export function isUntouched(signal: Signal): boolean {
  return (
    signal.status === 'open' &&
    (signal.routing.rule === 'R4' || signal.routing.rule === 'R5') &&
    signal.routingHistory.length === 1 &&
    signal.contactAttempts.length === 0 &&
    signal.escalationLevel === 0
  );
}

/**
 * B3's later retry: the BRP's answer fills in the composition of a signal routed without it —
 * once: the result no longer carries `compositionPending`. An untouched signal is routed again by
 * R4/R5 with the composition known, and when that moves it to another team the history says why;
 * a signal a team already works on keeps its team, and gains the composition on its page.
 */
export function completeComposition(signal: Signal, brp: BrpFindings, now: Date): Signal {
  const composition = compositionOf(undefined, brp);
  const { compositionPending: _done, ...rest } = signal;
  const household = { minorsUnder18: composition.minorsUnder18, source: composition.source };
  const brpFlags: SignalFlag[] = brp.nobodyRegistered ? ['niet-in-brp'] : [];
  if (!isUntouched(signal)) {
    const known = composition.source !== 'onbekend';
    const flags = signal.flags.filter((flag) => !(known && flag === 'samenstelling-onbekend'));
    return { ...rest, household, flags: [...flags, ...brpFlags], version: signal.version + 1 };
  }
  const receivedDate = amsterdamDateOf(new Date(signal.receivedAt));
  const personIsMinor =
    signal.person.birthDate !== undefined && isMinorOn(signal.person.birthDate, receivedDate);
  const decision = routeSignal({
    safetyConcern: false,
    categories: signal.categories,
    household: {
      hasMinor: composition.certainlyAMinor || personIsMinor,
      compositionKnown: composition.source !== 'onbekend',
      brpMinors: composition.source === 'brp' ? composition.minorsUnder18 : undefined,
    },
    postcode: signal.address.postcode,
  });
  const flags = [
    ...signal.flags.filter((flag) => !COMPOSITION_FLAGS.includes(flag)),
    ...decision.flags,
    ...brpFlags,
  ];
  const moved = decision.teamId !== signal.teamId;
  const explanation = moved
    ? `Samenstelling later uit de BRP: ${decision.explanation}`
    : decision.explanation;
  return {
    ...rest,
    household,
    flags,
    teamId: decision.teamId,
    routing: { rule: decision.rule, explanation },
    routingHistory: moved
      ? [
          ...signal.routingHistory,
          { at: formatAmsterdam(now), teamId: decision.teamId, rule: decision.rule, explanation, by: 'brp' },
        ]
      : signal.routingHistory,
    version: signal.version + 1,
  };
}
