import { describe, expect, it } from 'vitest';
import { readAuditTrail, readableTrail } from '../../shared/application/audit-trail-view.ts';
import type { AuditTrail, ListedAuditEntry } from '../../shared/application/ports.ts';

// Issue 15, build 5 — the audit trail as people read it (DESIGN P3), on a hand-made trail: who in
// words, and a principal's repeated views in the inbox folded into one entry per visit (a visit ends
// after 30 minutes without a view).
const MEMBER = { id: 'dev-bt-sociaal-overvecht', role: 'team-member', scope: 'bt-sociaal-overvecht' };
const COLLEAGUE = { id: 'sub-0b7e', role: 'team-member', scope: 'bt-sociaal-overvecht' };
const MANAGER = { id: 'sub-9f21', role: 'manager', scope: 'sociaal' };
const MEMBER_WHO = { role: 'team-member', label: 'Medewerker buurtteam · Buurtteam Sociaal Overvecht' };

let counter = 0;
/** One stored entry (UTC, as the trail stores `at`); listed newest first like the trail answers. */
function entry(at: string, action: string, principal = MEMBER): ListedAuditEntry {
  return { signalId: 'sig_trail', at, action, principal, position: `pos-${++counter}-${at}` };
}
const seen = (at: string, principal = MEMBER) => entry(at, 'listTeamSignals', principal);

/** A morning on one signal, newest first. */
const MORNING: ListedAuditEntry[] = [
  entry('2026-11-24T11:05:00.000Z', 'closeSignal'),
  seen('2026-11-24T10:50:00.000Z'), // a new visit: 55 minutes after the view before
  seen('2026-11-24T09:55:00.000Z'),
  seen('2026-11-24T09:25:00.000Z'), // exactly 30 minutes: same visit
  seen('2026-11-24T09:10:00.000Z'),
  entry('2026-11-24T09:05:00.000Z', 'recordContactAttempt'),
  seen('2026-11-24T09:00:00.000Z'),
  seen('2026-11-24T08:59:00.000Z', MANAGER), // another person in between: not folded with hers
  seen('2026-11-24T08:58:00.000Z'),
  seen('2026-11-24T08:40:00.000Z', COLLEAGUE),
  seen('2026-11-24T08:39:00.000Z', COLLEAGUE),
  entry('2026-11-24T08:30:00.000Z', 'getSignal'),
  entry('2026-11-24T08:29:00.000Z', 'getSignal'), // the signal page is never folded
];

describe('readableTrail', () => {
  it('folds consecutive inbox views of one principal within 30 minutes of each other, per visit', () => {
    const view = readableTrail(MORNING);

    expect(view.map((item) => [item.action, item.principal.id, item.count, item.firstAt, item.at])).toEqual([
      ['closeSignal', MEMBER.id, 1, undefined, '2026-11-24T11:05:00.000Z'],
      ['listTeamSignals', MEMBER.id, 1, undefined, '2026-11-24T10:50:00.000Z'],
      ['listTeamSignals', MEMBER.id, 3, '2026-11-24T09:10:00.000Z', '2026-11-24T09:55:00.000Z'],
      ['recordContactAttempt', MEMBER.id, 1, undefined, '2026-11-24T09:05:00.000Z'],
      ['listTeamSignals', MEMBER.id, 1, undefined, '2026-11-24T09:00:00.000Z'],
      ['listTeamSignals', MANAGER.id, 1, undefined, '2026-11-24T08:59:00.000Z'],
      ['listTeamSignals', MEMBER.id, 1, undefined, '2026-11-24T08:58:00.000Z'],
      ['listTeamSignals', COLLEAGUE.id, 2, '2026-11-24T08:39:00.000Z', '2026-11-24T08:40:00.000Z'],
      ['getSignal', MEMBER.id, 1, undefined, '2026-11-24T08:30:00.000Z'],
      ['getSignal', MEMBER.id, 1, undefined, '2026-11-24T08:29:00.000Z'],
    ]);
    // Every stored entry is accounted for.
    expect(view.reduce((sum, item) => sum + item.count, 0)).toBe(MORNING.length);
  });

  it('who: role and team or organisation in words, never the principal id', () => {
    const view = readableTrail(MORNING);

    expect(view[0]).toEqual({
      signalId: 'sig_trail',
      at: '2026-11-24T11:05:00.000Z',
      action: 'closeSignal',
      principal: MEMBER,
      who: MEMBER_WHO,
      count: 1,
    });
    expect(view.find((item) => item.principal.id === MANAGER.id)?.who).toEqual({
      role: 'manager',
      label: 'Manager · Buurtteams Sociaal',
    });
    for (const item of view) expect(item.who.label).not.toMatch(/dev-|sub-/);
  });

  it('folds views in the team calendar per visit too, apart from views in the inbox (issue 17)', () => {
    const calendar = (at: string) => entry(at, 'listTeamAppointments');
    const view = readableTrail([
      calendar('2026-11-24T09:20:00.000Z'),
      calendar('2026-11-24T09:10:00.000Z'),
      seen('2026-11-24T09:05:00.000Z'),
      calendar('2026-11-24T09:00:00.000Z'),
    ]);

    expect(view.map((item) => [item.action, item.count])).toEqual([
      ['listTeamAppointments', 2],
      ['listTeamSignals', 1],
      ['listTeamAppointments', 1],
    ]);
  });

  it('30 minutes and one millisecond apart is two visits', () => {
    const view = readableTrail([seen('2026-11-24T09:30:00.001Z'), seen('2026-11-24T09:00:00.000Z')]);

    expect(view.map((item) => item.count)).toEqual([1, 1]);
  });

  it('an empty trail is an empty view', () => {
    expect(readableTrail([])).toEqual([]);
  });
});

