// Conference schedules: iCalendar (Sched and Pretalx exports) and Pretalx's schedule.json read into sessions,
// speakers found by each export's conventions, bad files reported by file and line with the rest kept, and
// the speakers known to the checker.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSchedule, scheduleNames, type Session } from '../../server/src/core/schedule/schedule.ts';
import { parseSpeakerList, splitSummary, speakersInDescription } from '../../server/src/core/schedule/speakers.ts';
import { epochOf } from '../../server/src/core/schedule/time.ts';
import { generateIcs } from '../../bench/generate-schedule.ts';
import { analyze } from './helpers.ts';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'schedule');
const read = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const byTitle = (sessions: Session[], title: string): Session => {
  const s = sessions.find((x) => x.title === title);
  assert.ok(s, `no session "${title}" in ${JSON.stringify(sessions.map((x) => x.title))}`);
  return s;
};

describe('iCalendar: a Sched export', () => {
  const { sessions, problems } = parseSchedule(read('harbour-summit.ics'), 'harbour-summit.ics');

  test('every event is a session, with no problems', () => {
    assert.deepEqual(problems, []);
    assert.equal(sessions.length, 8);
  });

  test('folded lines are joined and escaped commas and semicolons read', () => {
    const s = byTitle(sessions, 'Scaling Ferrowheel: Batch Jobs, Queues; and Backpressure');
    assert.deepEqual(s.speakers, [
      { name: 'Tobiah Wrenfield', company: 'Acme' },
      { name: 'Ingrid Haldorsen-Vey', company: 'Example Corp' },
    ]);
    assert.match(s.abstract!, /one controller could hold, how backpressure moved from a config flag to a first-class API; and/);
    assert.match(s.abstract!, /differently\.\n\nBring your own/);
    assert.equal(byTitle(sessions, 'Keynote: Welcome Back to the Harbour').room, 'Hall A, Level 1');
  });

  test('TZID times take their offset from the VTIMEZONE; UTC stays Z; floating has none', () => {
    const keynote = byTitle(sessions, 'Keynote: Welcome Back to the Harbour');
    assert.equal(keynote.start, '2025-04-02T09:00:00+02:00');
    assert.equal(keynote.end, '2025-04-02T09:15:00+02:00');
    assert.equal(epochOf(keynote.start), Date.UTC(2025, 3, 2, 7, 0));
    assert.equal(byTitle(sessions, 'Securing the Supply Chain with Lanternfish').start, '2025-04-02T12:30:00Z');
    assert.equal(byTitle(sessions, 'Lunch').start, '2025-04-02T12:00:00');
  });

  test('all-day events over several days, and DURATION instead of DTEND', () => {
    const hack = byTitle(sessions, 'Co-located: Harbour Hack Days');
    assert.deepEqual([hack.start, hack.end], ['2025-03-31', '2025-04-02']);
    const sig = byTitle(sessions, 'Kubernetes SIG Node - Deep Dive');
    assert.equal(sig.end, '2025-04-03T10:45:00+02:00');
    assert.deepEqual(sig.speakers, [], 'a title tail that is no list of people stays in the title');
  });

  test('speakers in the summary with companies, in parentheses, and in the description', () => {
    assert.deepEqual(byTitle(sessions, 'Panel: Platform Teams in 2025').speakers, [
      { name: 'Oluwaseun Adebanjo-Crest', company: 'Northwind Labs' },
      { name: 'Priya Raghunathan-Ellis', company: 'Contoso' },
      { name: 'Mateus Falcão', company: 'Independent' },
    ]);
    const lanternfish = byTitle(sessions, 'Securing the Supply Chain with Lanternfish');
    assert.deepEqual(lanternfish.speakers, [{ name: 'Henrike Vossberg', company: 'Tidewater Security' }]);
    assert.match(lanternfish.abstract!, /^Signed builds/, 'the speaker line is not part of the abstract');
    assert.deepEqual(byTitle(sessions, 'Observability Without the Bill: Sampling That Keeps the Story').speakers, [
      { name: 'Saoirse Ní Bhraonáin', company: 'Bluefin Analytics' },
      { name: 'Kwame Osei-Bonsu', company: 'Acme' },
    ]);
  });

  test('ids, links and lines', () => {
    const keynote = byTitle(sessions, 'Keynote: Welcome Back to the Harbour');
    assert.equal(keynote.id, 'f3a91c0e@harboursummit2025.sched.com');
    assert.equal(keynote.url, 'https://harboursummit2025.sched.com/event/1a2b/keynote-welcome-back');
    assert.equal(keynote.line, 25);
  });
});

