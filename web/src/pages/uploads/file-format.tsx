import thresholds from '../../../../config/thresholds.json' with { type: 'json' };
import {
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  Heading,
  Link,
  ListItem,
  Paragraph,
  ScrollTable,
  StatusBadge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
} from '../../components/ui.tsx';
import { FORMAT_COLUMNS, TEMPLATE_FILE_NAME, templateCsv } from '../../rent-arrears-format.ts';
import { saveCsv } from './rejected-download.tsx';

/** DESIGN I4: the municipality's threshold for this corporation (config/thresholds.json). */
function thresholdFor(source: string | undefined): number {
  const perSource = thresholds.perSource as Record<string, number>;
  return (source ? perSource[source] : undefined) ?? thresholds.defaultEuro;
}

const euro = (value: number) =>
  value.toLocaleString('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

/**
 * "Bestandsformaat" (issue 15): the rent-arrears list's columns as the spreadsheet's header row has
 * them — column letter, name, required or not, format, example — from the parser's own list
 * (rent-arrears-format.ts), a template to download, and what happens to each row in plain Dutch.
 */
export function FileFormat({ source }: { source?: string | undefined }) {
  return (
    <>
      <Paragraph>
        <Link href="#/upload">Huurachterstanden aanleveren</Link>
      </Paragraph>
      <Heading level={1}>Bestandsformaat</Heading>
      <Paragraph lead>
        Zo ziet de lijst met huurachterstanden eruit: een CSV-bestand met in de eerste rij de namen van de
        kolommen en daaronder één rij per huurder.
      </Paragraph>

      <Heading level={2}>Sjabloon</Heading>
      <Paragraph>
        Het sjabloon heeft alle kolommen en één voorbeeldrij. Open het in uw spreadsheetprogramma, vervang de
        voorbeeldrij door uw huurders en sla het op als CSV.
      </Paragraph>
      <ButtonGroup>
        <Button onClick={() => saveCsv(TEMPLATE_FILE_NAME, templateCsv())}>Sjabloon downloaden (CSV)</Button>
      </ButtonGroup>

      <Heading level={2}>Het bestand</Heading>
      <UnorderedList>
        <ListItem>
          Een CSV-bestand (.csv), gescheiden door puntkomma's of komma's, in UTF-8 of Windows-1252: "CSV
          UTF-8" of "CSV (gescheiden door lijstscheidingsteken)" in Excel. Een Excel-werkmap (.xlsx) of pdf
          wordt geweigerd.
        </ListItem>
        <ListItem>
          Hoogstens 6 MB, ongeveer 30.000 rijen. Een grotere lijst stuurt u in delen, elk met de kopregel.
        </ListItem>
        <ListItem>
          De kopregel staat binnen de eerste 10 regels; titelregels en lege regels erboven mogen.
          Hoofdletters, spaties en streepjes in de kolomnamen maken niet uit: "Achterstand bedrag" is
          hetzelfde als achterstand_bedrag.
        </ListItem>
        <ListItem>
          De volgorde van de kolommen maakt niet uit. Kolommen die hieronder niet staan worden overgeslagen en
          op het ontvangstbewijs genoemd.
        </ListItem>
        <ListItem>
          Rijnummers op het ontvangstbewijs zijn die van uw spreadsheet: de kopregel is rij 1 (of lager, onder
          titelregels), de eerste huurder rij 2.
        </ListItem>
      </UnorderedList>

      <Heading level={2}>De kolommen</Heading>
      <ScrollTable label="De kolommen van de lijst">
        <Table caption="De kolommen van de lijst, zoals de kopregel van het sjabloon ze heeft" captionHidden>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Kolom</TableHeaderCell>
              <TableHeaderCell>Naam in de kopregel</TableHeaderCell>
              <TableHeaderCell>Verplicht</TableHeaderCell>
              <TableHeaderCell>Wat erin staat</TableHeaderCell>
              <TableHeaderCell>Voorbeeld</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {FORMAT_COLUMNS.map((column) => (
              <TableRow key={column.name}>
                <TableCell>{column.letter}</TableCell>
                <TableHeaderCell scope="row">
                  <code class="utrecht-code">{column.name}</code>
                </TableHeaderCell>
                <TableCell>{column.required ? 'Verplicht' : 'Niet verplicht'}</TableCell>
                <TableCell>{column.format}</TableCell>
                <TableCell>{column.example}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollTable>

      <Heading level={2}>Wat er met elke rij gebeurt</Heading>
      <Paragraph>
        Na het versturen krijgt u een ontvangstbewijs met per rij een van deze uitkomsten. Eén foute rij houdt
        de rest niet tegen.
      </Paragraph>
      <DataList appearance="rows">
        <DataListItem label={<StatusBadge status="safe">Geaccepteerd</StatusBadge>}>
          De rij is in orde en wordt een signaal voor het buurtteam van de wijk van de huurder. Het buurtteam
          neemt binnen 5 werkdagen contact op, binnen 3 werkdagen als er een ontruimingsdatum is. Op het
          ontvangstbewijs ziet u later hoe het ermee staat: ontvangen, opgepakt, niet opgepakt of afgerond —
          niet de reden en niet de aantekeningen van het team.
        </DataListItem>
        <DataListItem label={<StatusBadge status="danger">Afgewezen</StatusBadge>}>
          Een verplichte kolom is leeg of een waarde klopt niet, zoals een postcode zonder letters of een
          datum die niet bestaat. Het ontvangstbewijs zegt per rij welke kolom en wat er mis is. Download de
          afgewezen rijen als CSV met een kolom fouten, verbeter ze en stuur ze opnieuw. Een rij met bezwaar
          "ja" wordt ook afgewezen; daarvan wordt niets bewaard.
        </DataListItem>
        <DataListItem label={<StatusBadge status="neutral">Dubbel</StatusBadge>}>
          Deze huurder (hetzelfde huurdernummer en dezelfde datum achterstand sinds) is al eerder aangeleverd
          en het bedrag is niet hoger, of het signaal is al afgesloten. Er verandert niets. Een bestand nog
          eens versturen kan dus geen kwaad.
        </DataListItem>
        <DataListItem label={<StatusBadge status="active">Bijgewerkt</StatusBadge>}>
          Deze huurder is al eerder aangeleverd, nu met een hoger bedrag: het signaal krijgt het nieuwe
          bedrag.
        </DataListItem>
        <DataListItem label="Onder de drempel">
          Een achterstand onder de drempel van de gemeente (voor uw organisatie nu{' '}
          {euro(thresholdFor(source))}) wordt geaccepteerd, maar niet aan een buurtteam doorgegeven. De
          terugkoppeling wordt "niet opgepakt".
        </DataListItem>
        <DataListItem label="Niet doorgegeven">
          Ook een geaccepteerde rij boven de drempel wordt niet aan een buurtteam doorgegeven als de huurder
          in de afgelopen 6 maanden na een melding van uw organisatie geen hulp wilde en het bedrag niet is
          gestegen. De terugkoppeling wordt dan ook "niet opgepakt".
        </DataListItem>
      </DataList>
    </>
  );
}
