// The English check: never on correct text (derivations, British spellings, jargon, names), the right fix
// first (error model and word frequency), and typos found where a clear correction exists. Every sentence
// here is written for this test.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { derivedForms } from '../../server/src/core/english/lexicon.ts';
import { adjacentKeys, typoCost } from '../../server/src/core/english/typos.ts';
import { lexiconFromPackages } from '../../server/src/data.ts';
import { analyze, testEngine } from './helpers.ts';

/** The spelling findings of a text, as "wrong -> first fix" ("?" when the fix is not preferred). */
function spelling(text: string): string[] {
  return analyze(text)
    .findings.filter((f) => f.code === 'spelling')
    .map((f) => `${f.wrong} -> ${f.fixes[0]}${f.preferred ? '' : ' ?'}`);
}

describe('English check: correct text stays quiet', () => {
  const clean: [string, string][] = [
    ['plurals and derivations the dictionary flags leave out', 'Both incubations and detections were slow; the executables went behind two load balancers and three linters.'],
    ['more derivations', 'The experimentations with infiltrations showed Evolutions of fuzzers, and the tunnel wormholed the packets.'],
    ['jargon', 'Rotate the creds when networkd restarts, then run kubectl and the linter again.'],
    ['British spellings', 'Artefacts of the organisation: focussing on behaviour, the programme was cancelled and catalogued.'],
    ['prefixes, suffixes and accents', 'The coworking space ran a multicluster setup; the API stayed flagless and the naïve cache was clockwise.'],
    ['plurals of jargon and acronyms', 'The polyfills, APIs, IDs and CRDs of our VMs stayed stable.'],
    ['names', 'After lunch Priya Ramaswamy and Dana Whitley showed Ondrej Kessler the demo.'],
    ['short words and handles', 'Questions to andy wrt the doo wop demo, btw.'],
    ['a dropped letter marked by an apostrophe', "Livin' on the edge and rock 'n' roll."],
  ];
  for (const [what, text] of clean) {
    test(what, () => assert.deepEqual(spelling(text), []));
  }
});

describe('English check: typos and their fixes', () => {
  test('one slip, ranked by the error model and word frequency', () => {
    assert.deepEqual(spelling('The pipeine failed on a dependend service.'), ['pipeine -> pipeline', 'dependend -> dependent']);
    assert.deepEqual(spelling('Check the infrastrcuture and the healhty nodes.'), ['infrastrcuture -> infrastructure', 'healhty -> healthy']);
  });

  test('two slips in a long word', () => {
    assert.deepEqual(spelling('The obsrevabilty story and the confgiuration.'), ['obsrevabilty -> observability', 'confgiuration -> configuration']);
  });

  test('short words with a clear correction, a wrong first letter included', () => {
    assert.deepEqual(spelling('We fixed teh bug and went qith the team to mkae it.'), ['teh -> the', 'qith -> with', 'mkae -> make']);
  });

  test('a fix that is not clearly ahead is not preferred, and up to three are offered', () => {
    const f = analyze('Did yout see that?').findings.find((x) => x.wrong === 'yout');
    assert.ok(f);
    assert.equal(f.preferred, false);
    assert.deepEqual(f.fixes.slice(0, 2), ['you', 'your']);
    assert.ok(f.fixes.length <= 3);
  });

  test('casing slips inside a word', () => {
    assert.deepEqual(spelling('The new SDk shipped; the ANnual report was long. THe end.'), ['SDk -> SDK', 'ANnual -> Annual', 'THe -> The']);
  });

  test('a capitalized word keeps its capital in the fix', () => {
    assert.deepEqual(spelling('Notes on the Infrastrcuture.'), ['Infrastrcuture -> Infrastructure']);
  });

  test('a proper noun written in lowercase', () => {
    assert.deepEqual(spelling('We shipped before christmas.'), ['christmas -> Christmas']);
  });
});

describe('corrections', () => {
  const words = testEngine().words;

  test('never a possessive for a plural', () => {
    for (const word of ['incubationz', 'detectionss', 'evolutionns', 'balancerz']) {
      for (const c of words.corrections(word)) assert.ok(!/['’]/.test(c.word), `${word}: ${c.word}`);
    }
  });

  test('a name is no fix for another name', () => {
    assert.ok(!words.corrections('Petersen').some((c) => c.word === 'Peterson'));
  });

  test('suggest keeps about one edit', () => {
    assert.deepEqual(words.suggest('pipeine'), ['pipeline']);
    assert.deepEqual(words.suggest('obsrevabilty'), []);
  });
});

describe('the error model', () => {
  test('common slips cost less', () => {
    assert.ok(adjacentKeys('s', 'd') && adjacentKeys('e', 'd') && !adjacentKeys('z', 'w'));
    assert.ok(typoCost('wraper', 'wrapper') < typoCost('wrapr', 'wrapper'), 'a doubled letter typed once');
    assert.ok(typoCost('rewarfs', 'rewards') < typoCost('rewarps', 'rewards'), 'a key next to the right one');
    assert.ok(typoCost('teh', 'the') < typoCost('tge', 'the'), 'two letters swapped');
    assert.ok(typoCost('zith', 'with') > typoCost('wizh', 'with'), 'the first letter is rarely wrong');
    assert.ok(typoCost('disvery', 'discovery') < typoCost('dicovry', 'discovery'), 'two letters skipped together are less than two slips');
  });
});

describe('derived forms', () => {
  const dir = path.resolve(__dirname, '..', '..', 'data', 'dictionary');
  const aff = fs.readFileSync(path.join(dir, 'en_US.aff'), 'utf8');
  const dic = fs.readFileSync(path.join(dir, 'en_US.dic'), 'utf8');
  const lexicon = lexiconFromPackages(path.resolve(__dirname, '..', '..'), Buffer.from(aff), Buffer.from(dic));
  const derived = new Set(lexicon.english.split('\n'));

  test('valid derivations of dictionary stems', () => {
    for (const w of ['incubations', 'detections', 'balancers', 'linters', 'creds', 'wormholed', 'networkd']) assert.ok(derived.has(w), w);
  });

  test('no derivation the dictionary spells otherwise, and no plural of a function word', () => {
    for (const w of ['occured', 'begining', 'arguement', 'noticable', 'thats', 'theres', 'heres', 'layed']) assert.ok(!derived.has(w), w);
  });

  test('derivedForms on a small dictionary', () => {
    const smallAff = ['SET UTF-8', 'SFX S Y 2', 'SFX S 0 s [^sxzhy]', 'SFX S 0 es [sxzh]', 'SFX M Y 1', "SFX M 0 's .", 'SFX D Y 2', 'SFX D 0 d e', 'SFX D 0 ed [^ey]'].join('\n');
    const smallDic = ['4', 'widget/M', 'stop/MS', 'stopped', 'tunnel/MS'].join('\n');
    const known = new Set(['widget', "widget's", 'stop', 'stops', "stop's", 'stopped', 'tunnel', 'tunnels', "tunnel's"]);
    const forms = derivedForms(smallAff, smallDic, (w) => known.has(w), () => 0);
    assert.ok(forms.includes('widgets'), 'the plural of a noun');
    assert.ok(forms.includes('tunneled'), 'a noun used as a verb');
    assert.ok(!forms.includes('stoped'), 'the dictionary doubles the consonant');
  });

  test('the jargon lists are read from node_modules when running from source', () => {
    const jargon = new Set(lexicon.jargon.split('\n'));
    for (const w of ['kubectl', 'linter', 'skaffold']) assert.ok(jargon.has(w), w);
    assert.ok(lexicon.freq.length > 100_000, 'a frequency for every dictionary form');
  });
});