test('iCalendar: a Pretalx export lists names only, and a TZID without VTIMEZONE uses the IANA rules', () => {
  const { sessions, problems } = parseSchedule(read('pretalx-export.ics'), 'pretalx-export.ics');
  assert.deepEqual(problems, []);
  const quorum = byTitle(sessions, 'Quorum Loss Without Panic');
  assert.deepEqual(quorum.speakers, [{ name: 'Yevgenia Lindqvist' }, { name: 'Tomasz Wierzbicki-Hale' }]);
  assert.equal(quorum.start, '2025-04-03T14:30:00+02:00');
  assert.equal(quorum.url, 'https://pretalx.example.org/harbour-2025/talk/QX7RKD/');
});

test("Pretalx's schedule.json: times with offsets, durations, persons", () => {
  const { sessions, problems } = parseSchedule(read('schedule.json'), 'schedule.json');
  assert.deepEqual(problems, []);
  assert.equal(sessions.length, 4);
  const workshop = byTitle(sessions, 'eBPF for the Rest of Us: A Workshop');
  assert.deepEqual([workshop.start, workshop.end], ['2025-04-02T10:45:00+02:00', '2025-04-02T12:00:00+02:00']);
  assert.equal(workshop.room, 'Hall B');
  assert.equal(workshop.id, 'LM3PZA');
  assert.deepEqual(byTitle(sessions, 'Quorum Loss Without Panic').speakers, [{ name: 'Yevgenia Lindqvist' }, { name: 'Tomasz Wierzbicki-Hale' }]);
});

describe('bad input', () => {
  test('a malformed .ics names the file and line of each broken event and keeps the good ones', () => {
    const { sessions, problems } = parseSchedule(read('malformed.ics'), 'malformed.ics');
    assert.deepEqual(sessions.map((s) => s.title), ['Intro to Harbour Ops', 'Closing Remarks']);
    assert.equal(problems.length, 4, problems.join('\n'));
    assert.match(problems[0], /^malformed\.ics:11: .*THIS LINE HAS NO COLON/);
    assert.match(problems[1], /^malformed\.ics:22: unreadable DTSTART .*"DTSTART:2025-04-02 10:00"/);
    assert.match(problems[2], /^malformed\.ics:26: event without a SUMMARY/);
    assert.match(problems[3], /^malformed\.ics:40: event not closed/);
  });

  test('a schedule.json cut short is reported with its line', () => {
    const { sessions, problems } = parseSchedule(read('truncated-schedule.json'), 'truncated-schedule.json');
    assert.deepEqual(sessions, []);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /^truncated-schedule\.json(:\d+)?: not valid JSON/);
  });

  test('other files, binary, huge or empty ones: a message, never a throw', () => {
    const cases: [string, string, RegExp][] = [
      ['notes.ics', '# just notes\n', /^notes\.ics:1: not an iCalendar file/],
      ['package.json', '{"name": "x"}', /^package\.json: not a Pretalx\/frab schedule/],
      ['bin.ics', 'BEGIN:VCALENDAR\u0000\u0001', /binary/],
      ['huge.ics', 'BEGIN:VCALENDAR\n' + 'X'.repeat(17 * 1024 * 1024), /larger than 16 MB/],
      ['empty.ics', 'BEGIN:VCALENDAR\nEND:VCALENDAR\n', /no events/],
      ['weird.ics', 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nDTSTART:20250402T090000Z\nDURATION:soon\nEND:VEVENT\nEND:VCALENDAR', /weird\.ics:2: /],
    ];
    for (const [name, text, expected] of cases) {
      const { problems } = parseSchedule(text, name);
      assert.ok(problems.some((p) => expected.test(p)), `${name}: ${JSON.stringify(problems)}`);
    }
  });
});

