import {
  type EnergySignalInput,
  energyBatchSchema,
  energySignalSchema,
} from '../api/partner-intake-schemas.ts';
import { fieldErrors } from '../api/zod-dutch.ts';
import type { DebtSignalInput } from '../domain/debt-signal.ts';
import { debtDateErrors } from '../domain/intake-dates.ts';
import { planUpload, type ReceiptLine, type ValidItem } from '../domain/upload-plan.ts';
import type { UploadPlanner } from './partner-upload.ts';

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
 * Reads an energy-debt batch from Werk & Inkomen (API.md, DESIGN I1, I3–I5): each element is
 * validated on its own and the valid ones are planned; the receipt lists every element. The bytes
 * are the request body as received, so a stored batch is read again exactly the same way (I1).
 */
export const planEnergyDebts: UploadPlanner = async (bytes, { source, today, secret }) => {
  const batch = energyBatchSchema.parse(JSON.parse(new TextDecoder().decode(bytes)));
  const valid: ValidItem[] = [];
  const rejected: ReceiptLine[] = [];
  batch.signals.forEach((element, index) => {
    const reference =
      typeof (element as { reference?: unknown })?.reference === 'string'
        ? ((element as { reference: string }).reference.slice(0, 64) as string)
        : undefined;
    const label = { index, reference };
    const parsed = energySignalSchema.safeParse(element);
    const errors = parsed.success ? debtDateErrors(parsed.data, today) : fieldErrors(parsed.error);
    if (!parsed.success || errors.length > 0) {
      rejected.push({ ...label, status: 'rejected', errors });
      return;
    }
    const signal = parsed.data;
    valid.push({
      label,
      input: toDebtSignal(signal),
      dedupeKey: [
        source,
        'energie',
        signal.supplier.toLowerCase(),
        signal.customerNumber,
        signal.arrearsSince,
        signal.kind,
      ],
    });
  });
  return { plan: planUpload(valid, rejected, secret), batchId: batch.batchId, warnings: [] };
};
