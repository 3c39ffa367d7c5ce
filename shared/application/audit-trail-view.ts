import { principalLabel } from '../domain/principal-labels.ts';
import type { AuditTrail, ListedAuditEntry } from './ports.ts';

/**
 * The audit trail as people read it (issue 15, build 5; DESIGN P3). The trail itself stays what it
 * is — one entry per read or change, ids and codes, nothing folded away — and this view is computed
 * from it on every read:
 * - `who`: the role and team or organisation in words (principalLabel), beside the principal;
 * - inbox views folded per visit: opening the inbox lists each of its signals, so a worker who goes
 *   back to it ten times in a morning leaves ten "seen in the inbox" entries on every signal.
 *   Consecutive such entries of the same principal, each within VISIT_GAP_MINUTES of the one before
 *   (a visit ends after half an hour without looking, as web analytics count visits), become one
 *   entry with a `count` and the first view's time (`firstAt`); `at` is the last view's.
 * Reads of the signal page and every change stay one entry each.
 */
export const VISIT_GAP_MINUTES = 30;

/**
 * The actions folded per visit: lists that audit each signal they show — the inbox (`GET
 * /teams/{teamId}/signals`) and the team calendar (`GET /teams/{teamId}/appointments`, issue 17).
 */
export const FOLDED_ACTIONS: ReadonlySet<string> = new Set(['listTeamSignals', 'listTeamAppointments']);

export interface ReadableAuditEntry {
  readonly signalId: string;
  /** The (last) moment. */
  readonly at: string;
  readonly action: string;
  readonly principal: ListedAuditEntry['principal'];
  readonly who: { readonly role: string; readonly label: string };
  /** How many stored entries this one stands for: more than 1 for a folded visit. */
  readonly count: number;
  /** A folded visit's first view. */
  readonly firstAt?: string | undefined;
}

const GAP_MS = VISIT_GAP_MINUTES * 60_000;

/** Whether `older` (the next entry, newest first) continues the visit that `newer` belongs to. */
function sameVisit(newer: ListedAuditEntry, older: ListedAuditEntry): boolean {
  return (
    FOLDED_ACTIONS.has(newer.action) &&
    older.action === newer.action &&
    older.principal.id === newer.principal.id &&
    Date.parse(newer.at) - Date.parse(older.at) <= GAP_MS
  );
}

/** Entries newest first, as stored, to the readable view: `who` on each, inbox visits folded. */
export function readableTrail(entries: readonly ListedAuditEntry[]): ReadableAuditEntry[] {
  const readable: ReadableAuditEntry[] = [];
  let visit: { first: ListedAuditEntry; last: ListedAuditEntry; count: number } | undefined;
  const flush = () => {
    if (!visit) return;
    const { first, last, count } = visit;
    readable.push({
      signalId: first.signalId,
      at: first.at,
      action: first.action,
      principal: first.principal,
      who: { role: first.principal.role, label: principalLabel(first.principal) },
      count,
      ...(count > 1 ? { firstAt: last.at } : {}),
    });
    visit = undefined;
  };
  for (const entry of entries) {
    if (visit && sameVisit(visit.last, entry)) {
      visit = { ...visit, last: entry, count: visit.count + 1 };
      continue;
    }
    flush();
    visit = { first: entry, last: entry, count: 1 };
  }
  flush();
  return readable;
}

/** How many entries at the end of a page form one inbox visit that the next page may continue. */
function trailingVisit(entries: readonly ListedAuditEntry[]): number {
  const last = entries.at(-1);
  if (!last || !FOLDED_ACTIONS.has(last.action)) return 0;
  let length = 1;
  while (length < entries.length) {
    const newer = entries[entries.length - length - 1] as ListedAuditEntry;
    const older = entries[entries.length - length] as ListedAuditEntry;
    if (!sameVisit(newer, older)) break;
    length++;
  }
  return length;
}

/**
 * A page of the readable trail. `limit` counts stored entries. A visit at the end of a page that has
 * more after it is left to the next page, which starts with it, so a visit is one entry — unless a
 * single visit fills a whole page, which then shows as one entry per page it spans.
 */
export async function readAuditTrail(
  signalId: string,
  page: { readonly limit: number; readonly cursor?: string | undefined },
  trail: Pick<AuditTrail, 'list'>,
): Promise<{ items: ReadableAuditEntry[]; cursor?: string }> {
  const { items, cursor } = await trail.list(signalId, page);
  let shown = items;
  let next = cursor;
  if (cursor) {
    const held = trailingVisit(items);
    if (held > 0 && held < items.length) {
      shown = items.slice(0, items.length - held);
      next = (shown.at(-1) as ListedAuditEntry).position;
    }
  }
  return { items: readableTrail(shown), ...(next ? { cursor: next } : {}) };
}
