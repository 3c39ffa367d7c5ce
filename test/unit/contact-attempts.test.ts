import { describe, expect, it } from 'vitest';
import { careReportSchema } from '../../shared/api/care-report-schemas.ts';
import { careReportToSignal } from '../../shared/domain/care-report.ts';
import { recordContactAttempt } from '../../shared/domain/contact-attempts.ts';
import { DomainError } from '../../shared/domain/domain-error.ts';
import { partnerFeedback } from '../../shared/domain/feedback.ts';
import { municipalCalendar } from '../../shared/domain/municipal-calendar.ts';
import { isOverdue, type Signal } from '../../shared/domain/signal.ts';
import { sampleCareReports } from '../support/samples.ts';

function openSignal(): Signal {
  const report = careReportSchema.parse(sampleCareReports()[0]);
  const result = careReportToSignal(report, {
    signalId: 'sig_test',
    source: 'politie-utrecht',
    receivedAt: new Date('2026-11-23T10:00:00+01:00'),
    calendar: municipalCalendar,
  });
  if (!result.routed) throw new Error('sample 456 must route');
  return result.signal; // due 2026-11-30
}

const at = (iso: string) => new Date(iso);

describe('D3 first contact', () => {
  it('a reached contact within the deadline stops the clock, in time', () => {
    const signal = openSignal();

    const updated = recordContactAttempt(
      signal,
      { kind: 'telefoon', reached: true, at: at('2026-11-30T23:00:00+01:00') },
      'dev-bt-sociaal-overvecht',
      at('2026-12-01T09:00:00+01:00'),
    );

    expect(updated.firstContactAt).toBe('2026-11-30T23:00:00+01:00');
    expect(updated.firstContactInTime).toBe(true);
    expect(updated.version).toBe(signal.version + 1);
    expect(isOverdue(updated, at('2026-12-10T09:00:00+01:00'))).toBe(false);
  });

  it('a reached contact after the deadline is recorded as late', () => {
    const updated = recordContactAttempt(
      openSignal(),
      { kind: 'huisbezoek', reached: true },
      'dev-bt-sociaal-overvecht',
      at('2026-12-01T00:00:00+01:00'),
    );

    expect(updated.firstContactAt).toBe('2026-12-01T00:00:00+01:00');
    expect(updated.firstContactInTime).toBe(false);
  });

  it('an unreached attempt is kept but does not stop the clock; only the first reached counts', () => {
    const signal = openSignal();
    const now = at('2026-12-01T09:00:00+01:00');

    const afterMiss = recordContactAttempt(
      signal,
      { kind: 'brief', reached: false, at: at('2026-11-24T10:00:00+01:00') },
      'w',
      now,
    );
    const afterFirst = recordContactAttempt(
      afterMiss,
      { kind: 'telefoon', reached: true, at: at('2026-11-25T10:00:00+01:00') },
      'w',
      now,
    );
    const afterSecond = recordContactAttempt(
      afterFirst,
      { kind: 'huisbezoek', reached: true, at: at('2026-12-01T08:00:00+01:00') },
      'w',
      now,
    );

    expect(afterMiss.firstContactAt).toBeUndefined();
    expect(isOverdue(afterMiss, now)).toBe(true);
    expect(afterSecond.contactAttempts.map((attempt) => attempt.kind)).toEqual([
      'brief',
      'telefoon',
      'huisbezoek',
    ]);
    expect(afterSecond.firstContactAt).toBe('2026-11-25T10:00:00+01:00');
    expect(afterSecond.firstContactInTime).toBe(true);
  });

  it.each([
    ['in the future', '2026-11-25T12:00:00+01:00', 'contact-in-future'],
    ['before receipt', '2026-11-23T09:59:00+01:00', 'contact-before-receipt'],
  ])('refuses an attempt %s', (_name, when, code) => {
    const attempt = () =>
      recordContactAttempt(
        openSignal(),
        { kind: 'sms-whatsapp', reached: true, at: at(when) },
        'w',
        at('2026-11-24T12:00:00+01:00'),
      );

    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(expect.objectContaining({ code, kind: 'invalid', field: 'at' }));
  });

  it('keeps when the attempt happened and when it was recorded', () => {
    const updated = recordContactAttempt(
      openSignal(),
      { kind: 'telefoon', reached: false, at: at('2026-11-24T10:00:00+01:00') },
      'w',
      at('2026-11-26T15:30:00+01:00'),
    );

    expect(updated.contactAttempts).toEqual([
      {
        kind: 'telefoon',
        reached: false,
        at: '2026-11-24T10:00:00+01:00',
        recordedAt: '2026-11-26T15:30:00+01:00',
        note: undefined,
        recordedBy: 'w',
      },
    ]);
  });

  describe('at most 7 days before it is recorded', () => {
    // Received 23 November 10:00; recorded 8 December 12:00, so the oldest allowed is 1 December 12:00.
    const now = at('2026-12-08T12:00:00+01:00');
    const sevenDays = 7 * 24 * 60 * 60 * 1000;
    const record = (when: Date) =>
      recordContactAttempt(openSignal(), { kind: 'brief', reached: true, at: when }, 'w', now);

    it('exactly 7 days before is allowed', () => {
      const updated = record(new Date(now.getTime() - sevenDays));

      expect(updated.contactAttempts[0]).toMatchObject({
        at: '2026-12-01T12:00:00+01:00',
        recordedAt: '2026-12-08T12:00:00+01:00',
      });
    });

    it('7 days and 1 ms before is refused: 422 contact-too-old on field at', () => {
      const attempt = () => record(new Date(now.getTime() - sevenDays - 1));

      expect(attempt).toThrow(DomainError);
      expect(attempt).toThrow(
        expect.objectContaining({
          code: 'contact-too-old',
          kind: 'invalid',
          field: 'at',
          message: expect.stringContaining('7 dagen'),
        }),
      );
    });
  });

  it('refuses contact on a signal that is not open', () => {
    const forwarded = { ...openSignal(), status: 'forwarded' as const };

    expect(() =>
      recordContactAttempt(
        forwarded,
        { kind: 'sms-whatsapp', reached: true },
        'w',
        at('2026-11-24T12:00:00+01:00'),
      ),
    ).toThrow(expect.objectContaining({ code: 'signal-not-open', kind: 'conflict' }));
  });
});

describe('C4 partner feedback', () => {
  it('ontvangen → opgepakt → afgerond/niet-opgepakt, never the reason', () => {
    const signal = openSignal();
    const contacted = recordContactAttempt(
      signal,
      { kind: 'telefoon', reached: false },
      'w',
      at('2026-11-24T12:00:00+01:00'),
    );

    expect(partnerFeedback(undefined, undefined)).toBe('ontvangen');
    expect(partnerFeedback(undefined, signal)).toBe('ontvangen');
    expect(partnerFeedback(undefined, contacted)).toBe('opgepakt');
    expect(partnerFeedback('niet-opgepakt-geen-toestemming', undefined)).toBe('niet-opgepakt');
    expect(
      partnerFeedback(undefined, { ...signal, outcome: 'doorgezet-veilig-thuis', status: 'forwarded' }),
    ).toBe('afgerond');
  });
});
