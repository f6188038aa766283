// What real notes do that written examples rarely show: people's names next to projects one letter away,
// acronyms, compounds built on a name, web addresses, names typed all in lowercase.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findingOn, flags, analyze } from './helpers.ts';

describe('people are not projects', () => {
  test('a given name before a surname is not corrected into a project', () => {
    // Liam is one edit from Lima, Aaron two from Argo: both are first names here.
    assert.deepEqual(flags('- Liam Hughes, Acme: ran the demo\n- Maya Okafor showed the dashboards'), []);
  });
  test('a surname after a given name is neither a project nor an English typo', () => {
    assert.deepEqual(flags('- Nicolas Falko and Eric Stallings on the panel'), []);
  });
  test('a near miss of a project right before an ordinary word is still caught', () => {
    const a = analyze('- Promethues Operator upgrades were painless');
    assert.equal(findingOn(a, 'Promethues')?.fixes[0], 'Prometheus');
  });
});

describe('acronyms, plurals and compounds', () => {
  test('a capitalized word is no slip of an all-caps name', () => {
    assert.deepEqual(flags('- Naks is the internal platform; Naks as a Service next year'), []);
  });
  test('a compound that shares one part with a name is another product', () => {
    assert.deepEqual(flags('- the author of DockerSlab spoke next'), []);
  });
  test('a compound with a slip in one part is still caught', () => {
    const a = analyze('- we moved to OpenTelemtry last year');
    assert.equal(findingOn(a, 'OpenTelemtry')?.fixes[0], 'OpenTelemetry');
  });
});

describe('web addresses and lowercase names', () => {
  test('a lowercase host is an address, a capitalized one a name', () => {
    assert.deepEqual(flags('- slides are on github.com and the code on gitlab.com'), []);
    assert.equal(findingOn(analyze('- see Cilium.io for the docs'), 'Cilium.io')?.fixes[0], 'Cilium');
  });
  test('a bare domain with a path is an address, its parts are not checked or learned', () => {
    assert.deepEqual(flags('- code at github.com/AcmeCorp/Kuberntes-tools and gitlab.com/acme/promethus'), []);
  });
  test('a project name typed in lowercase on its own', () => {
    const a = analyze('- a short intro to kubernetes for newcomers');
    assert.equal(findingOn(a, 'kubernetes')?.fixes[0], 'Kubernetes');
  });
  test('an ordinary word that is also a company stays a word before a project word', () => {
    assert.deepEqual(flags('- the canonical repo holds the charts'), []);
  });
});

describe('lowercase names that are also English words', () => {
  test('a slash pairs an everyday word with another name', () => {
    const a = analyze('- gitops tooling (argo/flux) for every team');
    assert.equal(findingOn(a, 'flux')?.fixes[0], 'Flux');
    assert.deepEqual(flags('- a flux of new users every week'), []);
  });
  test('a name typed in lowercase words: joined names and long names', () => {
    assert.equal(findingOn(analyze('- traces through open telemetry collectors'), 'open telemetry')?.fixes[0], 'OpenTelemetry');
    assert.equal(findingOn(analyze('- rules written for open policy agent'), 'open policy agent')?.fixes[0], 'Open Policy Agent');
  });
  test('an organization before a slash is a repository path', () => {
    assert.deepEqual(flags('- forked from heptio/sonobuoy last spring'), []);
  });
});

describe('learning from the file', () => {
  test('a typo typed twice is still a typo', () => {
    const a = analyze('## Recomendations\n\nsome text\n\n## Recomendations again\n\nmore text\n');
    assert.equal(findingOn(a, 'Recomendations')?.fixes[0], 'Recommendations');
    assert.equal(findingOn(a, 'Recomendations', 1)?.fixes[0], 'Recommendations');
  });
  test('a brand spelled like a word is learned when the file capitalizes it mid-sentence', () => {
    assert.deepEqual(flags('- we met at Cloud Native Summitt last year\n- the Summitt crowd was friendly'), []);
  });
  test('a word the file capitalizes only in headings is no name in lowercase prose', () => {
    assert.deepEqual(flags('## Zorbly news\n\n## Zorbly plans\n\n- the zorbly team'), []);
  });
});

