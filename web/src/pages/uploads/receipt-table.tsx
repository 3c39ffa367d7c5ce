import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  Button,
  ErrorMessage,
  Pagination,
  RadioGroupField,
  ScrollTable,
  type Status,
  StatusBadge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TextboxField,
} from '../../components/ui.tsx';
import { FEEDBACK_LABELS, STATUS_LABELS } from '../../labels.ts';
import { clampPage, pageCount } from '../../paging.ts';
import { filterLines, type LineFilter, ROWS_PER_PAGE } from '../../receipt-pages.ts';
import { type Line, lineNames, type Receipt, type ReceiptLines } from './receipt-data.ts';

const STATUS_BADGE: Readonly<Record<Line['status'], Status>> = {
  accepted: 'safe',
  rejected: 'danger',
  duplicate: 'neutral',
  updated: 'active',
};

/** The filter's choices: every line, or one status; dubbel and bijgewerkt only when there are any. */
const FILTERS: readonly {
  value: LineFilter;
  label: string;
  plural: string;
  count?: keyof Receipt['counts'];
}[] = [
  { value: 'alle', label: 'Alle', plural: '', count: 'received' },
  { value: 'rejected', label: 'Alleen afgewezen', plural: 'afgewezen', count: 'rejected' },
  { value: 'accepted', label: 'Alleen geaccepteerd', plural: 'geaccepteerde', count: 'accepted' },
  { value: 'duplicate', label: 'Alleen dubbel', plural: 'dubbele', count: 'duplicate' },
  { value: 'updated', label: 'Alleen bijgewerkt', plural: 'bijgewerkte', count: 'updated' },
];

const nl = (value: number) => value.toLocaleString('nl-NL');

/** What went wrong in a rejected line, in Dutch, by column. */
function Errors({ errors }: { errors: NonNullable<Line['errors']> }) {
  const text = (error: NonNullable<Line['errors']>[number]) => (
    <>
      <strong>{error.field}</strong>: {error.message}
    </>
  );
  if (errors.length === 1) return text(errors[0] as NonNullable<Line['errors']>[number]);
  return (
    <ul class="utrecht-unordered-list">
      {errors.map((error) => (
        <li key={error.field + error.code} class="utrecht-unordered-list__item">
          {text(error)}
        </li>
      ))}
    </ul>
  );
}

/**
 * The receipt row by row (DESIGN I1, C4), for a list of any size: a page of ROWS_PER_PAGE rows at a
 * time (a 30,000-row receipt never renders at once), filtered to one status and searched by
 * huurdernummer or row number, over every line loaded — the first page at once, the rest as they
 * come in (useReceiptLines), which the count says. Each row names its row number (a row header) and
 * huurdernummer, its status, what is wrong, and the feedback once there is any.
 */
