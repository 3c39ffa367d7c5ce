import type { DebtSignalInput } from '../domain/debt-signal.ts';
import { householdKey, signalIdFor } from '../domain/household-key.ts';
import type { DebtSignalsMessage } from '../messages.ts';
import type { ItemReceipt, SignalPublisher, SignalRepository, UploadReceipt } from './ports.ts';

/** A partner item that passed validation: a rent-arrears row or an energy-batch element. */
export interface ValidPartnerItem {
  /** Row number (rent arrears) or index (energy batch). */
  readonly ref: number;
  readonly input: DebtSignalInput;
  /** DESIGN I5: (corporation, tenant, arrears start) or (supplier, customer, arrears start, kind). */
  readonly dedupeKey: readonly string[];
}

export interface PartnerIntakeContext {
  readonly uploadId: string;
  readonly source: string;
  readonly receivedAt: string;
}

export interface PartnerIntakeDependencies {
  readonly signals: Pick<SignalRepository, 'getStates'>;
  readonly publisher: SignalPublisher;
  readonly secret: string;
}

/**
 * Items per queue message: few SQS requests and few batched DynamoDB calls per signal (50 signals
 * and their households fit one BatchGet of 100 keys), small enough (≈ 30 KB) to retry as a unit.
 */
export const ITEMS_PER_MESSAGE = 50;

type Action = DebtSignalsMessage['items'][number];

/** DESIGN I1: the receipt's counts, which add up to the items received. */
export function countStatuses(lines: readonly ItemReceipt[]): UploadReceipt['counts'] {
  const count = (status: ItemReceipt['status']) => lines.filter((line) => line.status === status).length;
  return {
    received: lines.length,
    accepted: count('accepted'),
    rejected: count('rejected'),
    duplicate: count('duplicate'),
    updated: count('updated'),
  };
}

/**
 * DESIGN I5 for a whole upload: each valid item becomes `accepted` (new key), `updated` (known key,
 * higher amount, still open or not routed) or `duplicate`. New and updated keys go to the `signals`
 * queue, one action per key carrying the highest amount sent, packed per household so one
 * invocation routes a household's signals in order (M2/M3 see each other).
 */
export async function enqueuePartnerItems(
  items: readonly ValidPartnerItem[],
  context: PartnerIntakeContext,
  deps: PartnerIntakeDependencies,
): Promise<Map<number, ItemReceipt>> {
  const withIds = items.map((item) => ({ ...item, signalId: signalIdFor(item.dedupeKey, deps.secret) }));
  const known = await deps.signals.getStates(withIds.map((item) => item.signalId));

  const outcomes = new Map<number, ItemReceipt>();
  const actions = new Map<string, Action>();
  const highest = new Map<string, number>();
  for (const item of withIds) {
    const found = known.get(item.signalId);
    // An expired record is as good as gone (P1): the same key now starts a new signal.
    const stored = found?.expired ? undefined : found;
    const previous = highest.get(item.signalId) ?? stored?.amount;
    const canUpdate = !stored || stored.status === 'open' || stored.status === 'not-routed';
    const isNew = !stored && !highest.has(item.signalId);
    let status: ItemReceipt['status'];
    if (isNew) status = 'accepted';
    else if (canUpdate && previous !== undefined && item.input.amount > previous) status = 'updated';
    else status = 'duplicate';
    outcomes.set(item.ref, { status, signalId: item.signalId });
    if (status === 'duplicate') continue;
    highest.set(item.signalId, item.input.amount);
    actions.set(item.signalId, {
      signalId: item.signalId,
      householdKey: householdKey(item.input.address, deps.secret),
      action: stored ? 'update' : 'create',
      input: item.input,
    });
  }

  await deps.publisher.publishMany(packByHousehold([...actions.values()], context));
  return outcomes;
}

function packByHousehold(actions: readonly Action[], context: PartnerIntakeContext): DebtSignalsMessage[] {
  const households = Map.groupBy(actions, (action) => action.householdKey);
  const messages: DebtSignalsMessage[] = [];
  let current: Action[] = [];
  const flush = () => {
    if (current.length) messages.push({ type: 'debt-signals', ...context, items: current });
    current = [];
  };
  for (const household of households.values()) {
    if (current.length + household.length > ITEMS_PER_MESSAGE) flush();
    // A household larger than a message is rare; its items then follow each other in order.
    for (let start = 0; start < household.length; start += ITEMS_PER_MESSAGE) {
      if (start > 0) flush();
      current.push(...household.slice(start, start + ITEMS_PER_MESSAGE));
    }
  }
  flush();
  return messages;
}
