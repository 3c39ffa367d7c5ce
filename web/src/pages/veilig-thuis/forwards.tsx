import { useEffect, useRef, useState } from 'preact/hooks';
import type { Api } from '../../api.ts';
import {
  Alert,
  Button,
  ButtonGroup,
  ErrorMessage,
  Heading,
  Link,
  Loading,
  Paragraph,
  ScrollTable,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../../components/ui.tsx';
import { formatDutchDateTime } from '../../dutch-time.ts';
import { KIND_LABELS, problemLabel } from '../../labels.ts';

/**
 * The Veilig Thuis home (issue 15 build 4, DESIGN C2, R1): the care reports the police made about
 * safety, forwarded here at once. "In behandeling genomen", after a confirmation, closes one with
 * the outcome `doorgezet-veilig-thuis`: it leaves Open, shows under Afgehandeld, and the police
 * see "afgerond".
 */

const TEAM = 'veilig-thuis';
export const FORWARD_OUTCOME = 'doorgezet-veilig-thuis';

interface Item {
  signalId: string;
  kind: string;
  receivedAt: string;
  dominantProblem?: string;
  routing: { rule: string; explanation: string };
  person: { displayName: string; birthYear?: number };
  address: { postcode: string; houseNumber: number; houseNumberSuffix?: string };
  status: string;
}

interface List {
  items: Item[];
  cursor?: string;
  asOf: string;
}

const addressOf = ({ postcode, houseNumber, houseNumberSuffix }: Item['address']) =>
  `${postcode.replace(/^(\d{4})(\w{2})$/, '$1\u00a0$2')} ${houseNumber}${houseNumberSuffix ? ` ${houseNumberSuffix}` : ''}`;

const personOf = (item: Item) =>
  item.person.birthYear ? `${item.person.displayName} (${item.person.birthYear})` : item.person.displayName;

/** Why it came to Veilig Thuis, in words: the routing rule's explanation and the gravest concern. */
function Reason({ item }: { item: Item }) {
  return (
    <>
      {item.dominantProblem && <strong>{problemLabel(item.dominantProblem)}. </strong>}
      {item.routing.explanation}
    </>
  );
}

export function VeiligThuisHome({ api }: { api: Api }) {
  const [open, setOpen] = useState<List>();
  const [handled, setHandled] = useState<List>();
  const [error, setError] = useState<unknown>();
  const [confirming, setConfirming] = useState<Item>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Item>();
  const [reload, setReload] = useState(0);
  const confirmation = useRef<HTMLDivElement>(null);
  const result = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let current = true;
    Promise.all([
      api.get<List>(`/teams/${TEAM}/signals?status=forwarded&limit=100`),
      api.get<List>(`/teams/${TEAM}/signals?status=closed&limit=50`),
    ])
      .then(([forwarded, closed]) => {
        if (!current) return;
        setOpen(forwarded);
        setHandled(closed);
      })
      .catch((caught: unknown) => {
        if (current) setError(caught);
      });
    return () => {
      current = false;
    };
  }, [api, reload]);

  useEffect(() => {
    if (confirming) confirmation.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (done) result.current?.focus();
  }, [done]);

  const cancel = () => {
    const signalId = confirming?.signalId;
    setConfirming(undefined);
    if (signalId) setTimeout(() => document.getElementById(`take-${signalId}`)?.focus());
  };

  const take = async (item: Item) => {
    setBusy(true);
    setError(undefined);
    try {
      await api.post(`/signals/${encodeURIComponent(item.signalId)}/close`, { outcome: FORWARD_OUTCOME });
      setConfirming(undefined);
      setDone(item);
    } catch (caught) {
      setConfirming(undefined);
      setError(caught);
    } finally {
      setBusy(false);
      setReload((count) => count + 1);
    }
  };

  const today = open?.asOf ?? handled?.asOf ?? new Date().toISOString();
  return (
    <>
      <Heading level={1}>Doorzettingen naar Veilig Thuis</Heading>
      <Paragraph lead>
        Zorgmeldingen van de politie met zorgen over veiligheid: acute onveiligheid, huiselijk geweld of
        onveiligheid van een kind. Ze komen hier direct binnen, volgens de Meldcode, ook zonder toestemming
        van de inwoner.
      </Paragraph>

      {done && (
        <div ref={result} tabIndex={-1}>
          <Alert type="ok" role="status" heading="In behandeling genomen">
            <Paragraph>
              De zorgmelding over {personOf(done)} is in behandeling genomen door Veilig Thuis. Zij staat nu
              onder Afgehandeld; de politie ziet "afgerond".
            </Paragraph>
          </Alert>
        </div>
      )}
      <ErrorMessage error={error} />

      <Heading level={2}>Open</Heading>
      {confirming && (
        <div ref={confirmation} tabIndex={-1}>
          <Alert type="warning" heading="Neemt Veilig Thuis deze zorgmelding in behandeling?">
            <Paragraph>
              {personOf(confirming)}, {addressOf(confirming.address)}, ontvangen{' '}
              {formatDutchDateTime(confirming.receivedAt, today)}. De melding wordt afgesloten met de uitkomst
              "Doorgezet naar Veilig Thuis" en verdwijnt uit Open. Dit kan niet ongedaan worden gemaakt.
            </Paragraph>
            <ButtonGroup>
              <Button
                appearance="primary-action"
                busy={busy}
                disabled={busy}
                onClick={() => void take(confirming)}
              >
                Ja, in behandeling genomen
              </Button>
              <Button onClick={cancel} disabled={busy}>
                Annuleren
              </Button>
            </ButtonGroup>
          </Alert>
        </div>
      )}
      {!open && !error && <Loading />}
      {open && open.items.length === 0 && <Paragraph>Er zijn geen open doorzettingen.</Paragraph>}
      {open && open.items.length > 0 && (
        <ScrollTable label="Open doorzettingen">
          <Table caption={`Open doorzettingen (${open.items.length})`} captionHidden>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Ontvangen</TableHeaderCell>
                <TableHeaderCell>Soort</TableHeaderCell>
                <TableHeaderCell>Inwoner</TableHeaderCell>
                <TableHeaderCell>Adres</TableHeaderCell>
                <TableHeaderCell>Waarom bij Veilig Thuis</TableHeaderCell>
                <TableHeaderCell>Actie</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {open.items.map((item) => (
                <TableRow key={item.signalId}>
                  <TableCell>{formatDutchDateTime(item.receivedAt, today)}</TableCell>
                  <TableCell>{KIND_LABELS[item.kind] ?? item.kind}</TableCell>
                  <TableCell>
                    <Link href={`#/signals/${item.signalId}`} id={`person-${item.signalId}`}>
                      {personOf(item)}
                    </Link>
                  </TableCell>
                  <TableCell>{addressOf(item.address)}</TableCell>
                  <TableCell>
                    <Reason item={item} />
                  </TableCell>
                  <TableCell>
                    <Button
                      id={`take-${item.signalId}`}
                      aria-describedby={`person-${item.signalId}`}
                      disabled={busy}
                      onClick={() => {
                        setDone(undefined);
                        setConfirming(item);
                      }}
                    >
                      In behandeling genomen
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollTable>
      )}

      <Heading level={2}>Afgehandeld</Heading>
      {handled && handled.items.length === 0 && <Paragraph>Nog niets afgehandeld.</Paragraph>}
      {handled && handled.items.length > 0 && (
        <ScrollTable label="Afgehandelde meldingen">
          <Table caption="Afgehandelde meldingen, laatst afgesloten eerst" captionHidden>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Ontvangen</TableHeaderCell>
                <TableHeaderCell>Soort</TableHeaderCell>
                <TableHeaderCell>Inwoner</TableHeaderCell>
                <TableHeaderCell>Adres</TableHeaderCell>
                <TableHeaderCell>Waarom bij Veilig Thuis</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {handled.items.map((item) => (
                <TableRow key={item.signalId}>
                  <TableCell>{formatDutchDateTime(item.receivedAt, today)}</TableCell>
                  <TableCell>{KIND_LABELS[item.kind] ?? item.kind}</TableCell>
                  <TableCell>
                    <Link href={`#/signals/${item.signalId}`}>{personOf(item)}</Link>
                  </TableCell>
                  <TableCell>{addressOf(item.address)}</TableCell>
                  <TableCell>
                    <Reason item={item} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollTable>
      )}
    </>
  );
}
