#!/usr/bin/env node
// Derives data/everyday-words.json: CNCF and ecosystem names whose lowercase form is an ordinary
// English word in the en_US Hunspell dictionary (package dictionary-en, checked with nspell).
// Lowercase everyday use of these words ("at the helm", "a flux of users") must not be reported
// as a mis-cased project name.
//
// Usage:
//   node scripts/derive-everyday-words.mjs              write data/everyday-words.json
//   node scripts/derive-everyday-words.mjs --dry-run    print the result, write nothing
//   node scripts/derive-everyday-words.mjs --check WORD...
//                                                      say for each word whether the dictionary has it
//   node scripts/derive-everyday-words.mjs --missing FILE
//                                                      list the terms of a one-term-a-line file
//                                                      (# comments allowed) that the dictionary lacks
//
// Reads only local files: data/cncf-projects.json, data/ecosystem.json and the dictionary-en files.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nspell from 'nspell';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(root, 'data');
const dictDir = path.join(root, 'node_modules', 'dictionary-en');

const spell = nspell(
  fs.readFileSync(path.join(dictDir, 'index.aff')),
  fs.readFileSync(path.join(dictDir, 'index.dic')),
);

/** True when the dictionary accepts the word exactly as given (case matters: "linux" is not accepted). */
const inDictionary = (word) => spell.correct(word);

// Multi-word names whose first word alone is how people refer to the project.
// For these the first word is checked instead of the full name.
const FIRST_WORD = new Map([
  ['Notary Project', 'Notary'],
  ['Cadence Workflow', 'Cadence'],
  ['Connect RPC', 'Connect'],
  ['Flatcar Container Linux', 'Flatcar'],
  ['Kata Containers', 'Kata'],
  ['Salt Project', 'Salt'],
  ['Talos Linux', 'Talos'],
  ['Alpine Linux', 'Alpine'],
]);

// Derived by the dictionary check but dropped after review, with the reason.
// These are rare words whose lowercase form in talk notes almost always means the project,
// so lowercase use should still be reported as mis-cased.
const DROPPED = new Map([
  ['Cilium', '"cilium" is a biology term; in talk notes lowercase "cilium" means the project'],
  ['BOSH', '"bosh" (nonsense) is rare; lowercase "bosh" in talk notes means the Cloud Foundry tool'],
  ['SOPS', '"sops" is rare; lowercase "sops" in talk notes means the secrets tool'],
  ['TypeScript', '"typescript" (a typed document) is rare; lowercase use in talk notes means the language'],
]);

function loadNames() {
  const cncf = JSON.parse(fs.readFileSync(path.join(dataDir, 'cncf-projects.json'), 'utf8'));
  const eco = JSON.parse(fs.readFileSync(path.join(dataDir, 'ecosystem.json'), 'utf8'));
  const names = [];
  for (const p of cncf.projects) names.push({ name: p.name, aliases: p.aliases ?? [], from: 'cncf' });
  for (const p of cncf.subprojects ?? []) names.push({ name: p.name, aliases: [], from: 'cncf-subproject' });
  for (const e of eco.entries) names.push({ name: e.name, aliases: e.aliases ?? [], from: 'ecosystem' });
  return names;
}

function derive() {
  const found = new Map(); // word -> source name
  const reviewFirstWord = []; // multi-word names whose first word is a dictionary word (not auto-added)
  const consider = (form, source) => {
    if (/\s/.test(form)) {
      const first = FIRST_WORD.get(form);
      if (first) {
        if (inDictionary(first.toLowerCase())) found.set(first, source);
      } else {
        const w = form.split(/\s+/)[0];
        if (/^[A-Za-z]+$/.test(w) && inDictionary(w.toLowerCase())) reviewFirstWord.push(form);
      }
      return;
    }
    if (inDictionary(form.toLowerCase())) found.set(form, source);
  };
  for (const n of loadNames()) {
    consider(n.name, n.name);
    for (const a of n.aliases) consider(a, n.name);
  }
  const dropped = [];
  for (const [word, reason] of DROPPED) {
    if (found.delete(word)) dropped.push({ name: word, reason });
  }
  const names = [...found.keys()].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
  return { names, dropped, reviewFirstWord: [...new Set(reviewFirstWord)].sort() };
}

function readTerms(file) {
  return fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean);
}

const args = process.argv.slice(2);
if (args[0] === '--check') {
  for (const w of args.slice(1)) console.log(`${inDictionary(w) ? 'in-dictionary' : 'missing      '}  ${w}`);
} else if (args[0] === '--missing') {
  const terms = readTerms(args[1]);
  const missing = terms.filter((t) => !inDictionary(t));
  const present = terms.filter((t) => inDictionary(t));
  console.log(`# ${terms.length} terms: ${missing.length} missing from the dictionary, ${present.length} in it`);
  console.log('# in the dictionary:');
  for (const t of present) console.log(`#   ${t}`);
  for (const t of missing) console.log(t);
} else {
  const { names, dropped, reviewFirstWord } = derive();
  const out = {
    about:
      'CNCF and ecosystem names (from cncf-projects.json and ecosystem.json, names and aliases) whose lowercase form ' +
      'is an ordinary English word accepted by the en_US Hunspell dictionary (dictionary-en). Lowercase everyday use ' +
      'of these words ("at the helm", "a flux of users", "the envoy arrived", "a harbor cruise", "like a volcano", ' +
      '"a dragonfly", "notary public") is not a mis-cased project name. Single-word names are checked as they are; ' +
      'for a few multi-word names the first word alone is how people refer to the project and that word is checked ' +
      `instead (${[...FIRST_WORD].map(([n, w]) => `${n} -> ${w}`).join(', ')}). ` +
      'Multi-word names whose first word is an English word but is not used alone for the project (for example ' +
      '"Cloud Foundry", "Open Policy Agent", "Red Hat") are not included. "jaeger" and "prometheus" are not accepted ' +
      'in lowercase by the dictionary and are not in this list. ' +
      (dropped.length
        ? `Dropped after review: ${dropped.map((d) => `${d.name} (${d.reason})`).join('; ')}.`
        : 'No derived name was dropped after review.'),
    derived_with: 'node scripts/derive-everyday-words.mjs',
    count: names.length,
    names,
  };
  if (args[0] === '--dry-run') {
    console.log(JSON.stringify(out, null, 2));
    console.error(`review: multi-word names with a dictionary first word, not included:\n  ${reviewFirstWord.join('\n  ')}`);
  } else {
    fs.writeFileSync(path.join(dataDir, 'everyday-words.json'), JSON.stringify(out, null, 2) + '\n');
    console.log(`wrote data/everyday-words.json (${names.length} names)`);
  }
}
