// Completion of names as editors ask for it on every keystroke (quick suggestions): where it answers, the
// order (prefix, then fame, then slips), what a multi-word item replaces, and what the editor filters on.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { completeNames, completionCard, completionDetail, type CompletionOptions } from '../../server/src/core/features/complete.ts';
import { inFence, proseBefore } from '../../server/src/core/features/complete-context.ts';
import { nameKey, type BuiltName } from '../../server/src/core/names/catalog.ts';
import { analyze, testEngine } from './helpers.ts';

const REPO = path.resolve(__dirname, '..', '..');
const built = (JSON.parse(fs.readFileSync(path.join(REPO, 'data', 'catalog.json'), 'utf8')) as { names: BuiltName[] }).names;
// The counts as the server has them: loaded with the catalog.
const community = testEngine().catalog.community;

function complete(text: string, more: Partial<CompletionOptions> = {}) {
  const engine = testEngine();
  return completeNames(text, text.length, [engine.catalog], { community, words: engine.words, ...more });
}
const labels = (text: string, more: Partial<CompletionOptions> = {}): string[] => complete(text, more).items.map((i) => i.label);

describe('completion ranking', () => {
  test('"Kube" lists Kubernetes first, graduated projects before sandbox ones', () => {
    const list = labels('Notes on Kube');
    assert.equal(list[0], 'Kubernetes');
    assert.ok(list.indexOf('KubeEdge') < list.indexOf('KubeArmor'), list.join(', '));
    assert.ok(list.includes('KubeVirt'));
    assert.equal(labels('kube')[0], 'Kubernetes', 'lowercase too');
  });

  test('the community count is built into the catalog', () => {
    const kubernetes = built.find((n) => n.name === 'Kubernetes')!;
    const kubeEdge = built.find((n) => n.name === 'KubeEdge')!;
    assert.ok(kubernetes.community! > kubeEdge.community!, `${kubernetes.community} > ${kubeEdge.community}`);
    assert.equal(community.get(nameKey('Kubernetes')), kubernetes.community, 'loaded with the catalog');
  });

  test('a name used in the notes ranks up among names alike', () => {
    const before = labels('Kube');
    const used = labels('Kube', { usedHere: new Map([['Kubescape', 1]]) });
    assert.ok(used.indexOf('Kubescape') < before.indexOf('Kubescape'), `${used.join(', ')}`);
    assert.equal(used[0], 'Kubernetes', 'but not above the best-known name by one mention');
    assert.equal(labels('Kube', { usedHere: new Map([['Kubescape', 6]]) })[0], 'Kubescape', 'a talk about it puts it first');
    assert.ok(labels('Kube', { usedElsewhere: new Map([['Kubewarden', 3]]) }).indexOf('Kubewarden') < before.indexOf('Kubewarden'));
  });

  test('an exact name first, then names that start with it', () => {
    const list = labels('Argo');
    assert.equal(list[0], 'Argo');
    assert.equal(labels('Envo')[0], 'Envoy');
  });

  test('names with a later word starting so come after the prefix matches', () => {
    const list = labels('Tele');
    assert.ok(list.includes('OpenTelemetry'));
    assert.ok(list.indexOf('Telepresence') < list.indexOf('OpenTelemetry'), list.join(', '));
  });

  test('the lowercase beginning of a common English word is prose being typed; capitalized it may start a name', () => {
    assert.deepEqual(labels('Notes on conf'), []);
    assert.deepEqual(labels('we tele'), []);
    assert.ok(labels('Notes on Conf').length > 0);
    assert.equal(labels('notes on kube')[0], 'Kubernetes', 'no English word starts so');
    assert.equal(labels('we use helm')[0], 'Helm', 'a name spelled whole');
  });

  test('close slips come last and only when they share the start', () => {
    assert.equal(labels('Kubernets')[0], 'Kubernetes');
    assert.equal(labels('Promethus')[0], 'Prometheus');
    // Four letters are too few to guess a slip from: "Prom" is PromQL's start, not Project Calico's slip.
    assert.ok(!labels('Prom').includes('Calico'), labels('Prom').join(', '));
    assert.ok(!labels('Argo').some((l) => !/^argo/i.test(l)), labels('Argo').join(', '));
  });
});

