import {
  Alert,
  DataList,
  DataListItem,
  Flags,
  Heading,
  Link,
  Paragraph,
  type Status,
  StatusBadge,
} from '../../components/ui.tsx';
import { formatDutchDateTime } from '../../dutch-time.ts';
import { outcomeLabel, STATUS_LABELS, teamLabel } from '../../labels.ts';
import type { Detail } from './types.ts';

const STATUS_BADGES: Readonly<Record<string, Status>> = {
  open: 'active',
  closed: 'neutral',
  forwarded: 'warning',
  'not-routed': 'inactive',
};

const RECORD_HEADINGS: Readonly<Record<string, string>> = {
  closed: 'Dit signaal is afgesloten',
  forwarded: 'Dit signaal is doorgezet naar Veilig Thuis',
  'not-routed': 'Dit signaal is niet opgepakt',
};

/** The way back, the person's name with the signal's state, and — once decided — the outcome on top. */
export function CaseHeader({ signal, today }: { signal: Detail; today: string }) {
  return (
    <>
      <Paragraph>
        <Link href={`#/inbox/${signal.teamId}`}>← Werkvoorraad {teamLabel(signal.teamId)}</Link>
      </Paragraph>
      <div class="page-head">
        <Heading level={1}>{signal.person.displayName}</Heading>
        <span class="utrecht-badge-list">
          <StatusBadge status={signal.overdue ? 'danger' : (STATUS_BADGES[signal.status] ?? 'neutral')}>
            {signal.overdue ? 'Over de termijn' : (STATUS_LABELS[signal.status] ?? signal.status)}
          </StatusBadge>
          {signal.flags.length > 0 && <Flags flags={signal.flags} />}
        </span>
      </div>
      {signal.outcome && <CaseRecord signal={signal} outcome={signal.outcome} today={today} />}
    </>
  );
}

/** Issue 15, the case record: how it ended, when, and who decided it. */
function CaseRecord({ signal, outcome, today }: { signal: Detail; outcome: string; today: string }) {
  return (
    <Alert type="info" heading={RECORD_HEADINGS[signal.status] ?? 'Uitkomst'}>
      <DataList appearance="rows">
        <DataListItem label="Uitkomst">{outcomeLabel(outcome)}</DataListItem>
        {signal.status === 'closed' && (
          <>
            <DataListItem label="Afgesloten op">{formatDutchDateTime(signal.closedAt, today)}</DataListItem>
            <DataListItem label="Afgesloten door">
              {signal.closedBy?.displayName ?? 'Niet vastgelegd (afgesloten vóór deze versie)'}
            </DataListItem>
          </>
        )}
      </DataList>
    </Alert>
  );
}
