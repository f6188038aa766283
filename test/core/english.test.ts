// The English check: never on correct text (derivations, British spellings, jargon, names), the right fix
// first (error model and word frequency), and typos found where a clear correction exists. Every sentence
// here is written for this test.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { derivedForms } from '../../server/src/core/english/lexicon.ts';
import { adjacentKeys, FINGER_SLIPS, MISSPELLINGS, typoCost } from '../../server/src/core/english/typos.ts';
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
    ['plurals and derivations the dictionary flags leave out', 'Both integrations and installables were slow; the dashboarded metrics went behind two proxies and three linters.'],
    ['more derivations', 'The sandboxed runners were dashboarded, and logind restarted.'],
    ['jargon', 'Pin the configmap, then run kubectl and the kubelet again.'],
    ['British spellings', 'The colour of the organisation: travelling with behaviour, the programme was cancelled and catalogued.'],
    ['prefixes, suffixes and accents', 'The coworking space ran a multicluster setup; the API stayed flagless and the naïve cache was clockwise.'],
    ['plurals of jargon and acronyms', 'The polyfills, APIs, IDs and CRDs of our VMs stayed stable.'],
    ['names', 'After lunch Priya Ramaswamy and Dana Whitley showed Ondrej Kessler the demo.'],
    ['short words and shorthand', 'Questions wrt the demo, btw, imo.'],
    ['a dropped letter marked by an apostrophe', "Goin' home and rock 'n' roll."],
  ];
  for (const [what, text] of clean) {
    test(what, () => assert.deepEqual(spelling(text), []));
  }
});

describe('English check: typos and their fixes', () => {
  test('one slip, ranked by the error model and word frequency', () => {
    assert.deepEqual(spelling('The pipline failed on a recieved message.'), ['pipline -> pipeline', 'recieved -> received']);
    assert.deepEqual(spelling('Check the infrastrcuture and the healhty nodes.'), ['infrastrcuture -> infrastructure', 'healhty -> healthy']);
  });

  test('two slips in a long word', () => {
    assert.deepEqual(spelling('The obsrevabilty story and the confgiuration.'), ['obsrevabilty -> observability', 'confgiuration -> configuration']);
  });

  test('short words with a clear correction, a wrong first letter included', () => {
    assert.deepEqual(spelling('We fixed teh bug and went qith the team to mkae it.'), ['teh -> the', 'qith -> with', 'mkae -> make']);
  });

  test('a fix that is not clearly ahead is not preferred, and up to three are offered', () => {
    const f = analyze('Did hwo see that?').findings.find((x) => x.wrong === 'hwo');
    assert.ok(f);
    assert.equal(f.preferred, false);
    assert.deepEqual(f.fixes.slice(0, 2).sort(), ['how', 'who']);
    assert.ok(f.fixes.length <= 3);
  });

  test('casing slips inside a word', () => {
    assert.deepEqual(spelling('The new APi shipped; the MOnthly report was long. THe end.'), ['APi -> API', 'MOnthly -> Monthly', 'THe -> The']);
  });

  test('a capitalized word keeps its capital in the fix', () => {
    assert.deepEqual(spelling('Notes on the Infrastrcuture.'), ['Infrastrcuture -> Infrastructure']);
  });

  test('a proper noun written in lowercase', () => {
    assert.deepEqual(spelling('We met on monday.'), ['monday -> Monday']);
  });

  test('a letter left out explains a typo better than one too many', () => {
    assert.deepEqual(spelling('The team answerd every question about the servie.'), ['answerd -> answered', 'servie -> service']);
    assert.deepEqual(spelling('Then the pod restartd twice.'), ['restartd -> restarted']);
  });

  test('a derivation the dictionary lists only as a derivation is a fix too', () => {
    assert.deepEqual(spelling('The activtions were logged.'), ['activtions -> activations']);
  });

  test('a word opening a line is checked as in lowercase when a letter doubled or not explains it', () => {
    assert.deepEqual(spelling('Mesaging:\nqueues everywhere.'), ['Mesaging -> Messaging']);
  });

  test('a capitalized word in a sentence is corrected for finger slips only: names differ from words by more', () => {
    assert.deepEqual(spelling('We met Havin and Darin at the booth, then Morgen.'), []);
  });
});

