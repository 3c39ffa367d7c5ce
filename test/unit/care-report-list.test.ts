import { describe, expect, it } from 'vitest';
import { listOwnCareReports } from '../../shared/application/care-report-list.ts';
import type {
  CareReportListingEntry,
  CareReportReceipt,
  SignalState,
} from '../../shared/application/ports.ts';
import { careReportFeedback } from '../../shared/domain/feedback.ts';

// Issue 15, build 4a: the police's list of their own care reports (DESIGN C4, P4), with hand-made
// stores: which feedback each kind of report gets, and what is read to find it.
describe('careReportFeedback (C4): one rule for one report and for the list', () => {
  it.each([
    [
      'not routed (C2: consent refused)',
      { outcome: 'niet-opgepakt-geen-toestemming' },
      undefined,
      'niet-opgepakt',
    ],
    ['the signal’s feedback', {}, 'opgepakt', 'opgepakt'],
    ['a deleted signal’s feedback (deletion log)', {}, 'niet-opgepakt', 'niet-opgepakt'],
    [
      'not stored after every try (I1)',
      { failure: { code: 'ValidationException' } },
      undefined,
      'fout-bij-verwerking',
    ],
    ['stored after a failed try: the signal wins', { failure: { code: 'X' } }, 'ontvangen', 'ontvangen'],
    ['still on its way', {}, undefined, 'ontvangen'],
    ['no receipt read at all', undefined, undefined, 'ontvangen'],
  ] as const)('%s', (_name, receipt, stored, feedback) => {
    expect(careReportFeedback(receipt, stored)).toBe(feedback);
  });
});

describe('listOwnCareReports', () => {
  const entry = (reportId: string, signalId: string): CareReportListingEntry => ({
    source: 'politie-utrecht',
    reportId,
    signalId,
    reportedAt: '2026-11-20T22:15:00+01:00',
    receivedAt: '2026-11-23T10:00:00+01:00',
  });
  const state = (signalId: string, feedback: SignalState['feedback']): SignalState => ({
    signalId,
    status: 'open',
    feedback,
  });

  function deps(listed: CareReportListingEntry[]) {
    const reads = {
      listedFor: [] as string[],
      signals: [] as string[][],
      deletions: [] as string[][],
      receipts: [] as string[][],
    };
    const receipts = new Map<string, CareReportReceipt>([
      [
        'R-NIET',
        {
          source: 'politie-utrecht',
          reportId: 'R-NIET',
          signalId: 'sig_niet',
          receivedAt: '',
          enqueued: true,
          outcome: 'niet-opgepakt-geen-toestemming',
        },
      ],
      [
        'R-FOUT',
        {
          source: 'politie-utrecht',
          reportId: 'R-FOUT',
          signalId: 'sig_fout',
          receivedAt: '',
          enqueued: true,
          failure: { code: 'X', at: '' },
        },
      ],
      [
        'R-ONDERWEG',
        {
          source: 'politie-utrecht',
          reportId: 'R-ONDERWEG',
          signalId: 'sig_onderweg',
          receivedAt: '',
          enqueued: true,
        },
      ],
    ]);
    return {
      reads,
      deps: {
        listing: {
          async list(source: string) {
            reads.listedFor.push(source);
            return { items: listed, cursor: 'next' };
          },
        },
        signals: {
          async getStates(ids: readonly string[]) {
            reads.signals.push([...ids]);
            return new Map([['sig_open', state('sig_open', 'opgepakt')]]);
          },
        },
        deletions: {
          async states(ids: readonly string[]) {
            reads.deletions.push([...ids]);
            return new Map([['sig_weg', state('sig_weg', 'niet-opgepakt')]]);
          },
        },
        receipts: {
          async getCareReportReceipts(_source: string, ids: readonly string[]) {
            reads.receipts.push([...ids]);
            return new Map([...receipts].filter(([id]) => ids.includes(id)));
          },
        },
      },
    };
  }

  it('each report its feedback; the deletion log and receipts only for what has no signal', async () => {
    const listed = [
      entry('R-OPEN', 'sig_open'),
      entry('R-WEG', 'sig_weg'),
      entry('R-NIET', 'sig_niet'),
      entry('R-FOUT', 'sig_fout'),
      entry('R-ONDERWEG', 'sig_onderweg'),
    ];
    const { deps: d, reads } = deps(listed);

    const page = await listOwnCareReports('politie-utrecht', { limit: 5 }, d);

    expect(page.items.map((item) => [item.reportId, item.feedback])).toEqual([
      ['R-OPEN', 'opgepakt'],
      ['R-WEG', 'niet-opgepakt'],
      ['R-NIET', 'niet-opgepakt'],
      ['R-FOUT', 'fout-bij-verwerking'],
      ['R-ONDERWEG', 'ontvangen'],
    ]);
    expect(page.cursor).toBe('next');
    expect(Object.keys(page.items[0] ?? {}).sort()).toEqual([
      'feedback',
      'receivedAt',
      'reportId',
      'reportedAt',
      'signalId',
    ]);
    expect(reads).toEqual({
      listedFor: ['politie-utrecht'],
      signals: [['sig_open', 'sig_weg', 'sig_niet', 'sig_fout', 'sig_onderweg']],
      deletions: [['sig_weg', 'sig_niet', 'sig_fout', 'sig_onderweg']],
      receipts: [['R-NIET', 'R-FOUT', 'R-ONDERWEG']],
    });
  });

  it('a page whose signals all exist costs the Query and one batched read', async () => {
    const { deps: d, reads } = deps([entry('R-OPEN', 'sig_open')]);

    await listOwnCareReports('politie-utrecht', { limit: 5 }, d);

    expect(reads).toMatchObject({ signals: [['sig_open']], deletions: [], receipts: [] });
  });

  it('an empty list reads nothing more', async () => {
    const { deps: d, reads } = deps([]);

    expect(await listOwnCareReports('politie-utrecht', { limit: 5 }, d)).toEqual({
      items: [],
      cursor: 'next',
    });
    expect(reads).toMatchObject({ signals: [], deletions: [], receipts: [] });
  });
});
