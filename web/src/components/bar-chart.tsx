/** One bar, possibly stacked from several parts (for example: signals per source). */
export interface Bar {
  readonly label: string;
  readonly parts: readonly { readonly key: string; readonly value: number }[];
  /** Text for this bar in the accessible description and above the bar. */
  readonly text: string;
}

const COLORS = ['#1d5f9e', '#b35900', '#2e7d32', '#6a1b9a', '#00695c', '#4e342e'];
const WIDTH = 320;
const HEIGHT = 160;
const PAD = { top: 18, right: 8, bottom: 28, left: 34 };

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
 * A small SVG bar chart. Screen readers get the title and a description with every value; the
 * colours are dark enough for text contrast and the legend names them (WCAG 1.4.1, 1.4.11).
 */
export function BarChart({
  id,
  title,
  bars,
  max,
  unit = '',
  keys = [],
}: {
  id: string;
  title: string;
  bars: readonly Bar[];
  max: number;
  unit?: string;
  keys?: readonly string[];
}) {
  const top = axisMax(max, unit);
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / Math.max(1, bars.length);
  const barWidth = Math.min(28, slot * 0.7);
  const scale = (value: number) => (value / top) * plotHeight;
  const color = (key: string) => COLORS[Math.max(0, keys.indexOf(key)) % COLORS.length];
  const description = bars.map((bar) => `${bar.label}: ${bar.text}`).join('; ');

  return (
    <figure class="chart">
      <figcaption>
        <span id={`${id}-title`} class="chart-title">
          {title}
        </span>
        {keys.length > 0 && (
          <ul class="legend">
            {keys.map((key) => (
              <li key={key}>
                <span class="swatch" style={{ background: color(key) }} aria-hidden="true" />
                {key}
              </li>
            ))}
          </ul>
        )}
      </figcaption>
      {/* The name comes from the visible caption (aria-labelledby); the title is only the tooltip. */}
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks(top, unit).map((fraction) => (
          <g key={fraction}>
            <line
              x1={PAD.left}
              x2={WIDTH - PAD.right}
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
              <text x={x + barWidth / 2} y={HEIGHT - 10} class="chart-axis" text-anchor="middle">
                {bar.label}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
