// The program by the clock (New Talk's order), talk headings matched to sessions, the New Talk snippet in the
// file's style, and completion from the schedule. The schedule is an invented conference (fixtures/schedule).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSchedule, titleNames } from '../../server/src/core/schedule/schedule.ts';
import { pinnedClock, SessionIndex, sessionMarkdown, sessionsByClock, sessionTime, venueOffset } from '../../server/src/core/schedule/program.ts';
import { newTalkSnippet, talkStyle } from '../../server/src/core/schedule/new-talk.ts';
import { completeFromSchedule } from '../../server/src/core/features/complete-schedule.ts';
import { analyze, testEngine } from './helpers.ts';
import { NotesDocument } from '../../server/src/core/check/document.ts';
import { DEFAULT_SETTINGS } from '../../server/src/core/check/settings.ts';

const FIXTURE = path.resolve(__dirname, '..', 'fixtures', 'schedule', 'harbour-summit.ics');
const { sessions } = parseSchedule(fs.readFileSync(FIXTURE, 'utf8'), 'harbour-summit.ics');
const byTitle = (start: string) => sessions.find((s) => s.title.startsWith(start))!;
const venue = venueOffset(sessions);

/** A snippet as the editor expands it with every placeholder kept. */
const expand = (snippet: string): string => snippet.replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, '$1').replace(/\$0/g, '').replace(/\\([$}\\])/g, '$1');

describe('the program by the clock', () => {
  test('running now first, then the next start, later ones, and those over (the most recent first)', () => {
    const now = pinnedClock('2025-04-02T11:10:00+02:00')!;
    const order = sessionsByClock(sessions, now).map((t) => `${t.when}: ${t.session.title.slice(0, 20)}`);
    assert.deepEqual(order.slice(0, 3), ['now: Scaling Ferrowheel: ', 'next: Lunch', 'later: Panel: Platform Team']);
    assert.equal(order[order.length - 2], 'earlier: Keynote: Welcome Bac');
    assert.equal(order[order.length - 1], 'earlier: Co-located: Harbour ', 'the all-day event two days before');
  });

  test('a floating time (the lunch break) is in the venue zone that the other sessions give', () => {
    assert.equal(venue, 120);
    // 12:10 in Amsterdam is 10:10 UTC: lunch (12:00–13:00, floating) is running.
    const now = pinnedClock('2025-04-02T10:10:00Z')!;
    assert.equal(sessionsByClock(sessions, now, -300)[0].session.title, 'Lunch');
  });

  test('a pinned clock without a zone is read in the given offset; no pin, no time', () => {
    assert.equal(pinnedClock('2025-04-02T11:10:00', 120), pinnedClock('2025-04-02T09:10:00Z'));
    assert.equal(pinnedClock(''), undefined);
    assert.equal(pinnedClock('tomorrow'), undefined);
  });

  test("times read in the venue's clock, a UTC one too", () => {
    assert.equal(sessionTime(byTitle('Scaling Ferrowheel'), venue), 'Wed 2 Apr, 11:00–11:30');
    assert.equal(sessionTime(byTitle('Securing the Supply Chain'), venue), 'Wed 2 Apr, 14:30–15:00');
    assert.equal(sessionTime(byTitle('Co-located'), venue), 'Mon 31 Mar');
  });
});

describe('talk headings matched to sessions', () => {
  const index = new SessionIndex(sessions);
  const match = (heading: string, speaker?: string) => index.match(heading, speaker)?.title;

  test('the title, cut short, reworded or with the speaker', () => {
    assert.equal(match('Scaling Ferrowheel: Batch Jobs, Queues; and Backpressure'), byTitle('Scaling Ferrowheel').title);
    assert.equal(match('Scaling Ferrowheel'), byTitle('Scaling Ferrowheel').title);
    assert.equal(match('Welcome keynote'), byTitle('Keynote: Welcome').title);
    assert.equal(match('Kubernetes deep dive'), byTitle('Kubernetes SIG Node').title);
    assert.equal(match('Sampling', 'Saoirse Ní Bhraonáin'), byTitle('Observability Without').title);
    assert.equal(match('Sampling — Kwame Osei-Bonsu'), byTitle('Observability Without').title);
  });

  test('a heading of no session, or of one common word, matches none', () => {
    assert.equal(match('Random thoughts about stuff'), undefined);
    assert.equal(match('Keynote'), undefined);
    assert.equal(match('Sampling'), undefined);
    assert.equal(match('Supply chain security'), undefined);
  });

  test('the hover card: time and room in the venue clock, speakers, abstract, link', () => {
    const card = sessionMarkdown(byTitle('Scaling Ferrowheel'), venue);
    assert.match(card, /^\*\*Scaling Ferrowheel: Batch Jobs, Queues; and Backpressure\*\*/);
    assert.match(card, /Wed 2 Apr, 11:00–11:30 · Room 114 \(Level 1\)/);
    assert.match(card, /Speakers: Tobiah Wrenfield \(Acme\), Ingrid Haldorsen-Vey \(Example Corp\)/);
    assert.match(card, /\[Open in the schedule\]\(https:\/\/harboursummit2025\.sched\.com\/event\/3c4d\/scaling-ferrowheel\)/);
  });
});

