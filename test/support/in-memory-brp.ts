import type { BrpProtocol, BrpQueryRecord } from '../../shared/application/brp-household.ts';
import type { PendingComposition, PendingCompositions } from '../../shared/application/composition-retry.ts';
import {
  type BrpAddress,
  type BrpBirthDate,
  type BrpFailureCode,
  type BrpRegistration,
  type PopulationRegister,
  PopulationRegisterError,
} from '../../shared/application/population-register.ts';

const addressKey = (address: BrpAddress) =>
  `${address.postcode.replace(/\s/g, '').toUpperCase()}|${address.houseNumber}|${(address.houseNumberSuffix ?? '').toUpperCase()}`;

/**
 * The BRP port in memory, for the use cases' unit tests: residents by address, registrations by BSN,
 * a failure switch, and a log of every call in order (shared with the protocol's, so a test can see
 * that a question was recorded before it was asked).
 */
export function inMemoryBrp() {
  const residents = new Map<string, BrpBirthDate[]>();
  const registrations = new Map<string, string>();
  const calls: string[] = [];
  const protocolEntries: BrpQueryRecord[] = [];
  let failure: BrpFailureCode | undefined;
  let protocolFails = false;

  const register: PopulationRegister = {
    async residentsAt(address) {
      calls.push(`ask:ZoekMetPostcodeEnHuisnummer:${addressKey(address)}`);
      if (failure) throw new PopulationRegisterError(failure);
      return residents.get(addressKey(address)) ?? [];
    },
    async registrationOf(bsn): Promise<BrpRegistration> {
      calls.push(`ask:RaadpleegMetBurgerservicenummer:${bsn}`);
      if (failure) throw new PopulationRegisterError(failure);
      const code = registrations.get(bsn);
      return code === undefined ? { found: false } : { found: true, municipalityCode: code };
    },
  };
  const protocol: BrpProtocol = {
    async record(entries) {
      if (protocolFails) throw new Error('protocol unavailable');
      for (const entry of entries) {
        calls.push(`record:${entry.question}:${entry.signalId}`);
        protocolEntries.push(entry);
      }
    },
  };
  return {
    register,
    protocol,
    calls,
    protocolEntries,
    livesAt(address: BrpAddress, birthDates: BrpBirthDate[]) {
      residents.set(addressKey(address), birthDates);
    },
    registeredIn(bsn: string, municipalityCode: string) {
      registrations.set(bsn, municipalityCode);
    },
    fail(code: BrpFailureCode | undefined) {
      failure = code;
    },
    failProtocol(fails: boolean) {
      protocolFails = fails;
    },
  };
}

/** B3's retry list in memory, with the DynamoDB adapter's contract (schedule keeps the first time). */
export function inMemoryPendingCompositions() {
  const items = new Map<string, PendingComposition>();
  const pending: PendingCompositions = {
    async schedule(list, at) {
      for (const { signalId, purpose } of list) {
        const known = items.get(signalId);
        items.set(signalId, { signalId, purpose, since: known?.since ?? at, attempts: known?.attempts ?? 0 });
      }
    },
    async list(limit) {
      return [...items.values()].sort((a, b) => a.since.localeCompare(b.since)).slice(0, limit);
    },
    async attempted(item) {
      const known = items.get(item.signalId);
      if (known) items.set(item.signalId, { ...known, attempts: known.attempts + 1 });
    },
    async remove(signalId) {
      items.delete(signalId);
    },
  };
  return { pending, items };
}