describe('corrections', () => {
  const words = testEngine().words;

  test('never a possessive for a plural', () => {
    for (const word of ['integrationz', 'validationss', 'migrationns', 'routerz']) {
      for (const c of words.corrections(word)) assert.ok(!/['’]/.test(c.word), `${word}: ${c.word}`);
    }
  });

  test('a name is no fix for another name', () => {
    assert.ok(!words.corrections('Petersen').some((c) => c.word === 'Peterson'));
  });

  test('derivations of a known stem are candidates; those of no stem, and -er forms, are not', () => {
    assert.equal(words.corrections('activtions')[0].word, 'activations');
    for (const c of words.corrections('punctuater')) assert.ok(!/er$/.test(c.word) || words.commonness(c.word) !== undefined, c.word);
  });

  test('a capitalized word is weighed by finger slips too', () => {
    const c = words.corrections('Recieved')[0];
    assert.equal(c.word, 'Received');
    assert.ok(c.slip <= 0.5 && c.slipScore < c.slip * 4, 'a swap, and a common word');
  });

  test('suggest keeps about one edit', () => {
    assert.deepEqual(words.suggest('pipline'), ['pipeline']);
    assert.deepEqual(words.suggest('obsrevabilty'), []);
  });
});

describe('the error model', () => {
  test('common slips cost less', () => {
    assert.ok(adjacentKeys('s', 'd') && adjacentKeys('e', 'd') && !adjacentKeys('z', 'w'));
    assert.ok(typoCost('shiped', 'shipped') < typoCost('shipd', 'shipped'), 'a doubled letter typed once');
    assert.ok(typoCost('recorfs', 'records') < typoCost('recorps', 'records'), 'a key next to the right one');
    assert.ok(typoCost('teh', 'the') < typoCost('tge', 'the'), 'two letters swapped');
    assert.ok(typoCost('mith', 'with') > typoCost('wimh', 'with'), 'the first letter is rarely wrong');
    assert.ok(typoCost('commity', 'community') < typoCost('comuniy', 'community'), 'two letters skipped together are less than two slips');
  });

  test('finger slips are the default (names/ matches with them)', () => {
    assert.equal(typoCost('pipline', 'pipeline'), typoCost('pipline', 'pipeline', FINGER_SLIPS));
  });

  test('misspellings: a letter left out is the commonest slip, one too many rarer than a wrong one', () => {
    const m = MISSPELLINGS;
    assert.ok(typoCost('answerd', 'answered', m) < typoCost('answerd', 'answer', m), 'left out beats one too many');
    assert.ok(typoCost('answerd', 'answered', FINGER_SLIPS) > typoCost('answerd', 'answer', FINGER_SLIPS), 'as finger slips, the other way');
    assert.ok(typoCost('mesage', 'message', m) < typoCost('mesage', 'mesa', m), 'a doubled letter typed once');
    assert.ok(typoCost('brige', 'bridge', m) < typoCost('bricge', 'bridge', m), 'left out beats a wrong letter');
    assert.ok(typoCost('grpah', 'graph', m) < typoCost('grsph', 'graph', m), 'two letters swapped beat a wrong one');
    assert.ok(typoCost('xgraph', 'graph', m) > typoCost('grapxh', 'graph', m), 'the first letter is slipped on less');
  });
});

describe('derived forms', () => {
  const dir = path.resolve(__dirname, '..', '..', 'data', 'dictionary');
  const aff = fs.readFileSync(path.join(dir, 'en_US.aff'), 'utf8');
  const dic = fs.readFileSync(path.join(dir, 'en_US.dic'), 'utf8');
  const lexicon = lexiconFromPackages(path.resolve(__dirname, '..', '..'), Buffer.from(aff), Buffer.from(dic));
  const derived = new Set(lexicon.english.split('\n'));

  test('valid derivations of dictionary stems', () => {
    for (const w of ['integrations', 'installables', 'dashboarded', 'sandboxed', 'logind']) assert.ok(derived.has(w), w);
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

describe('words typed in two pieces, and two words typed as one', () => {
  test('pieces that join into a word, one of them no word or a rare one', () => {
    assert.deepEqual(spelling('The infra structure team and the obser vability stack.'), ['infra structure -> infrastructure', 'obser vability -> observability']);
  });
  test('two common words that also join into one are left as written', () => {
    assert.deepEqual(spelling('Micro services with side cars on the data plane, every one of them.'), []);
  });
  test('two common words typed without a space are split', () => {
    assert.deepEqual(spelling('A talk on releasetesting and loadtesting.'), ['releasetesting -> release testing', 'loadtesting -> load testing']);
  });
  test('jargon written as one word stays', () => {
    assert.deepEqual(spelling('Copy the kubeconfig to every nodepool.'), []);
  });
});
