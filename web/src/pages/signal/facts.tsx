import type { ComponentChildren } from 'preact';
import { DataList, DataListItem, Heading, Paragraph } from '../../components/ui.tsx';
import { formatDutchDate, formatDutchDateTime, workingDaysText } from '../../dutch-time.ts';
import { formatDate, formatEuro, KIND_LABELS, problemLabel, SOURCE_LABELS } from '../../labels.ts';
import { FlagList } from './flag-list.tsx';
import type { Detail } from './types.ts';

/** A boxed section of the page with its heading, a region named by it. */
export function Panel({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={id} class="panel">
      <Heading level={2} id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

/** Street, number and suffix, postcode and city: the full address (a care report's too). */
export function addressText({ address }: Detail): string {
  const number = `${address.houseNumber}${address.houseNumberSuffix ? ` ${address.houseNumberSuffix}` : ''}`;
  const street = [address.street, number].filter(Boolean).join(' ');
  const place = [address.postcode, address.city].filter(Boolean).join(' ');
  return `${street}, ${place}`;
}

function deadlineNote(signal: Detail): string {
  if (signal.status !== 'open' || signal.firstContactAt) return '';
  if (signal.workingDaysLeft !== undefined)
    return ` — ${workingDaysText(signal.workingDaysLeft, signal.overdue)}`;
  return signal.overdue ? ' — over de termijn' : '';
}

/** The deadline, the person and address, and every fact about the signal that routed it (R3–R6). */
export function Facts({ signal, today }: { signal: Detail; today: string }) {
  return (
    <div class="columns">
      <Panel id="deadline-title" title="Termijn">
        <DataList>
          <DataListItem label="Eerste contact uiterlijk">
            {formatDutchDate(signal.dueDate, today)}
            {deadlineNote(signal)}
          </DataListItem>
          <DataListItem label="Eerste contact">
            {signal.firstContactAt
              ? `${formatDutchDateTime(signal.firstContactAt, today)} (${signal.firstContactInTime ? 'binnen de termijn' : 'na de termijn'})`
              : 'Nog niet'}
          </DataListItem>
          <DataListItem label="Ontvangen">{formatDutchDateTime(signal.receivedAt, today)}</DataListItem>
        </DataList>
      </Panel>
      <Panel id="person-title" title="Persoon en adres">
        <DataList>
          <DataListItem label="Naam">{signal.person.displayName}</DataListItem>
          <DataListItem label="Geboortedatum">{formatDate(signal.person.birthDate)}</DataListItem>
          <DataListItem label="Telefoon">{signal.person.phone ?? '—'}</DataListItem>
          <DataListItem label="E-mail">{signal.person.email ?? '—'}</DataListItem>
          <DataListItem label="Adres">{addressText(signal)}</DataListItem>
        </DataList>
      </Panel>
      <Panel id="source-title" title="Signaal">
        <SignalFacts signal={signal} today={today} />
      </Panel>
    </div>
  );
}

/** B1: the count and where it came from — the partner, the BRP, or nobody yet. */
function minorsText(signal: Detail, source: string): string {
  const household = signal.household ?? {
    minorsUnder18: signal.minorsInHousehold,
    source: signal.minorsInHousehold === undefined ? 'onbekend' : 'partner',
  };
  if (household.minorsUnder18 === undefined || household.source === 'onbekend') {
    return signal.flags.includes('niet-in-brp')
      ? 'Onbekend: niet opgegeven, en volgens de BRP woont er niemand op dit adres'
      : 'Onbekend: niet opgegeven';
  }
  const by = household.source === 'brp' ? 'de BRP, op de ontvangstdatum' : source;
  return `${household.minorsUnder18} (volgens ${by})`;
}

function SignalFacts({ signal, today }: { signal: Detail; today: string }) {
  const source = SOURCE_LABELS[signal.source] ?? signal.source;
  const others = signal.categories.filter((category) => category !== signal.dominantProblem);
  return (
    <>
      <DataList>
        <DataListItem label="Bron">{source}</DataListItem>
        {signal.sourceReference && (
          <DataListItem label="Kenmerk bij de partner">{signal.sourceReference}</DataListItem>
        )}
        <DataListItem label="Soort">
          {KIND_LABELS[signal.kind] ?? signal.kind}
          {signal.supplier ? ` (${signal.supplier})` : ''}
        </DataListItem>
        <DataListItem label="Minderjarigen in het huishouden">{minorsText(signal, source)}</DataListItem>
        <DataListItem label="Hoofdprobleem">{problemLabel(signal.dominantProblem)}</DataListItem>
        <DataListItem label="Andere problemen">
          {others.length > 0 ? others.map(problemLabel).join(', ') : 'Geen'}
        </DataListItem>
        {signal.amount !== undefined && (
          <DataListItem label="Achterstand">{formatEuro(signal.amount)}</DataListItem>
        )}
        {signal.arrearsSince && (
          <DataListItem label="Achterstand sinds">{formatDutchDate(signal.arrearsSince, today)}</DataListItem>
        )}
        {signal.monthlyRent !== undefined && (
          <DataListItem label="Maandhuur">{formatEuro(signal.monthlyRent)}</DataListItem>
        )}
        {signal.evictionDate && (
          <DataListItem label="Ontruimingsdatum">{formatDutchDate(signal.evictionDate, today)}</DataListItem>
        )}
        {signal.endOfSupplyDate && (
          <DataListItem label="Einde levering">{formatDutchDate(signal.endOfSupplyDate, today)}</DataListItem>
        )}
        {signal.consent === 'not-asked' && (
          <DataListItem label="Toestemming">Niet gevraagd: alleen een aanbod doen</DataListItem>
        )}
        <DataListItem label="Kenmerken">
          <FlagList flags={signal.flags} />
        </DataListItem>
      </DataList>
      {signal.summary && (
        <>
          <Heading level={3}>Samenvatting van de melding</Heading>
          <Paragraph>{signal.summary}</Paragraph>
        </>
      )}
    </>
  );
}