describe('readAuditTrail: a visit is not cut in two by a page boundary', () => {
  /** Pages of the hand-made trail, as the DynamoDB adapter gives them (cursor = last position). */
  function pagedTrail(entries: readonly ListedAuditEntry[]): Pick<AuditTrail, 'list'> {
    return {
      async list(_signalId, { limit, cursor }) {
        const start = cursor ? entries.findIndex((item) => item.position === cursor) + 1 : 0;
        const items = entries.slice(start, start + limit);
        const more = start + limit < entries.length;
        return { items, ...(more ? { cursor: items.at(-1)?.position } : {}) };
      },
    };
  }

  async function allPages(limit: number) {
    const pages: { actions: string[]; counts: number[] }[] = [];
    let cursor: string | undefined;
    do {
      const page = await readAuditTrail(
        'sig_trail',
        { limit, ...(cursor ? { cursor } : {}) },
        pagedTrail(MORNING),
      );
      pages.push({
        actions: page.items.map((item) => item.action),
        counts: page.items.map((item) => item.count),
      });
      cursor = page.cursor;
    } while (cursor);
    return pages;
  }

  it('the visit at the end of a page waits for the next page, which shows it whole', async () => {
    // Page 1 (3 entries: close, 10:50, 09:55) would end in the first view of the three-view visit
    // (09:55, 09:25, 09:10): it shows two entries and leaves that visit to page 2, whole.
    const pages = await allPages(3);

    expect(pages.slice(0, 2)).toEqual([
      { actions: ['closeSignal', 'listTeamSignals'], counts: [1, 1] },
      { actions: ['listTeamSignals'], counts: [3] },
    ]);
    expect(pages.flatMap((page) => page.counts).reduce((a, b) => a + b, 0)).toBe(MORNING.length);
    expect(pages.flatMap((page) => page.actions)).toEqual(readableTrail(MORNING).map((item) => item.action));
    expect(pages.flatMap((page) => page.counts)).toEqual(readableTrail(MORNING).map((item) => item.count));
  });

  it('a page that is one visit only is shown, not held back for ever', async () => {
    const visit = [
      seen('2026-11-24T09:20:00.000Z'),
      seen('2026-11-24T09:10:00.000Z'),
      seen('2026-11-24T09:00:00.000Z'),
    ];
    const page = await readAuditTrail('sig_trail', { limit: 2 }, pagedTrail(visit));

    expect(page.items).toEqual([expect.objectContaining({ count: 2, firstAt: '2026-11-24T09:10:00.000Z' })]);
    expect(page.cursor).toBe(visit[1]?.position);
  });
});
