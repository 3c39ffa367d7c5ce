import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../../api.ts';
import {
  ErrorMessage,
  Paragraph,
  ScrollTable,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../../components/ui.tsx';
import { dutchEntryOf, formatDutchDate } from '../../dutch-time.ts';
import { AUDIT_ACTIONS } from '../../labels.ts';
import { type AuditEntry, type AuditRow, auditDays } from './audit-rows.ts';
import { Panel } from './facts.tsx';

const time = (at: string) => dutchEntryOf(new Date(at)).time;

function momentText(row: AuditRow): string {
  const first = time(row.firstAt);
  const last = time(row.at);
  return first === last ? last : `${first}–${last}`;
}

function actionText(row: AuditRow): string {
  const action = AUDIT_ACTIONS[row.action] ?? row.action;
  return row.count > 1 ? `${action} (${row.count} keer)` : action;
}

/** DESIGN P3 for the coordinator of the team and admins: who saw or changed this signal, per day. */
export function AuditTrail({ api, signalId, today }: { api: Api; signalId: string; today: string }) {
  const [entries, setEntries] = useState<AuditEntry[]>();
  const [error, setError] = useState<unknown>();
  useEffect(
    () =>
      void api
        .get<{ items: AuditEntry[] }>(`/signals/${signalId}/audit?limit=50`)
        .then((page) => setEntries(page.items), setError),
    [signalId],
  );
  return (
    <Panel id="audit-title" title="Auditspoor">
      <ErrorMessage error={error} />
      {entries && entries.length === 0 && (
        <Paragraph small>Nog niemand heeft dit signaal ingezien.</Paragraph>
      )}
      {entries &&
        auditDays(entries).map(({ day, rows }) => (
          <ScrollTable key={day} label={`Auditregels ${formatDutchDate(rows[0]?.at, today)}`}>
            <Table caption={formatDutchDate(rows[0]?.at, today)}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Tijd</TableHeaderCell>
                  <TableHeaderCell>Handeling</TableHeaderCell>
                  <TableHeaderCell>Wie</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((row) => (
                  <TableRow key={row.key}>
                    <TableCell>{momentText(row)}</TableCell>
                    <TableCell>{actionText(row)}</TableCell>
                    <TableCell>{row.who}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollTable>
        ))}
    </Panel>
  );
}
