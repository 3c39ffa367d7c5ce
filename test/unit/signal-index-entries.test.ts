import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { indexEntry, itemSize, writeUnitsOf } from '../../bench/capacity-units.ts';
import { dynamoSignalRepository } from '../../shared/adapters/dynamodb-signal-repository.ts';
import { careReportSchema } from '../../shared/api/care-report-schemas.ts';
import { planAppointment, recordAppointmentOutcome } from '../../shared/domain/appointments.ts';
import { careReportToSignal } from '../../shared/domain/care-report.ts';
import { municipalCalendar } from '../../shared/domain/municipal-calendar.ts';
import type { Signal } from '../../shared/domain/signal.ts';
import { TABLE } from '../../shared/resources.ts';
import { sampleCareReports } from '../support/samples.ts';

// The index entries of a stored signal. Issue 13 kept a signal's inbox entry under 1 KB (one write unit); issue 17 put the first
// conversation's summary in it (firstConversation, in the place of firstContactInTime). With a
// planned appointment each sample's entry still costs one write unit: sized by the bench's meter,
// which follows the Developer Guide's item-size rules (test/unit/capacity-units.test.ts).

/** The item the repository writes, captured from its PutCommand. */
async function storedItem(signal: Signal) {
  let item: Record<string, unknown> | undefined;
  const client = {
    send: async (command: { input: { Item: Record<string, unknown> } }) => {
      item = command.input.Item;
      return {};
    },
  };
  await dynamoSignalRepository(client as never, 'buurtsignaal').update(signal, signal.version - 1);
  return marshall(item, { removeUndefinedValues: true, convertClassInstanceToMap: true });
}

const inboxEntrySize = async (signal: Signal) =>
  itemSize(indexEntry(await storedItem(signal), TABLE.indexes.inbox, TABLE));

const routedOpen = sampleCareReports().flatMap((report, index) => {
  const result = careReportToSignal(careReportSchema.parse(report), {
    signalId: `sig_${String(index).padStart(32, '0')}`,
    source: 'politie-utrecht',
    receivedAt: new Date('2026-11-23T10:00:00+01:00'),
    calendar: municipalCalendar,
  });
  return result.routed && result.signal.status === 'open' ? [result.signal] : [];
});

describe('the inbox index entry with a planned appointment (issues 13 and 17)', () => {
  it.each(routedOpen.map((signal) => [signal.signalId, signal] as const))(
    '%s: one write unit',
    async (_, signal) => {
      const planned = planAppointment(
        signal,
        { startsAt: new Date('2026-12-03T14:00:00+01:00'), place: 'buurtteam', opVerzoekInwoner: true },
        'dev-bt-sociaal-overvecht',
        new Date('2026-11-24T09:00:00+01:00'),
        'afs_3f1c2b7e-0d4a-4b8e-9a51-2c6d7e8f9a0b',
      );

      const [before, after] = [await inboxEntrySize(signal), await inboxEntrySize(planned)];

      // The summary is in the entry (it grew), and the entry is still one write unit.
      expect(after).toBeGreaterThan(before + 100);
      expect(writeUnitsOf(after)).toBe(1);
    },
  );
});

describe('the calendar index is sparse (issue 17)', () => {
  const [signal] = routedOpen;
  if (!signal) throw new Error('a sample care report routes as an open signal');
  const { partitionKey: calendarPk, sortKey: calendarSk } = TABLE.indexes.calendar;
  const planned = planAppointment(
    signal,
    // Sunday 28 March 2027, 03:30: the night the clocks go forward (02:00 became 03:00 summer time).
    { startsAt: new Date('2027-03-28T03:30:00+02:00'), place: 'thuis', opVerzoekInwoner: false },
    'dev-bt-sociaal-overvecht',
    new Date('2026-11-24T09:00:00+01:00'),
    'afs_1',
  );

  it('has no keys for a signal without a planned appointment', async () => {
    const item = await storedItem(signal);

    expect(item[calendarPk]).toBeUndefined();
    expect(item[calendarSk]).toBeUndefined();
  });

  it('keys a planned one by team and start in UTC, so the order holds across the change of time', async () => {
    const item = await storedItem(planned);

    expect(item[calendarPk]).toEqual({ S: `TEAM#${signal.teamId}` });
    expect(item[calendarSk]).toEqual({ S: `2027-03-28T01:30:00.000Z#${signal.signalId}` });
  });

  it('drops the keys once the appointment is cancelled or held, or the signal is no longer open', async () => {
    const now = new Date('2027-03-29T09:00:00+02:00');
    const end = (outcome: 'geannuleerd' | 'gehouden') =>
      recordAppointmentOutcome(planned, 'afs_1', outcome, 'dev-bt-sociaal-overvecht', now);
    const closed: Signal = { ...planned, status: 'closed' };

    for (const ended of [end('geannuleerd'), end('gehouden'), closed]) {
      expect((await storedItem(ended))[calendarPk]).toBeUndefined();
    }
  });
});
