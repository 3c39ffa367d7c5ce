import {
  Paragraph,
  ScrollTable,
  StatusBadge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../../components/ui.tsx';
import { formatDutchDateTime } from '../../dutch-time.ts';
import { ESCALATION_LEVEL_LABELS, teamLabel } from '../../labels.ts';
import { Panel } from './facts.tsx';
import type { Escalation } from './types.ts';

/** Who was told (DESIGN D4), by role and team or organisation. */
function recipientText({ role, scope }: Escalation['recipient']): string {
  if (role === 'coordinator') return `Coördinator van ${teamLabel(scope)}`;
  if (role === 'manager') return `Manager van Buurtteams ${scope === 'jg' ? 'Jeugd & Gezin' : 'Sociaal'}`;
  if (role === 'municipality') return 'Contractmanager van de gemeente';
  if (role === 'veilig-thuis') return 'Veilig Thuis';
  return role;
}

const RESOLVED_THROUGH: Readonly<Record<string, string>> = {
  'first-contact': ', door het eerste contact',
  closed: ', door het afsluiten',
};

function resolution(escalation: Escalation, today: string) {
  if (!escalation.resolved) return <StatusBadge status="warning">Open</StatusBadge>;
  const through = escalation.resolvedThrough ? RESOLVED_THROUGH[escalation.resolvedThrough] : '';
  return (
    <>
      <StatusBadge status="safe">Opgelost</StatusBadge>
      {escalation.resolvedAt && ` op ${formatDutchDateTime(escalation.resolvedAt, today)}${through}`}
    </>
  );
}

/** The escalations of this signal: level, when, to whom, and whether they are resolved. */
export function Escalations({ escalations, today }: { escalations: readonly Escalation[]; today: string }) {
  return (
    <Panel id="escalations-title" title="Escalaties">
      {escalations.length === 0 ? (
        <Paragraph small>Geen escalaties.</Paragraph>
      ) : (
        <ScrollTable label="Escalaties van dit signaal">
          <Table caption="Escalaties, oudste eerst" captionHidden>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Niveau</TableHeaderCell>
                <TableHeaderCell>Datum</TableHeaderCell>
                <TableHeaderCell>Naar</TableHeaderCell>
                <TableHeaderCell>Stand</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {escalations.map((escalation) => (
                <TableRow key={escalation.level}>
                  <TableCell>
                    {ESCALATION_LEVEL_LABELS[escalation.level] ?? `Niveau ${escalation.level}`}
                  </TableCell>
                  <TableCell>{formatDutchDateTime(escalation.at, today)}</TableCell>
                  <TableCell>{recipientText(escalation.recipient)}</TableCell>
                  <TableCell>{resolution(escalation, today)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollTable>
      )}
    </Panel>
  );
}