describe('speaker conventions', () => {
  test('"Title - Name, Company & Name, Company" and names-only lists', () => {
    assert.deepEqual(splitSummary('Ship It - Jane Doe, Acme & John Roe, Example Corp'), { title: 'Ship It', speakers: [{ name: 'Jane Doe', company: 'Acme' }, { name: 'John Roe', company: 'Example Corp' }] });
    assert.deepEqual(splitSummary('Ship It - Jane Doe, John Roe'), { title: 'Ship It', speakers: [{ name: 'Jane Doe' }, { name: 'John Roe' }] });
    assert.deepEqual(splitSummary('Ship It - Jane Doe, Acme'), { title: 'Ship It', speakers: [{ name: 'Jane Doe', company: 'Acme' }] });
    assert.deepEqual(splitSummary('Ship It - Jane Doe, Northwind Labs'), { title: 'Ship It', speakers: [{ name: 'Jane Doe', company: 'Northwind Labs' }] });
    assert.deepEqual(splitSummary('Ship It – Jane Doe (she/her) & John Roe (Acme)'), { title: 'Ship It', speakers: [{ name: 'Jane Doe' }, { name: 'John Roe', company: 'Acme' }] });
  });

  test('a title with a dash and no people after it stays whole', () => {
    for (const title of ['Cilium - Intro and Deep Dive', 'Kubernetes - The Hard Way', 'Lightning Talks - Part 2', 'CI/CD - what works']) {
      assert.deepEqual(splitSummary(title), { title, speakers: [] }, title);
    }
  });

  test('"Name, Role, Company" keeps the company; description lists', () => {
    assert.deepEqual(parseSpeakerList('Jane Doe, Principal Engineer, Acme', 'pairs'), [{ name: 'Jane Doe', company: 'Acme' }]);
    const d = speakersInDescription('Presented by Jane Doe & John Roe, Example Corp\nWhat we learned.');
    assert.deepEqual(d.speakers, [{ name: 'Jane Doe' }, { name: 'John Roe', company: 'Example Corp' }]);
    assert.equal(d.rest, 'What we learned.');
  });
});

describe('speakers become known names', () => {
  const { sessions } = parseSchedule(read('harbour-summit.ics'), 'harbour-summit.ics');
  const names = scheduleNames(sessions);

  test('full names and companies, each once; "Independent" is no company', () => {
    assert.ok(names.includes('Tobiah Wrenfield') && names.includes('Northwind Labs'));
    assert.equal(names.filter((n) => n === 'Acme').length, 1);
    assert.ok(!names.includes('Independent'));
  });

  test('a misheard speaker is flagged with the schedule spelling, in notes with no speaker line', () => {
    const text = '# Day two\n\nThe queue grew past one controller.\n\n- Tobiah Wrenfeld showed the backpressure API\n- then Marisol Quintavale took questions\n';
    const fixes = (extra: string[]): string[] => analyze(text, {}, extra).findings.map((f) => `${f.wrong} -> ${f.fixes[0]}`);
    assert.deepEqual(fixes([]), []);
    assert.deepEqual(fixes(names), ['Wrenfeld -> Wrenfield', 'Quintavale -> Quintavalle']);
  });

  test("a speaker's name part that is an English word stays a word in lowercase", () => {
    const text = '# Day two\n\nWe grant access per team, and Rose Kimura showed how.\n';
    const found = analyze(text, {}, ['Rose Kimura', 'Grant Ellery']).findings.map((f) => f.wrong);
    assert.deepEqual(found, []);
  });
});

test('1,000 sessions (about 1 MB) load completely (the time is measured in the bench)', () => {
  const text = generateIcs(1000);
  assert.ok(text.length > 900_000, `${text.length}`);
  const { sessions, problems } = parseSchedule(text, 'big.ics');
  assert.deepEqual(problems, []);
  assert.equal(sessions.length, 1000);
  assert.ok(sessions.every((s) => s.speakers.length >= 1 && /\+0[12]:00$/.test(s.start)));
});
