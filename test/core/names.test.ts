// Name checks by category, on sentences of the kind people type during talks (not the scorer's).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, findingOn, flags } from './helpers.ts';

function expectFix(text: string, wrong: string, fix: string): void {
  const a = analyze(text);
  const f = findingOn(a, wrong);
  assert.ok(f, `'${wrong}' is flagged in: ${text}`);
  assert.equal(f.fixes[0], fix, `fix for '${wrong}'`);
  assert.ok(f.preferred, `fix for '${wrong}' is preferred`);
}

describe('casing', () => {
  test('mis-cased project names', () => {
    expectFix('- the Kubeedge team showed offline nodes syncing back', 'Kubeedge', 'KubeEdge');
    expectFix('- we store the state in TIKV now', 'TIKV', 'TiKV');
    expectFix('- secrets are managed with Cert-Manager and vault', 'Cert-Manager', 'cert-manager');
    expectFix('- observability pipeline: Opentelemetry everywhere', 'Opentelemetry', 'OpenTelemetry');
  });
  test('lowercase names that are not English words are flagged', () => {
    expectFix('- dashboards in grafana, alerts through thanos ruler', 'thanos', 'Thanos');
  });
  test('sentence-initial capital of a lowercase-styled name is fine', () => {
    assert.deepEqual(flags('Containerd is the runtime on every node.'), []);
  });
  test('possessives and plurals of correct names are fine', () => {
    assert.deepEqual(flags("- Kubernetes's scheduler and CloudEvents' envelope\n- two Helm charts per service"), []);
  });
});

describe('spacing and joining', () => {
  test('joined and split names', () => {
    expectFix('- logs shipped by Fluent bit to Loki', 'Fluent bit', 'Fluent Bit');
    expectFix('- they replaced their scripts with Open Tofu modules', 'Open Tofu', 'OpenTofu');
    expectFix('- migrating from CloudFoundry to Kubernetes', 'CloudFoundry', 'Cloud Foundry');
    expectFix('- Core-DNS autoscaling matters at 5k nodes', 'Core-DNS', 'CoreDNS');
  });
  test('a domain used as a name', () => {
    expectFix('- see Cilium.io for the docs', 'Cilium.io', 'Cilium');
  });
});

describe('typos', () => {
  test('letters dropped, doubled or swapped', () => {
    expectFix('- they run Kuberentes 1.31 on bare metal', 'Kuberentes', 'Kubernetes');
    expectFix('- policy engine is Kyvrno in audit mode', 'Kyvrno', 'Kyverno');
    expectFix('- backups with Velaro to object storage', 'Velaro', 'Velero');
    expectFix('- Crosplane compositions for every database', 'Crosplane', 'Crossplane');
  });
});

describe('misheard names', () => {
  test('names that sound alike', () => {
    expectFix('- Sillium network policies replaced iptables', 'Sillium', 'Cilium');
    expectFix('- the Cube Edge demo ran on a Raspberry Pi', 'Cube Edge', 'KubeEdge');
    expectFix('- single sign-on via Key Clock', 'Key Clock', 'Keycloak');
  });
});

describe('truncated names', () => {
  test('multi-word names cut short', () => {
    expectFix('- The Update Frame secures the update path', 'The Update Frame', 'The Update Framework');
    expectFix('- Open Cluster Manage for fleet placement', 'Open Cluster Manage', 'Open Cluster Management');
  });
});

describe('plural slips', () => {
  test('the project named in the singular', () => {
    expectFix('#### Buildpack\n- images without Dockerfiles', 'Buildpack', 'Buildpacks');
  });
  test('a singular noun with an article stays singular', () => {
    assert.deepEqual(flags('- each CloudEvent carries a source and a type'), []);
  });
});

describe('people', () => {
  test('a known first name with a misspelled surname', () => {
    expectFix('- Kelsey Hightour did the closing keynote', 'Hightour', 'Hightower');
    expectFix('- keynote by Tim Hokin on the history of Services', 'Hokin', 'Hockin');
  });
  test('a known surname with a misspelled first name', () => {
    expectFix('- Lizz Rice demoed Tetragon', 'Lizz', 'Liz');
  });
  test('right names are clean', () => {
    assert.deepEqual(flags('- Derek Collison and Liz Rice on a panel with Kelsey Hightower'), []);
  });
});

describe('accepted short forms', () => {
  test('k8s, K8s and OTel are hints at most', () => {
    const a = analyze('- k8s 1.30 upgrade\n- K8s operators\n- OTel collector in front');
    assert.ok(a.findings.every((f) => f.code === 'short-form'));
    assert.deepEqual(flags('- k8s 1.30 upgrade\n- K8s operators\n- OTel collector in front'), []);
  });
});
