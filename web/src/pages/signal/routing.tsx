import {
  DataList,
  DataListItem,
  ScrollTable,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../../components/ui.tsx';
import { formatDutchDateTime } from '../../dutch-time.ts';
import { ROUTING_RULE_LABELS, teamLabel } from '../../labels.ts';
import { Panel } from './facts.tsx';
import type { Detail } from './types.ts';

const ruleText = (rule: string) => ROUTING_RULE_LABELS[rule] ?? rule;

/** Why the signal is with this team (DESIGN R1–R6), and every step it took to get there. */
export function Routing({ signal, today }: { signal: Detail; today: string }) {
  return (
    <Panel id="routing-title" title="Routering">
      <DataList>
        <DataListItem label="Regel">{ruleText(signal.routing.rule)}</DataListItem>
        <DataListItem label="Toelichting">{signal.routing.explanation}</DataListItem>
      </DataList>
      <ScrollTable label="Routeringsgeschiedenis">
        <Table caption="Routeringsgeschiedenis">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Moment</TableHeaderCell>
              <TableHeaderCell>Team</TableHeaderCell>
              <TableHeaderCell>Regel</TableHeaderCell>
              <TableHeaderCell>Toelichting</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {signal.routingHistory.map((step) => (
              <TableRow key={step.at + step.teamId}>
                <TableCell>{formatDutchDateTime(step.at, today)}</TableCell>
                <TableCell>{teamLabel(step.teamId)}</TableCell>
                <TableCell>{ruleText(step.rule)}</TableCell>
                <TableCell>{step.explanation}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollTable>
    </Panel>
  );
}