describe('multi-word names', () => {
  test('"open tele" offers OpenTelemetry, replacing both words', () => {
    const text = 'We instrument with open tele';
    const { items } = complete(text);
    assert.equal(items[0].label, 'OpenTelemetry');
    assert.equal(text.slice(items[0].start, items[0].end), 'open tele');
    // The editor filters the item against the text of its range: the filter text must start with it.
    assert.ok(items[0].filterText.startsWith('open tele'), items[0].filterText);
    assert.ok(!items.some((i) => i.label === 'Telegraf'), 'a name of the last word alone is not mixed in');
  });

  test('"Open Pol" replaces both words with Open Policy Agent; "Lee Cal" completes a person', () => {
    const { items } = complete('See Open Pol');
    assert.equal(items[0].label, 'Open Policy Agent');
    assert.equal(items[0].start, 'See '.length);
    assert.equal(labels('Talk by Lee Cal')[0], 'Lee Calcote');
  });

  test('common words that merely join into a name start are prose ("in to" is not in-toto)', () => {
    assert.deepEqual(labels('we went in to'), []);
    assert.ok(!labels('a pro meth').includes('Prometheus'), 'words typed apart must part where the name does');
  });
});

describe('where completion answers', () => {
  test('nothing before three letters (two with a digit)', () => {
    assert.deepEqual(labels('Ku'), []);
    assert.ok(labels('K8').includes('Kubernetes'));
  });

  test('a common English word is prose unless it is a name itself', () => {
    for (const word of ['the', 'The', 'and', 'open', 'configure']) assert.deepEqual(labels(`So ${word}`), [], word);
    assert.ok(labels('Open').includes('OpenTelemetry'), 'capitalized, "Open" may start a name');
  });

  test('nothing in code, links, URLs, paths, e-mail addresses, handles, comments or front matter', () => {
    const none = [
      '```yaml\nkind: Kube',
      '    ```\n    Kube',
      'Run `kubectl get Kube',
      'See https://kubernetes.io/Kube',
      'See [docs](Kube',
      'See ./docs/Kube',
      'Mail me@Kube',
      'Thanks @Kube',
      '<!-- Kube',
    ];
    for (const text of none) assert.deepEqual(labels(text), [], JSON.stringify(text));
    // The cursor before the end of the text: inside a closed comment, inside front matter.
    const engine = testEngine();
    for (const [text, at] of [['<!-- Kube -->\nx', 9], ['---\ntitle: Kube\n---\n\ntext', 15]] as const) {
      assert.deepEqual(completeNames(text, at, [engine.catalog], { words: engine.words }).items, [], text);
    }
    const some = ['---\n\nKube', '```\ncode\n```\nKube', '~~~\nx\n~~~\n\n- Kube', 'A `code` span and Kube', '---\ntitle: x\n---\nKube', '<!-- note -->\nKube', '# Kube'];
    for (const text of some) assert.equal(labels(text)[0], 'Kubernetes', JSON.stringify(text));
  });

  test('fences: a closing fence needs the opening character and length; backtick info strings have no backtick', () => {
    assert.equal(inFence('````\n```\nx', 10), true);
    assert.equal(inFence('```js\nx\n```\ny', 12), false);
    assert.equal(inFence('``` a`b\nx', 9), false);
    assert.equal(proseBefore('text', 4), true);
  });

  test('always incomplete: the answer depends on the whole typed text', () => {
    assert.equal(complete('Kube').isIncomplete, true);
    assert.equal(complete('Ku').isIncomplete, true);
  });
});

describe('items', () => {
  test('every filter text starts with the typed word, so the editor scores items alike and keeps the order', () => {
    for (const text of ['Kube', 'kube', 'Kubernets', 'cert-', 'K8']) {
      const { items } = complete(text);
      assert.ok(items.length, text);
      for (const item of items) assert.ok(item.filterText.startsWith(text), `${text}: ${item.filterText}`);
      assert.deepEqual(items.map((i) => i.sortText), [...items.map((i) => i.sortText)].sort());
    }
    assert.equal(complete('cert-').items[0].filterText, 'cert-manager');
  });

  test('the detail says kind and category once; the card body does not repeat it', () => {
    const item = complete('Kube').items[0];
    assert.equal(item.detail, 'CNCF graduated · Orchestration & Management');
    const card = completionCard('Kubernetes', [testEngine().catalog])!;
    assert.ok(card.includes('kubernetes.io'), card);
    assert.ok(!/graduated|Orchestration/.test(card), card);
    const entry = testEngine().catalog.lookup('Kubernetes')[0];
    assert.equal(completionDetail(entry), item.detail);
  });

  test('names learned from the file are offered, once', () => {
    const analysis = analyze('# Talk\n\nSpeaker: Zorblat Quindle\n\nZorblat Quindle said hi.\n');
    const text = 'More from Zorb';
    const { items } = completeNames(text, text.length, [analysis.learned, testEngine().catalog], { community });
    assert.deepEqual(items.filter((i) => i.label === 'Zorblat Quindle').length, 1, items.map((i) => i.label).join(', '));
  });
});