export function ReceiptTable({ receipt, lines }: { receipt: Receipt; lines: ReceiptLines }) {
  const names = lineNames(receipt);
  const [filter, setFilter] = useState<LineFilter>('alle');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [focusCount, setFocusCount] = useState(0);
  const count = useRef<HTMLParagraphElement>(null);
  const found = useMemo(() => filterLines(lines.lines, filter, search), [lines.lines, filter, search]);
  const showFeedback = useMemo(() => lines.lines.some((line) => line.feedback), [lines.lines]);
  const pages = pageCount(found.length, ROWS_PER_PAGE);
  const current = clampPage(page, pages);
  const first = (current - 1) * ROWS_PER_PAGE;
  const shown = found.slice(first, first + ROWS_PER_PAGE);
  useEffect(() => {
    if (focusCount > 0) count.current?.focus();
  }, [focusCount]);

  const chosen = FILTERS.find((option) => option.value === filter) ?? FILTERS[0];
  const what = [
    chosen?.plural,
    found.length === 1 ? names.line : names.lines,
    search.trim() ? `met "${search.trim()}"` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const range =
    found.length === 0
      ? `Geen ${what}.`
      : pages > 1
        ? `${nl(found.length)} ${what}; u ziet ${nl(first + 1)} tot en met ${nl(first + shown.length)}.`
        : `${nl(found.length)} ${what}.`;
  const options = FILTERS.filter(
    (option) =>
      (option.value !== 'duplicate' || receipt.counts.duplicate > 0) &&
      (option.value !== 'updated' || receipt.counts.updated > 0),
  ).map((option) => ({
    value: option.value,
    label: `${option.value === 'alle' ? `Alle ${names.lines}` : option.label} (${nl(receipt.counts[option.count ?? 'received'])})`,
  }));

  return (
    <>
      <form noValidate onSubmit={(event) => event.preventDefault()} aria-label={`${names.lines} zoeken`}>
        <RadioGroupField
          id="receipt-filter"
          legend="Toon"
          value={filter}
          options={options}
          onChange={(value) => {
            setFilter(value as LineFilter);
            setPage(1);
          }}
        />
        <TextboxField
          id="receipt-search"
          type="search"
          label={`Zoek op ${names.reference.toLowerCase()} of ${names.position.toLowerCase()}nummer`}
          description={
            receipt.kind === 'rent-arrears' ? 'Bijvoorbeeld HN-100231, of een rijnummer als 12.' : undefined
          }
          value={search}
          autoComplete="off"
          onInput={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
        />
      </form>
      <p ref={count} id="receipt-count" tabIndex={-1} class="utrecht-paragraph" role="status">
        {range}
      </p>
      {!lines.complete && (
        <p class="utrecht-paragraph utrecht-paragraph--small">
          Nog niet alle {names.lines} zijn geladen ({nl(lines.lines.length)} van {nl(receipt.counts.received)}
          ); de lijst vult zich vanzelf aan.
        </p>
      )}
      {lines.error !== undefined && (
        <>
          <ErrorMessage error={lines.error} />
          <Button onClick={lines.retry}>Verder laden</Button>
        </>
      )}
      <Pagination
        label={`Pagina's van het ontvangstbewijs, boven de tabel`}
        page={current}
        pages={pages}
        onPage={setPage}
      />
      <ScrollTable label={`Ontvangstbewijs per ${names.line}`}>
        <Table caption={`Ontvangstbewijs per ${names.line}: ${range}`} captionHidden class="receipt">
          <TableHeader>
            <TableRow>
              <TableHeaderCell numeric>{names.position}</TableHeaderCell>
              <TableHeaderCell>{names.reference}</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
              <TableHeaderCell>Toelichting</TableHeaderCell>
              {showFeedback && <TableHeaderCell>Terugkoppeling</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((line) => (
              <TableRow
                key={line.row ?? line.index}
                class={line.status === 'rejected' ? 'rejected' : undefined}
              >
                <TableHeaderCell scope="row" numeric>
                  {line.row ?? line.index}
                </TableHeaderCell>
                <TableCell>{line.reference ?? '—'}</TableCell>
                <TableCell>
                  <StatusBadge status={STATUS_BADGE[line.status] ?? 'neutral'}>
                    {STATUS_LABELS[line.status] ?? line.status}
                  </StatusBadge>
                </TableCell>
                <TableCell>{line.errors?.length ? <Errors errors={line.errors} /> : '—'}</TableCell>
                {showFeedback && (
                  <TableCell>
                    {line.feedback ? (FEEDBACK_LABELS[line.feedback] ?? line.feedback) : '—'}
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollTable>
      <Pagination
        label={`Pagina's van het ontvangstbewijs, onder de tabel`}
        page={current}
        pages={pages}
        keepFocus={false}
        onPage={(to) => {
          setPage(to);
          // Back to the top of the new page, where the count says which rows these are.
          setFocusCount((n) => n + 1);
        }}
      />
    </>
  );
}
