// Everyday English that happens to spell a project name, and prose that must never be checked.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, flags } from './helpers.ts';

describe('names that are also English words', () => {
  test('lowercase everyday use is not a name', () => {
    for (const sentence of [
      'The new VP is at the helm of the platform team.',
      'Prices are in a state of flux since the acquisition.',
      'The envoy from the standards body joined the panel.',
      'We took a harbor cruise after the keynote.',
      'The queue erupted like a volcano on Monday.',
      'He wore a dapper suit for the keynote.',
      'A notary public signed the contributor agreement.',
      'The jet stream delayed half the flights.',
      'The rook is the strongest piece after the queen.',
    ]) {
      assert.deepEqual(flags(sentence), [], sentence);
    }
  });
  test('lowercase name followed by a word that shows the project is meant', () => {
    assert.deepEqual(flags('- we install it with the helm chart from the vendor'), ['helm -> Helm']);
  });
  test('British spellings are English', () => {
    assert.deepEqual(flags('- the colour of the dashboards, the organisation behind it, walked along the harbour'), []);
  });
});

describe('what is not prose', () => {
  test('code blocks, inline code, HTML, URLs and front matter are skipped', () => {
    const text = [
      '---',
      'title: Kubevirt notes',
      '---',
      '',
      'Run `kubectl get Kubevirt` first.',
      '',
      '```yaml',
      'kind: Kubevirt',
      '```',
      '',
      '<div>Kubevirt</div>',
      '',
      'Docs at https://kubevirt.io/Kubevirt and <https://example.com/Kubevirt>.',
      '',
      '![Kubevirt](img/Kubevirt.png) [the docs](https://x.example/Kubevirt)',
      '',
      '    indented code Kubevirt',
    ].join('\n');
    assert.deepEqual(analyze(text).findings.map((f) => f.wrong), []);
  });
  test('link text and table cells are checked', () => {
    const text = '[Kubevirt docs](https://kubevirt.io)\n\n| project | note |\n| --- | --- |\n| Kubevirt | VMs |\n';
    assert.deepEqual(
      analyze(text).findings.map((f) => f.wrong),
      ['Kubevirt', 'Kubevirt'],
    );
  });
  test('identifiers, versions and paths are left alone', () => {
    assert.deepEqual(flags('- set spec.replicas to 3 in v1.29.2, see /etc/kubevirt/config.yaml and foo_bar'), []);
  });
});

describe('unknown proper nouns stay quiet', () => {
  test('companies and people no catalog knows', () => {
    assert.deepEqual(flags('- customers: Zalando, Adidas, Booking.com, Criteo and Deutsche Bahn\n- thanks to Wojciech and Siobhán'), []);
  });
});

describe('English typos', () => {
  test('a typo with a close correction is information, with the fix', () => {
    const a = analyze('- the recieve path is slow under load');
    assert.equal(a.findings.length, 1);
    assert.equal(a.findings[0].code, 'spelling');
    assert.equal(a.findings[0].fixes[0], 'receive');
  });
  test('domain vocabulary is known', () => {
    assert.deepEqual(flags('- multi-tenant observability with sidecars, autoscaling and serverless runtimes'), []);
  });
});

describe('live-typing shorthand', () => {
  test('a contraction without its apostrophe gets the apostrophe', () => {
    assert.deepEqual(flags("- the speaker didnt say which version"), ["didnt -> didn't"]);
  });
  test('short tech words are not "corrected"', () => {
    assert.deepEqual(flags('- perf was fine, wifi was not, veth pairs everywhere'), []);
  });
  test('speaker labels name the speaker', () => {
    const a = analyze('### Platform engineering at Spotify\nSpeaker: Patrik Oldsberg, Spotify\n- golden paths\n');
    assert.equal(a.outline.talks[0].speaker, 'Patrik Oldsberg');
  });
});
