// A deterministic conference schedule as iCalendar, the size of a big conference's export: sessions with
// folded summaries and descriptions, escapes, a VTIMEZONE and Sched's "Title - Name, Company & …" speakers.
// Invented people (seeded), so that no catalog knows them.
import { random } from './generate.ts';

const GIVEN = ['Marisol', 'Tobiah', 'Ingrid', 'Oluwaseun', 'Priya', 'Mateus', 'Henrike', 'Saoirse', 'Kwame', 'Yevgenia', 'Tomasz', 'Anneliese', 'Corentin', 'Berit', 'Ilse', 'Rafferty'];
const FAMILY = ['Quintavalle', 'Wrenfield', 'Haldorsen-Vey', 'Adebanjo-Crest', 'Raghunathan-Ellis', 'Falcão', 'Vossberg', 'Okwuosa', 'Lindqvist', 'Duval-Khatri', 'Soltvedt', 'Marchetti-Oyelaran', 'Brannock', 'Eskildsen'];
const COMPANIES = ['Halcyon Systems', 'Acme', 'Example Corp', 'Northwind Labs', 'Contoso', 'Tidewater Security', 'Bluefin Analytics', 'Independent'];
const TOPICS = ['Scaling Batch Jobs', 'Policy as Code', 'Sampling That Keeps the Story', 'Quorum Loss Without Panic', 'Golden Paths, Paved Roads', 'eBPF for the Rest of Us', 'Multi-Cluster Failover'];
const ABSTRACT =
  'This talk walks through what broke when the queue grew past what one controller could hold, how backpressure moved from a config flag to a first-class API; and what we would do differently next time. We show the dashboards, the incident timeline and the three changes that mattered, with a demo you can run at home.';

const escape = (s: string): string => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');

/** Folds a content line at 75 octets (RFC 5545 3.1); the text here is ASCII but for a few names. */
function fold(line: string): string {
  if (line.length <= 75) return line;
  const parts = [line.slice(0, 75)];
  for (let k = 75; k < line.length; k += 74) parts.push(' ' + line.slice(k, k + 74));
  return parts.join('\r\n');
}

const stamp = (day: number, minutes: number): string => {
  const d = new Date(Date.UTC(2025, 3, 1 + day, 0, minutes));
  return d.toISOString().replace(/[-:]/g, '').slice(0, 15);
};

export function generateIcs(sessions: number, seed = 7): string {
  const r = random(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(r() * list.length)];
  const out = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Sched.com Bench Summit//EN', 'CALSCALE:GREGORIAN'];
  out.push('BEGIN:VTIMEZONE', 'TZID:Europe/Amsterdam', 'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'TZNAME:CEST', 'DTSTART:19700329T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT');
  out.push('BEGIN:STANDARD', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'TZNAME:CET', 'DTSTART:19701025T030000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD', 'END:VTIMEZONE');
  for (let k = 0; k < sessions; k++) {
    const speakers = Array.from({ length: 1 + Math.floor(r() * 3) }, () => `${pick(GIVEN)} ${pick(FAMILY)}, ${pick(COMPANIES)}`);
    const day = Math.floor(k / 250);
    const minutes = 8 * 60 + (k % 25) * 30;
    out.push('BEGIN:VEVENT', `DTSTAMP:20250301T100000Z`, `UID:${(k * 2654435761) >>> 0}@bench.sched.com`);
    out.push(`DTSTART;TZID=Europe/Amsterdam:${stamp(day, minutes)}`, `DTEND;TZID=Europe/Amsterdam:${stamp(day, minutes + 25)}`);
    out.push(fold(`SUMMARY:${escape(`${pick(TOPICS)} ${k} - ${speakers.join(' & ')}`)}`));
    out.push(fold(`DESCRIPTION:${escape(`${ABSTRACT}\n\n${ABSTRACT}`)}`));
    out.push(fold(`LOCATION:${escape(`Room ${100 + (k % 10)}, Level ${1 + (k % 3)}`)}`), `URL:https://bench.sched.com/event/${k.toString(36)}/session-${k}`, 'END:VEVENT');
  }
  out.push('END:VCALENDAR');
  return out.join('\r\n') + '\r\n';
}
