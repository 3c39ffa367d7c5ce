import { type EnergySignalInput, energySignalSchema } from '../api/partner-intake-schemas.ts';
import { fieldErrors } from '../api/zod-dutch.ts';
import { amsterdamDateOf, formatAmsterdam } from '../domain/amsterdam-time.ts';
import type { DebtSignalInput } from '../domain/debt-signal.ts';
import { debtDateErrors } from '../domain/intake-dates.ts';
import { countStatuses, enqueuePartnerItems, type ValidPartnerItem } from './partner-intake.ts';
import type { ItemReceipt, UploadReceipt } from './ports.ts';
import type { RentArrearsDependencies } from './rent-arrears-intake.ts';

function toDebtSignal(signal: EnergySignalInput): DebtSignalInput {
  return {
    kind: signal.kind === 'eindeleveringssignaal' ? 'eindelevering' : 'energieschuld',
    sourceReference: signal.reference,
    supplier: signal.supplier,
    person: signal.person,
    address: signal.address,
    amount: signal.amount,
    arrearsSince: signal.arrearsSince,
    endOfSupplyDate: signal.endOfSupplyDate,
    minorsInHousehold: signal.minorsInHousehold,
  };
}

/**
 * Receives an energy-debt batch from Werk & Inkomen (API.md, DESIGN I1, I3–I5): each element is
 * validated on its own, valid ones are enqueued, and the receipt lists every element's status.
 */
export async function receiveEnergyDebts(
  batch: { readonly batchId: string; readonly signals: readonly unknown[] },
  context: { readonly source: string },
  deps: RentArrearsDependencies,
): Promise<UploadReceipt> {
  const now = deps.clock.now();
  const today = amsterdamDateOf(now);
  const valid: ValidPartnerItem[] = [];
  const items = new Map<number, ItemReceipt>();

  batch.signals.forEach((element, index) => {
    const reference =
      typeof (element as { reference?: unknown })?.reference === 'string'
        ? ((element as { reference: string }).reference.slice(0, 64) as string)
        : undefined;
    const parsed = energySignalSchema.safeParse(element);
    const errors = parsed.success ? debtDateErrors(parsed.data, today) : fieldErrors(parsed.error);
    if (!parsed.success || errors.length > 0) {
      items.set(index, { index, reference, status: 'rejected', errors });
      return;
    }
    const signal = parsed.data;
    valid.push({
      ref: index,
      input: toDebtSignal(signal),
      dedupeKey: [
        context.source,
        'energie',
        signal.supplier.toLowerCase(),
        signal.customerNumber,
        signal.arrearsSince,
        signal.kind,
      ],
    });
    items.set(index, { index, reference, status: 'accepted' });
  });

  const uploadId = deps.newUploadId();
  const receivedAt = formatAmsterdam(now);
  const outcomes = await enqueuePartnerItems(valid, { uploadId, source: context.source, receivedAt }, deps);
  for (const [index, outcome] of outcomes) items.set(index, { ...items.get(index), index, ...outcome });

  const ordered = [...items.values()].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  const receipt: UploadReceipt = {
    uploadId,
    kind: 'energy-debts',
    source: context.source,
    receivedAt,
    batchId: batch.batchId,
    counts: countStatuses(ordered),
    warnings: [],
    items: ordered,
  };
  await deps.uploads.save(receipt);
  return receipt;
}