describe('acronyms typed in haste', () => {
  test('two letters of a known acronym swapped', () => {
    assert.equal(findingOn(analyze('- the CNFC end user survey'), 'CNFC')?.fixes[0], 'CNCF');
  });
  test('other acronyms of the same letters are left alone', () => {
    assert.deepEqual(flags('- the CFNC board met; CKD and KCD are other acronyms'), []);
  });
});

describe('commands in a sentence', () => {
  test('a tool name right after run or typed is the command as typed', () => {
    assert.deepEqual(flags('- then run linkerd check and typed velero backup create'), []);
  });
  test('a lowercase name before CLI or binary is the command', () => {
    assert.deepEqual(flags('- install the velero CLI and the linkerd binary'), []);
  });
  test('the same name elsewhere in lowercase is still a casing slip', () => {
    assert.equal(findingOn(analyze('- we use velero for backups'), 'velero')?.fixes[0], 'Velero');
  });
});

describe('people typed in lowercase', () => {
  test('a surname in lowercase after a given name gets its capital', () => {
    assert.equal(findingOn(analyze('- the book by Martha okonjo on platform teams'), 'okonjo')?.fixes[0], 'Okonjo');
  });
  test('a given name before an English word or a tool is left alone', () => {
    assert.deepEqual(flags('- Grant uses kubectl daily; Maria said it works'), []);
  });
});

describe('rare English words that are names', () => {
  test('a name that is a rare English word is the name in lowercase too', () => {
    assert.equal(findingOn(analyze('- extract the binaries from the docker image'), 'docker')?.fixes[0], 'Docker');
  });
  test('a name that is a common English word stays the word', () => {
    assert.deepEqual(flags('- a harbor cruise, the vault door, a fleet of trucks'), []);
  });
});

describe('slips the English check gets from the matcher', () => {
  test('the pronoun typed in lowercase, not list markers', () => {
    assert.deepEqual(flags('- so i think this works\n- i. first point\n- i/o bound'), ['i -> I']);
  });
  test('a lowercase slip of an English word is that word before a name two edits away', () => {
    assert.equal(findingOn(analyze('- the paltforms team'), 'paltforms')?.fixes[0], 'platforms');
  });
});

describe("the landscape's companies and products", () => {
  test('a company written with the wrong casing is corrected, even when a word list knows it', () => {
    assert.equal(findingOn(analyze('- the keynote from Bytedance on scheduling'), 'Bytedance')?.fixes[0], 'ByteDance');
    assert.equal(findingOn(analyze('- CI moved to Cloudbees last year'), 'Cloudbees')?.fixes[0], 'CloudBees');
  });
  test('a company name in lowercase is left alone (a handle, a domain, a word)', () => {
    assert.deepEqual(flags('- ask bytedance folks about it'), []);
  });
});

describe('speakers listed with their handles', () => {
  test('a given name in lowercase before a handle gets its capital', () => {
    assert.equal(findingOn(analyze('*Speakers: Ravi @rkumar, sofia @sgarcia*'), 'sofia')?.fixes[0], 'Sofia');
  });
  test('a word before a handle is left alone', () => {
    assert.deepEqual(flags('- thanks @mgarcia and ask @rkumar'), []);
  });
});

