import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from './table.tsx';

/** One bar, possibly stacked from several parts (for example: signals per source). */
export interface Bar {
  readonly label: string;
  readonly parts: readonly { readonly key: string; readonly value: number }[];
  /** Above the bar: the figure it stands for ("72%"). */
  readonly text: string;
  /** Under the bar's label, where a figure needs its count beside it ("18/25"). */
  readonly detail?: string;
  /** This bar's row in the table that is the chart's text alternative, after the label. */
  readonly cells: readonly string[];
}

const COLORS = ['#1d5f9e', '#b35900', '#2e7d32', '#6a1b9a', '#00695c', '#4e342e'];
const HEIGHT = 170;
const PAD = { top: 18, right: 8, bottom: 40, left: 34 };
/** The least room per bar: enough for a count such as "118/125" under it at the chart's text size. */
const SLOT = 44;
const MIN_WIDTH = 320;

/** The top of the axis: 100 for percentages, else a count whose half is a whole number too. */
function axisMax(max: number, unit: string): number {
  if (unit === '%') return 100;
  return max <= 1 ? 1 : Math.ceil(max / 2) * 2;
}

/** Grid lines as fractions of the axis; one at the middle only where that is a whole count. */
function ticks(top: number, unit: string): number[] {
  return unit === '%' || top % 2 === 0 ? [0, 0.5, 1] : [0, 1];
}

/**
 * A small SVG bar chart with its text alternative: the drawing is hidden from screen readers, which
 * read a table with every figure instead (`headers`: the label column's, then one per cell). The
 * colours are dark enough for text contrast and the legend names them (WCAG 1.1.1, 1.4.1, 1.4.11).
 */
export function BarChart({
  id,
  title,
  bars,
  max,
  headers,
  unit = '',
  keys = [],
  colors = COLORS,
  reference,
}: {
  id: string;
  title: string;
  bars: readonly Bar[];
  max: number;
  headers: readonly string[];
  unit?: string;
  keys?: readonly string[];
  /** One per key, where the keys have colours of their own elsewhere on the page. */
  colors?: readonly string[];
  /** A dashed line across the bars (a norm to compare with); the title should say it in words. */
  reference?: { readonly value: number; readonly label: string };
}) {
  const top = axisMax(max, unit);
  const width = Math.max(MIN_WIDTH, PAD.left + PAD.right + bars.length * SLOT);
  const plotWidth = width - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / Math.max(1, bars.length);
  const barWidth = Math.min(28, slot * 0.7);
  const scale = (value: number) => (value / top) * plotHeight;
  const color = (key: string) => colors[Math.max(0, keys.indexOf(key)) % colors.length];

  return (
    <figure class="chart" aria-labelledby={`${id}-title`}>
      <figcaption>
        <span id={`${id}-title`} class="chart-title">
          {title}
        </span>
        {keys.length > 0 && (
          <ul class="legend" aria-hidden="true">
            {keys.map((key) => (
              <li key={key}>
                <span class="swatch" style={{ background: color(key) }} />
                {key}
              </li>
            ))}
          </ul>
        )}
      </figcaption>
      <svg viewBox={`0 0 ${width} ${HEIGHT}`} aria-hidden="true" focusable="false">
        {ticks(top, unit).map((fraction) => (
          <g key={fraction}>
            <line
              x1={PAD.left}
              x2={width - PAD.right}
              y1={PAD.top + plotHeight - fraction * plotHeight}
              y2={PAD.top + plotHeight - fraction * plotHeight}
              class="chart-grid"
            />
            <text
              x={PAD.left - 4}
              y={PAD.top + plotHeight - fraction * plotHeight + 4}
              class="chart-axis"
              text-anchor="end"
            >
              {Math.round(top * fraction)}
              {unit}
            </text>
          </g>
        ))}
        {bars.map((bar, index) => {
          const x = PAD.left + index * slot + (slot - barWidth) / 2;
          let y = PAD.top + plotHeight;
          return (
            <g key={bar.label}>
              {bar.parts.map((part) => {
                const height = scale(part.value);
                y -= height;
                return (
                  <rect key={part.key} x={x} y={y} width={barWidth} height={height} fill={color(part.key)} />
                );
              })}
              <text x={x + barWidth / 2} y={y - 4} class="chart-value" text-anchor="middle">
                {bar.text}
              </text>
              <text x={x + barWidth / 2} y={HEIGHT - 24} class="chart-axis" text-anchor="middle">
                {bar.label}
              </text>
              {bar.detail && (
                <text x={x + barWidth / 2} y={HEIGHT - 10} class="chart-axis" text-anchor="middle">
                  {bar.detail}
                </text>
              )}
            </g>
          );
        })}
        {reference && (
          <g class="chart-reference">
            <line
              x1={PAD.left}
              x2={width - PAD.right}
              y1={PAD.top + plotHeight - scale(reference.value)}
              y2={PAD.top + plotHeight - scale(reference.value)}
            />
            <text
              x={width - PAD.right}
              y={PAD.top + plotHeight - scale(reference.value) - 3}
              class="chart-axis"
              text-anchor="end"
            >
              {reference.label}
            </text>
          </g>
        )}
      </svg>
      <div class="visually-hidden">
        <Table caption={title}>
          <TableHeader>
            <TableRow>
              {headers.map((header) => (
                <TableHeaderCell key={header}>{header}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {bars.map((bar) => (
              <TableRow key={bar.label}>
                <TableHeaderCell scope="row">{bar.label}</TableHeaderCell>
                {bar.cells.map((cell, index) => (
                  <TableCell key={index}>{cell}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </figure>
  );
}
