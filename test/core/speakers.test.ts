// Speaker lines in the forms people write them: each names the talk's speakers (outline, Talks view, Go to
// Talk) and makes them known names of the file. Invented names, so no catalog entry helps.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { projectsByTalk } from '../../server/src/core/features/mentions.ts';
import { hasSpeakerLabel, peopleAtLineStart } from '../../server/src/core/names/learn.ts';
import { analyze, testEngine } from './helpers.ts';

/** The speaker the outline gives a talk whose notes start with `lines`. */
function speakerOf(lines: string): string | undefined {
  return analyze(`# Day 1\n\n## Some Talk Title\n\n${lines}\n\n- notes about the thing\n\n## Another Talk\n\n- more notes\n`).outline.talks[0]?.speaker;
}

describe('speaker lines', () => {
  const forms: [string, string][] = [
    ['Speaker: Zorblat Quindle, Acme', 'Zorblat Quindle'],
    ['Speakers: Zorblat Quindle & Mirela Tanase', 'Zorblat Quindle & Mirela Tanase'],
    ['Speakers: Zorblat Quindle and Mirela Tanase', 'Zorblat Quindle & Mirela Tanase'],
    ['Speakers: Zorblat Quindle, Mirela Tanase, and Halvard Brekke', 'Zorblat Quindle & Mirela Tanase & Halvard Brekke'],
    ['Presenter: Zorblat Quindle', 'Zorblat Quindle'],
    ['Presenters: Zorblat Quindle & Mirela Tanase', 'Zorblat Quindle & Mirela Tanase'],
    ['Presenter(s): Zorblat Quindle, Mirela Tanase', 'Zorblat Quindle & Mirela Tanase'],
    ['Speaker(s): Zorblat Quindle', 'Zorblat Quindle'],
    ['by Zorblat Quindle', 'Zorblat Quindle'],
    ['Presented by Zorblat Quindle (Acme)', 'Zorblat Quindle'],
    ['Zorblat Quindle (Acme)', 'Zorblat Quindle'],
    ['Zorblat Quindle — Staff Engineer, Acme', 'Zorblat Quindle'],
    ['Zorblat Quindle - Staff Engineer', 'Zorblat Quindle'],
    ['Zorblat Quindle, Acme', 'Zorblat Quindle'],
    ['Zorblat Quindle & Mirela Tanase', 'Zorblat Quindle & Mirela Tanase'],
    ['Zorblat Quindle and Mirela Tanase', 'Zorblat Quindle & Mirela Tanase'],
    ['Zorblat Quindle, Mirela Tanase, Halvard Brekke', 'Zorblat Quindle & Mirela Tanase & Halvard Brekke'],
    ['Zorblat Quindle (Acme), Mirela Tanase (Globex)', 'Zorblat Quindle & Mirela Tanase'],
    ['Speakers: Zorblat Quindle (Acme) & Mirela Tanase (Globex)', 'Zorblat Quindle & Mirela Tanase'],
    ['**Speaker:** Zorblat Quindle, Acme', 'Zorblat Quindle'],
    ['*Speaker*: Zorblat Quindle', 'Zorblat Quindle'],
    ['- Speaker: Zorblat Quindle (Acme)', 'Zorblat Quindle'],
    ['- **Speakers**: Zorblat Quindle & Mirela Tanase', 'Zorblat Quindle & Mirela Tanase'],
    ['Moderator: Zorblat Quindle', 'Zorblat Quindle'],
    ['Speaker: Jean-Luc Picardo, Starfleet', 'Jean-Luc Picardo'],
    ['Speaker: Ana de Armas, Acme', 'Ana de Armas'],
    // A label vouches for a name made of words, and a given name before a surname that is no word needs none.
    ['Speaker: Mark Smith, Acme', 'Mark Smith'],
    ['Speakers: Mark Smith & Grace Lee', 'Mark Smith & Grace Lee'],
    ["John O'Brien, Acme", "John O'Brien"],
  ];
  for (const [line, speaker] of forms) {
    test(JSON.stringify(line), () => assert.equal(speakerOf(line), speaker));
  }

  test('ordinary lines under a heading name no speaker', () => {
    for (const line of ['Project Updates', 'Key Takeaways, Part 2', 'Lessons Learned & Next Steps', 'Questions and Answers', 'Live Demo — Kubernetes', 'Next Steps, Action Items', 'Mark Smith, Acme', 'By Default Settings', 'Speakers were great']) {
      assert.equal(speakerOf(line), undefined, line);
    }
  });

  test('"Name, Company": one comma is no list of two people unless the label says speakers', () => {
    assert.deepEqual(peopleAtLineStart('Zorblat Quindle, Acme Robotics').map((p) => p.name), ['Zorblat Quindle']);
    assert.deepEqual(peopleAtLineStart('Speakers: Zorblat Quindle, Mirela Tanase').map((p) => p.name), ['Zorblat Quindle', 'Mirela Tanase']);
    assert.equal(speakerOf('Speaker: Zorblat Quindle, Red Hat'), 'Zorblat Quindle');
  });

  test('a label is recognised only as a label', () => {
    assert.ok(hasSpeakerLabel('**Speakers:** A'));
    assert.ok(hasSpeakerLabel('Presenter(s): A'));
    assert.ok(!hasSpeakerLabel('by Zorblat Quindle'), 'a bare "by" counts only right under a heading');
    assert.ok(!hasSpeakerLabel('Hostname: web-1'));
    assert.ok(!hasSpeakerLabel('Speakerphone issues'));
  });

  test('a labelled line further into the talk\'s first paragraphs names the speaker', () => {
    const a = analyze('## Service Mesh Talk\n\n*Room B, 11:00*\n\nSpeaker: Zorblat Quindle, Acme\n\n- notes\n\n## Next Talk\n\n- notes\n');
    assert.equal(a.outline.talks[0].speaker, 'Zorblat Quindle');
    // A section began: what follows belongs to it, not to the talk's introduction.
    const b = analyze('## Service Mesh Talk\n\n- notes\n\n### Demo\n\nSpeaker: Zorblat Quindle\n\n## Next Talk\n\n- notes\n');
    assert.equal(b.outline.talks[0].speaker, undefined);
  });

  test('speakers become known names of the file: their slips elsewhere are caught', () => {
    const a = analyze('## Keynote\n\n- Speaker: **Zorblat Quindle**, Acme\n- notes\n\n## Panel\n\nlater Zorblat Quindel said more\n');
    const slip = a.findings.find((f) => f.wrong === 'Quindel');
    assert.ok(slip, JSON.stringify(a.findings.map((f) => f.wrong)));
    assert.equal(slip.fixes[0], 'Quindle');
    assert.ok(a.learned.lookup('Zorblat Quindle').length, 'learned as a person');
    // A speaker near a catalog person is not taken for a slip of a short, different surname.
    assert.equal(speakerOf('Speaker: Bo Li'), 'Bo Li');
  });

  test('a labelled name the file also uses elsewhere is not reported', () => {
    const a = analyze('## Keynote\n\nSpeakers: Mark Smith & Halvard Brekke\n\n- Halvard Brekke showed the demo\n');
    assert.deepEqual(a.findings.filter((f) => /Brekke|Smith|Halvard/.test(f.wrong)), []);
  });
});

describe('projects per talk', () => {
  test('companies are not projects', () => {
    const a = analyze('## eBPF talk\n\n- Isovalent built Cilium; Cilium and Tetragon run on Kubernetes\n');
    const names = projectsByTalk(a.outline, a.mentions, testEngine().catalog).flatMap((t) => t.projects.map((p) => p.name));
    assert.ok(names.includes('Cilium') && names.includes('Kubernetes'), names.join(', '));
    assert.ok(!names.includes('Isovalent'), names.join(', '));
  });
});