describe('New Talk', () => {
  const session = byTitle('Scaling Ferrowheel');

  test("written in the file's style: its talk heading level and its speaker label", () => {
    const notes = '# Harbour Summit\n\n### Opening\n\n- **Speaker:** Someone Else\n\nnotes\n';
    const style = talkStyle(notes, analyze(notes).outline.talkDepth);
    const snippet = newTalkSnippet(session, style, venue);
    assert.equal(
      expand(snippet),
      '### Scaling Ferrowheel: Batch Jobs, Queues; and Backpressure\n\n- **Speakers:** Tobiah Wrenfield (Acme), Ingrid Haldorsen-Vey (Example Corp)\n\n_Wed 2 Apr, 11:00–11:30 · Room 114 (Level 1)_\n\n',
    );
    assert.match(snippet, /^### \$\{1:Scaling/);
  });

  test('in a file without talks: a level-2 heading and "Speaker:"; what it inserts reads as a talk with its speaker', () => {
    const snippet = newTalkSnippet(byTitle('Securing the Supply Chain'), talkStyle('', 0), venue);
    const notes = `# Day two\n\n${expand(snippet)}The scanner runs in CI.\n`;
    assert.match(notes, /\n## Securing the Supply Chain with Lanternfish\n\nSpeaker: Henrike Vossberg \(Tidewater Security\)\n/);
    const talk = analyze(notes).outline.talks[0];
    assert.equal(talk.title, 'Securing the Supply Chain with Lanternfish');
    assert.equal(talk.speaker, 'Henrike Vossberg');
  });

  test('snippet syntax in a title is escaped', () => {
    const snippet = newTalkSnippet({ ...session, title: 'Costs in $ and {braces}', speakers: [] }, talkStyle('', 0));
    assert.match(snippet, /\$\{1:Costs in \\\$ and \{braces\\\}\}/);
  });
});

describe('completion from the schedule', () => {
  const now = pinnedClock('2025-04-02T11:10:00+02:00')!;
  const ordered = sessionsByClock(sessions, now).map((t) => t.session);
  const complete = (text: string, talkDepth = 2, talkSession?: (typeof sessions)[number]) =>
    completeFromSchedule(text, text.length, { sessions: ordered, talkDepth, talkSession, venue }).map((c) => c.label);

  test('session titles on a talk heading line, by any word of the title or a speaker', () => {
    assert.deepEqual(complete('# Day\n\n## Scal'), ['Scaling Ferrowheel: Batch Jobs, Queues; and Backpressure']);
    assert.deepEqual(complete('## Panel plat'), ['Panel: Platform Teams in 2025']);
    assert.deepEqual(complete('## Osei'), ['Observability Without the Bill: Sampling That Keeps the Story']);
    assert.deepEqual(complete('#### Scal'), [], 'not a talk heading level');
    assert.deepEqual(complete('Scal'), [], 'not a heading');
  });

  test("speakers on a speaker line: the talk's own first, then anyone in the program from two letters", () => {
    assert.deepEqual(complete('Speaker: ', 2, byTitle('Scaling Ferrowheel')), ['Tobiah Wrenfield (Acme)', 'Ingrid Haldorsen-Vey (Example Corp)']);
    assert.deepEqual(complete('- **Speakers:** Tobiah Wrenfield, Ing', 2, byTitle('Scaling Ferrowheel')), ['Ingrid Haldorsen-Vey (Example Corp)']);
    assert.deepEqual(complete('Speaker: Hen'), ['Henrike Vossberg (Tidewater Security)']);
    assert.deepEqual(complete('Speaker: H'), [], 'one letter is too few for the whole program');
    assert.deepEqual(complete('The speaker: Hen'), [], 'not a speaker line');
  });
});

describe('titles are known names', () => {
  test("a title's words that are no English word and no known name: near misses of them are caught", () => {
    const known = (w: string) => ['Scaling', 'Batch', 'Jobs', 'Queues', 'Backpressure', 'Keynote', 'Welcome', 'Back', 'Harbour', 'Panel', 'Platform', 'Teams', 'Securing', 'Supply', 'Chain', 'Lunch', 'Located', 'Hack', 'Days', 'Kubernetes', 'Node', 'Deep', 'Dive', 'Observability', 'Without', 'Bill', 'Sampling', 'That', 'Keeps', 'Story', 'with', 'the', 'and', 'in', 'to'].includes(w);
    assert.deepEqual(titleNames(sessions, known), ['Ferrowheel', 'Lanternfish']);
    const notes = '# Day two\n\n- the Ferowheel queue grew\n';
    assert.deepEqual(analyze(notes, {}, titleNames(sessions, known)).findings.map((f) => `${f.wrong} -> ${f.fixes[0]}`), ['Ferowheel -> Ferrowheel']);
  });
});

describe('where a learned name comes from, in the message', () => {
  test("a name given from outside the file is a 'known name'; a talk's speaker from the schedule says so", () => {
    const known = analyze('# Day two\n\n- Tobiah Wrenfeld showed the API\n', {}, ['Tobiah Wrenfield']).findings;
    assert.deepEqual(known.map((f) => f.message), ["'Wrenfeld' → Wrenfield (known name)"]);
    const text = '# Day three\n\n## Observability without the bill\n\n- Kwami showed tail sampling\n';
    const talk = new NotesDocument(testEngine(), text).check(DEFAULT_SETTINGS, [], { speakers: ['Kwame Osei-Bonsu'] }).findings;
    assert.deepEqual(talk.map((f) => f.message), ["'Kwami' → Kwame (speaker of this talk in the schedule)"]);
    const own = analyze('## Talk\n\nSpeaker: Lachlan Evenson\n\n- Lockland said\n').findings;
    assert.deepEqual(own.map((f) => f.message), ["'Lockland' → Lachlan (name used in this file)"]);
  });
});
