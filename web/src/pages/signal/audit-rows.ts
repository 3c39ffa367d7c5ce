import type { z } from 'zod';
import type { auditListSchema } from '../../../../shared/api/signal-schemas.ts';
import { dutchEntryOf } from '../../dutch-time.ts';

/**
 * An audit entry (DESIGN P3, `GET /signals/{id}/audit`), typed from the API's own schema: `who` in
 * words, and a principal's inbox views within a visit already folded by the API (`count`, `firstAt`).
 */
export type AuditEntry = z.output<typeof auditListSchema>['items'][number];

/** One line of the trail: one action, or a run of the same person's views on one day. */
export interface AuditRow {
  key: string;
  /** The Amsterdam day (`dd-mm-jjjj`) the row belongs to. */
  day: string;
  at: string;
  firstAt: string;
  action: string;
  who: string;
  principalId: string;
  count: number;
}

/** Reads are folded when they follow each other; changes always stand alone. */
const VIEWS = new Set(['getSignal', 'listTeamSignals', 'listTeamAppointments']);

/** The entries (newest first) as rows per day, consecutive identical views folded into one. */
export function auditDays(entries: readonly AuditEntry[]): { day: string; rows: AuditRow[] }[] {
  const rows: AuditRow[] = [];
  for (const entry of entries) {
    const day = dutchEntryOf(new Date(entry.at)).date;
    const count = entry.count;
    const firstAt = entry.firstAt ?? entry.at;
    const previous = rows.at(-1);
    if (
      previous &&
      VIEWS.has(entry.action) &&
      previous.action === entry.action &&
      previous.principalId === entry.principal.id &&
      previous.day === day
    ) {
      previous.count += count;
      previous.firstAt = firstAt;
      continue;
    }
    rows.push({
      key: `${entry.at}-${entry.action}-${entry.principal.id}`,
      day,
      at: entry.at,
      firstAt,
      action: entry.action,
      who: entry.who.label,
      principalId: entry.principal.id,
      count,
    });
  }
  const days: { day: string; rows: AuditRow[] }[] = [];
  for (const row of rows) {
    const last = days.at(-1);
    if (last?.day === row.day) last.rows.push(row);
    else days.push({ day: row.day, rows: [row] });
  }
  return days;
}
