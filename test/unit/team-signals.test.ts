import { describe, expect, it } from 'vitest';
import { careReportSchema } from '../../shared/api/care-report-schemas.ts';
import { OPERATIONS } from '../../shared/api/operations.ts';
import type { AuditEntry, AuditTrail, SignalRepository } from '../../shared/application/ports.ts';
import { changeSignal, readSignal } from '../../shared/application/team-signals.ts';
import { localTokenTable, type Principal } from '../../shared/auth/principal.ts';
import { careReportToSignal } from '../../shared/domain/care-report.ts';
import { fixedClock } from '../../shared/domain/clock.ts';
import { municipalCalendar } from '../../shared/domain/municipal-calendar.ts';
import type { Signal } from '../../shared/domain/signal.ts';
import { sampleCareReports } from '../support/samples.ts';

// DESIGN P3 and P4 in the use cases, with in-memory collaborators: the audit entry is written
// before personal data leaves, a refused caller leaves no trace, a failing trail shows nothing.
const member = localTokenTable().get('dev-bt-sociaal-overvecht') as Principal;
const outsider = localTokenTable().get('dev-bt-jg-west') as Principal;
const clock = fixedClock('2026-11-24T09:00:00+01:00');

function sampleSignal(): Signal {
  const result = careReportToSignal(careReportSchema.parse(sampleCareReports()[0]), {
    signalId: 'sig_unit1',
    source: 'politie-utrecht',
    receivedAt: new Date('2026-11-23T10:00:00+01:00'),
    calendar: municipalCalendar,
  });
  if (!result.routed) throw new Error('the sample routes');
  return result.signal;
}

function memoryRepository(signal: Signal): SignalRepository {
  let stored = signal;
  return {
    get: async (id) => (id === stored.signalId ? stored : undefined),
    update: async (next) => {
      stored = next;
    },
  } as Partial<SignalRepository> as SignalRepository;
}

function memoryTrail(fail = false): AuditTrail & { entries: AuditEntry[] } {
  const entries: AuditEntry[] = [];
  return {
    entries,
    record: async (added) => {
      if (fail) throw new Error('throttled');
      entries.push(...added);
    },
    list: async () => ({ items: entries.map((entry, index) => ({ ...entry, position: String(index) })) }),
  };
}

describe('readSignal (P3, P4)', () => {
  it('records who read which signal when, with the operation as the action', async () => {
    const audit = memoryTrail();

    const signal = await readSignal({ principal: member, operation: OPERATIONS.getSignal }, 'sig_unit1', {
      signals: memoryRepository(sampleSignal()),
      audit,
      clock,
    });

    expect(signal.signalId).toBe('sig_unit1');
    expect(audit.entries).toEqual([
      {
        signalId: 'sig_unit1',
        at: '2026-11-24T08:00:00.000Z',
        action: 'getSignal',
        principal: { id: 'dev-bt-sociaal-overvecht', role: 'team-member', scope: 'bt-sociaal-overvecht' },
      },
    ]);
  });

  it('shows nothing when the audit entry cannot be written', async () => {
    const read = readSignal({ principal: member, operation: OPERATIONS.getSignal }, 'sig_unit1', {
      signals: memoryRepository(sampleSignal()),
      audit: memoryTrail(true),
      clock,
    });

    await expect(read).rejects.toThrow('throttled');
  });

  it('refuses another team with 403 and writes nothing', async () => {
    const audit = memoryTrail();

    const read = readSignal({ principal: outsider, operation: OPERATIONS.getSignal }, 'sig_unit1', {
      signals: memoryRepository(sampleSignal()),
      audit,
      clock,
    });

    await expect(read).rejects.toMatchObject({ kind: 'forbidden' });
    expect(audit.entries).toEqual([]);
  });
});

describe('changeSignal (P3)', () => {
  it('records the change once it is stored', async () => {
    const audit = memoryTrail();
    const signals = memoryRepository(sampleSignal());

    await changeSignal(
      { principal: member, operation: OPERATIONS.closeSignal },
      'sig_unit1',
      { signals, audit, clock },
      (current) => ({ ...current, status: 'closed', outcome: 'advies-quick-fix' }),
    );

    expect((await signals.get('sig_unit1'))?.status).toBe('closed');
    expect(audit.entries.map((entry) => entry.action)).toEqual(['closeSignal']);
  });

  it('records nothing when the change is refused', async () => {
    const audit = memoryTrail();

    const change = changeSignal(
      { principal: outsider, operation: OPERATIONS.closeSignal },
      'sig_unit1',
      { signals: memoryRepository(sampleSignal()), audit, clock },
      (current) => current,
    );

    await expect(change).rejects.toMatchObject({ kind: 'forbidden' });
    expect(audit.entries).toEqual([]);
  });
});