describe('slips, not look-alikes', () => {
  test('an unknown company two arbitrary letters from a project stays itself', () => {
    assert.deepEqual(flags('- Wendy Okafor from Contoso talked about workflows'), []);
  });
  test('two letters off as a typist slips are still caught', () => {
    assert.equal(findingOn(analyze('- metrics went to Promethues first'), 'Promethues')?.fixes[0], 'Prometheus');
  });
  test('an acronym said as a word is heard as one', () => {
    assert.equal(findingOn(analyze('- Spiffy identities for every workload'), 'Spiffy')?.fixes[0], 'SPIFFE');
  });
  test('a hyphenated name typed with a space', () => {
    assert.equal(findingOn(analyze('- cert manager renews everything'), 'cert manager')?.fixes[0], 'cert-manager');
  });
});

describe('what the file repeats is no licence', () => {
  test('a lowercase word near a name the file repeats is not that name', () => {
    assert.deepEqual(flags('- Zorblint checks configs; Zorblint runs in CI\n- unlike zorbling, it is fast'), []);
  });
  test('an identifier the file repeats is no slip of its words written apart', () => {
    assert.deepEqual(flags('## RetryPolicy\n\nSee RetryPolicy below.\n\nThe Retry Policy sets the backoff.'), []);
  });
});

describe('names inside ordinary phrases', () => {
  test('the article of a name that starts with The follows the sentence', () => {
    assert.deepEqual(flags('- a talk from the Linux Foundation staff'), []);
  });
  test('a name written right, then ordinary words a longer name capitalizes', () => {
    assert.deepEqual(flags('- we wrote the OpenAPI specification first'), []);
  });
  test('an identifier with hyphens and a word with its own capitals are not names', () => {
    assert.deepEqual(flags('- the node-fs package and a ReDoS bug'), []);
  });
});

describe('the file itself as context', () => {
  test('a lowercase everyday name is the name when the file capitalizes it mid-sentence', () => {
    const a = analyze('# Mesh day\n\n- the mesh is built on Envoy\n- every cloud ships envoy as a managed service');
    assert.equal(findingOn(a, 'envoy')?.fixes[0], 'Envoy');
  });
  test('without that, the lowercase word is left as English', () => {
    assert.deepEqual(flags('- every cloud ships envoy as a managed service'), []);
  });
  test('an indefinite article keeps the English word', () => {
    assert.deepEqual(flags('- a dragonfly landed on the screen during the Dragonfly demo'), []);
  });
  test('a word of a longer name in lowercase, when the file writes the name right', () => {
    const a = analyze('- signing moved to Tekton Chains\n- Tekton chains attests each build');
    assert.equal(findingOn(a, 'Tekton chains')?.fixes[0], 'Tekton Chains');
  });
  test('a very common word stays a word whatever the file capitalizes', () => {
    assert.deepEqual(flags('- the demo ran on Spin\n- we spin up a cluster per branch'), []);
  });
});

describe('one word of a longer name mistyped', () => {
  test('the mistyped word is fixed to the name\'s word, the rest left alone', () => {
    const a = analyze('- the service runs on AWS Lamdba behind a queue');
    const f = findingOn(a, 'Lamdba');
    assert.equal(f?.fixes[0], 'Lambda');
    assert.equal(f?.wrong, 'Lamdba');
  });
  test('an English word in the same place is no slip', () => {
    assert.deepEqual(flags('- the service runs on AWS lambdas behind a queue'), []);
  });
});

describe('links and project styling', () => {
  test('a name linked to its own site is the name, even when it is also a word', () => {
    const a = analyze('- other tools: [cartographer](https://cartographer.sh/) for supply chains');
    assert.equal(findingOn(a, 'cartographer')?.fixes[0], 'Cartographer');
  });
  test('the same word linked elsewhere stays a word', () => {
    assert.deepEqual(flags('- the [cartographer](https://example.com/maps) drew the map'), []);
  });
  test('a project that writes its name in lowercase gets that form as the fix, and both forms are accepted', () => {
    assert.equal(findingOn(analyze('- the KGateway project'), 'KGateway')?.fixes[0], 'kgateway');
    assert.deepEqual(flags('- kgateway and Kgateway, k3s and K3s'), []);
  });
});
