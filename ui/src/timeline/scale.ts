// Where things sit on the timeline: days to positions, and the axis ticks.

export type Zoom = "years" | "months";

const DAY = 86_400_000;

export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY;
}

export interface Range {
  start: number;
  end: number;
}

/** The days covered by these attempts, padded so the first and last are not on the edge. */
export function rangeOf(days: string[]): Range | null {
  if (days.length === 0) return null;
  const nums = days.map(dayNumber);
  const start = Math.min(...nums) - 20;
  const end = Math.max(...nums) + 20;
  return { start, end: Math.max(end, start + 60) };
}

/** Position of a day as a fraction 0–1 of the range. */
export function position(range: Range, iso: string): number {
  return (dayNumber(iso) - range.start) / (range.end - range.start);
}

/** The track's width: what the view leaves (undefined) for years, about 90 px a month for months. */
export function trackWidth(range: Range, zoom: Zoom): string | undefined {
  if (zoom === "years") return undefined;
  const months = (range.end - range.start) / 30.4;
  return `max(100%, ${Math.round(months * 90)}px)`;
}

export interface Tick {
  at: number;
  label: string;
  major: boolean;
  /** The tick at the left edge, naming the year (and month) the track starts in. */
  start?: boolean;
}

/**
 * Ticks at each year (years zoom) or each month (months zoom). The track's first year is always
 * named, also when it starts after the 1st of January, so that every attempt has a year above
 * it; in the months zoom the first month carries its year.
 */
export function ticks(range: Range, zoom: Zoom, monthName: (m: number) => string): Tick[] {
  const out: Tick[] = [];
  const first = new Date(range.start * DAY);
  let y = first.getUTCFullYear();
  let m = zoom === "years" ? 0 : first.getUTCMonth();
  for (let guard = 0; guard < 600; guard++) {
    const day = Date.UTC(y, m, 1) / DAY;
    if (day > range.end) break;
    if (day >= range.start) {
      out.push({
        at: (day - range.start) / (range.end - range.start),
        label: zoom === "years" || m === 0 ? String(y) : monthName(m),
        major: m === 0,
      });
    }
    if (zoom === "years") y++;
    else if (++m === 12) [m, y] = [0, y + 1];
  }
  const firstYear = String(first.getUTCFullYear());
  // Where the next year begins only a few days in, its own tick says it: a start label there
  // would only overlap it.
  const roomAtStart = (out[0]?.at ?? 1) >= 0.07;
  if (zoom === "years" && out[0]?.label !== firstYear && roomAtStart) {
    out.unshift({ at: 0, label: firstYear, major: true, start: true });
  } else if (zoom === "months" && out[0] && !out[0].major) {
    out[0] = { ...out[0], label: `${out[0].label} ${firstYear}`, start: true };
  }
  return out;
}

/** The node to move to from (lane, index) for an arrow key, in lanes of the given sizes. */
export function moveFocus(sizes: number[], lane: number, index: number, key: string): [number, number] | null {
  if (key === "ArrowRight" && index + 1 < (sizes[lane] ?? 0)) return [lane, index + 1];
  if (key === "ArrowLeft" && index > 0) return [lane, index - 1];
  const step = key === "ArrowDown" ? 1 : key === "ArrowUp" ? -1 : 0;
  if (step === 0) return null;
  for (let l = lane + step; l >= 0 && l < sizes.length; l += step) {
    const size = sizes[l] ?? 0;
    if (size > 0) return [l, Math.min(index, size - 1)];
  }
  return null;
}
