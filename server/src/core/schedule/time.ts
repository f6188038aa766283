// Times of a schedule as ISO 8601 text with the venue's offset. Wall-clock times are carried as "local ms"
// (the wall clock read as if it were UTC) so that no conversion depends on the machine's own time zone.

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    } catch {
      f = null; // not an IANA zone Node knows ("W. Europe Standard Time"): the time stays floating
    }
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's offset from UTC in minutes at an instant. */
function offsetAt(f: Intl.DateTimeFormat, utcMs: number): number {
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(utcMs)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(utcMs / 1000) * 1000) / 60000);
}

/** The offset in minutes of an IANA zone at a wall-clock time, or undefined if the zone is unknown. */
export function zoneOffset(zone: string, localMs: number): number | undefined {
  const f = formatterFor(zone);
  if (!f) return undefined;
  // Twice: the offset at the guessed instant may differ from the one at the real instant near a DST change.
  const first = offsetAt(f, localMs);
  return offsetAt(f, localMs - first * 60000);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** ISO text of a wall-clock time: with the offset (minutes), Z for 'Z', nothing for a floating time. */
export function isoOf(localMs: number, offset: number | 'Z' | undefined): string {
  const d = new Date(localMs);
  const base = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (offset === undefined) return base;
  if (offset === 'Z') return base + 'Z';
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${base}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Splits ISO text into its wall-clock time and offset; undefined if it is no ISO date. */
export function parseIso(text: string): { localMs: number; offset: number | 'Z' | undefined; dateOnly: boolean } | undefined {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const localMs = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  if (Number.isNaN(localMs)) return undefined;
  let offset: number | 'Z' | undefined;
  if (m[7]?.toUpperCase() === 'Z') offset = 'Z';
  else if (m[7]) {
    const digits = m[7].replace(':', '');
    offset = (digits[0] === '-' ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  return { localMs, offset, dateOnly: m[4] === undefined };
}

/** Epoch milliseconds of a session time; a floating or all-day time is read as UTC (its zone is unknown). */
export function epochOf(iso: string): number {
  const p = parseIso(iso);
  if (!p) return NaN;
  return p.localMs - (typeof p.offset === 'number' ? p.offset * 60000 : 0);
}
