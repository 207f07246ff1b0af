export interface Bar {
  readonly label: string;
  readonly value: number;
  /** The value as the page's language writes it. */
  readonly text: string;
}

interface BarChartProps {
  /** Unique on the page; the title and description are found by it. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly bars: readonly Bar[];
}

const WIDTH = 640;
const ROW = 48;
const BAR_TOP = 22;
const BAR_HEIGHT = 18;
/** Room at the right of the longest bar for its number. */
const NUMBER_ROOM = 90;
// Dark text on white (15:1) and a dark blue bar (10:1): above the AA thresholds for text and
// for graphical objects. Every bar carries its label and number as text, so no meaning lives in
// colour alone.
const TEXT = '#1b1b1f';
const BAR = '#003d7a';

/**
 * A horizontal bar chart drawn on the server as SVG: no script, no library. Each label sits
 * above its bar, so long labels in any language never collide with the bars.
 */
export function BarChart({ id, title, description, bars }: BarChartProps) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = Math.max(ROW, bars.length * ROW);
  const scale = (WIDTH - NUMBER_ROOM) / max;
  return (
    <svg
      class="bar-chart"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width={WIDTH}
      height={height}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {bars.map((bar, i) => {
        const y = i * ROW;
        const length = Math.round(bar.value * scale);
        return (
          <g key={bar.label}>
            <text x={0} y={y + 16} fill={TEXT} class="bar-label">
              {bar.label}
            </text>
            <rect x={0} y={y + BAR_TOP} width={length} height={BAR_HEIGHT} fill={BAR} />
            <text x={length + 8} y={y + BAR_TOP + 14} fill={TEXT} class="bar-value">
              {bar.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
