// The catalog builder (server/src/catalog/build.ts) on small sources written here, the catalog file validator
// (format.ts), the `talk-notes catalog` command run as a child process, and the committed data/catalog.json.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildCatalog, buildCatalogWithNotes, countKinds, formatCatalogFile } from '../../server/src/catalog/build.ts';
import { shortDescription, splitLandscapeName } from '../../server/src/catalog/landscape.ts';
import { cleanCompany } from '../../server/src/catalog/names.ts';
import { cleanPersonName, subProjectName } from '../../server/src/catalog/people.ts';
import { CatalogInputError } from '../../server/src/catalog/source-input.ts';
import { parseCatalogFile, type CatalogName } from '../../server/src/catalog/format.ts';

const REPO = path.resolve(__dirname, '..', '..');

// Shaped like cncf/landscape's landscape.yml: categories, subcategories (one with an empty `items:`), items.
const LANDSCAPE = `# yaml-language-server: $schema=https://example.invalid/schema.json

landscape:
  - category:
    name: Provisioning
    subcategories:
      - subcategory:
        name: Security & Compliance
        items:
          - item:
            name: Open Policy Agent (OPA)
            homepage_url: https://www.openpolicyagent.org/
            project: graduated
            repo_url: https://github.com/open-policy-agent/opa
            logo: opa.svg
            crunchbase: https://www.crunchbase.com/organization/styra
            description: Open Policy Agent (OPA) is an open source, general-purpose policy engine that enables unified, context-aware policy enforcement across the entire stack.
            extra:
              accepted: '2018-03-29'
          - item:
            name: Tetragon
            homepage_url: https://github.com/cilium/tetragon
            repo_url: https://github.com/cilium/tetragon
            logo: tetragon.svg
            extra:
              parent_project: Cilium
      - subcategory:
        name: Key Management
        items:
  - category:
    name: Runtime
    subcategories:
      - subcategory:
        name: Cloud Native Network
        items:
          - item:
            name: Cilium
            homepage_url: https://cilium.io/
            project: graduated
            repo_url: https://github.com/cilium/cilium
            logo: cilium.svg
          - item:
            name: Fleet
            homepage_url: https://fleet.rancher.io/
            repo_url: https://github.com/rancher/fleet
            logo: fleet.svg
          - item:
            name: Acme Cloud Network
            homepage_url: https://acme.example/network
            logo: acme.svg
          - item:
            name: Off
            homepage_url: https://off.example/
            logo: off.svg
          - item:
            name: Closed Core DB
            homepage_url: https://ccdb.example/
            repo_url: https://github.com/ccdb/ccdb
            open_source: false
            logo: ccdb.svg
  - category:
    name: Wasm
    subcategories:
      - subcategory:
        name: Embedded Functions
        items:
          - item:
            name: Cilium (Wasm)
            homepage_url: https://cilium.io/
            repo_url: https://github.com/cilium/cilium
            logo: cilium.svg
  - category:
    name: CNCF Members
    subcategories:
      - subcategory:
        name: Silver
        items:
          - item:
            name: Acme (member)
            homepage_url: https://acme.example/
            logo: acme.svg
            crunchbase: https://www.crunchbase.com/organization/acme
          - item:
            name: ACME  (member)
            homepage_url: https://acme.example/again
            logo: acme.svg
          - item:
            name: Kiratech S.p.A. (member)
            homepage_url: https://kiratech.example/
            logo: kiratech.svg
      - subcategory:
        name: Academic
        items: []
`;

// Shaped like cncf/foundation's project-maintainers.csv: project and maturity on a project's first row only.
const MAINTAINERS = `,Project,Maintainer Name,Company,Github Name,OWNERS/MAINTAINERS
Graduated,Open Policy Agent,Jane Doe,"Acme, Inc",janedoe,https://github.com/open-policy-agent/opa/blob/main/MAINTAINERS.md
,,Paco Xu 徐俊杰,DaoCloud,pacoxu,
,Steering Committee,Ann Smith,Independent,asmith,
,,pacoxu2,,pacoxu2,
Graduated,Cilium,Marko Mudrinic,Kubermatic GmbH,xmudrii,https://github.com/cilium/cilium/blob/main/MAINTAINERS.md
,,"David (Mengqi) Yu",Amazon,mengqiy,
,,Clayton Coleman (inactive while on leave),Google,smarterclayton,
Sandbox,Project Nobody Lists,Zoe Zed,,zoezed,
`;

// Shaped like cncf/people's people.json (reduced fields).
const PEOPLE = JSON.stringify({
  source: { repo: 'cncf/people', path: 'people.json', commit: '0000cd40' },
  people: [
    { name: 'Jane Doe', company: 'Acme', category: ['Ambassadors'], projects: ['Open Policy Agent (OPA)', 'Clilium'], github: 'https://github.com/janedoe', location: 'Somewhere' },
    { name: 'Marko Mudrinić', company: 'Kubermatic', category: ['Ambassadors', 'Technical Oversight Committee'], projects: ['Cilium'], github: 'https://github.com/xmudrii' },
    { name: 'Sam Staff', company: 'Senior Event Planner', category: ['Staff'] },
    { name: 'lower case', company: 'Acme', category: ['Ambassadors'] },
    { name: 'Dotan Example', company: 'Logz.io', category: ['Ambassadors'], github: 'https://logz.io/author/dotan/' },
  ],
});

const EXTRA = JSON.stringify({
  talkNotesCatalog: 1,
  sources: [{ file: 'catalog-extra.json', note: 'kept by hand' }],
  names: [
    { name: 'KubeCon', kind: 'event' },
    { name: 'Kubernetes Community Days', kind: 'event', aliases: ['KCD'] },
  ],
});

const ENGLISH = new Set(['fleet', 'off', 'acme', 'cloud', 'network']);
const build = (more: Partial<Parameters<typeof buildCatalog>[0]> = {}) =>
  buildCatalogWithNotes({ landscape: LANDSCAPE, maintainers: MAINTAINERS, people: PEOPLE, extra: EXTRA, isEnglishWord: (w) => ENGLISH.has(w), ...more });
const built = build();
const names = built.catalog.names;
const named = (name: string): CatalogName[] => names.filter((n) => n.name === name);
const one = (name: string): CatalogName => {
  const found = named(name);
  assert.equal(found.length, 1, `one entry named ${name}: ${JSON.stringify(found)}`);
  return found[0];
};

describe('buildCatalog: the landscape', () => {
  test('a CNCF project: parenthetical as alias, maturity, short description, no logo or crunchbase', () => {
    const opa = one('Open Policy Agent');
    assert.deepEqual(opa, {
      name: 'Open Policy Agent',
      kind: 'project',
      maturity: 'graduated',
      aliases: ['OPA'],
      category: 'Provisioning',
      homepage: 'https://www.openpolicyagent.org/',
      repo: 'https://github.com/open-policy-agent/opa',
      description: opa.description,
      community: 1,
    });
    assert.ok(opa.description!.length <= 100 && opa.description!.startsWith('Open Policy Agent (OPA) is an open source'), opa.description);
    assert.equal(named('Open Policy Agent (OPA)').length, 0);
  });

  test('a member company: " (member)" stripped, legal suffix dropped, same name listed twice kept once', () => {
    assert.deepEqual(one('Acme'), { name: 'Acme', kind: 'company', homepage: 'https://acme.example/', everyday: true });
    assert.equal(names.filter((n) => n.name.toLowerCase() === 'acme').length, 1);
    assert.equal(one('Kiratech').kind, 'company');
  });

  test('an item with extra.parent_project and no project: a component of its parent', () => {
    assert.deepEqual(one('Tetragon'), { name: 'Tetragon', kind: 'component', parent: 'Cilium', category: 'Provisioning', homepage: 'https://github.com/cilium/tetragon', repo: 'https://github.com/cilium/tetragon' });
  });

  test('other items: a project with a repository, a product without one or when not open source', () => {
    assert.equal(one('Fleet').kind, 'project');
    assert.equal(one('Fleet').maturity, undefined);
    assert.equal(one('Acme Cloud Network').kind, 'product');
    assert.equal(one('Closed Core DB').kind, 'product');
  });

  test('"Cilium (Wasm)" is Cilium: one entry, the CNCF one', () => {
    assert.equal(one('Cilium').maturity, 'graduated');
    assert.equal(named('Cilium (Wasm)').length, 0);
  });

  test('community: how many cncf/people records list a project (each person once; maintainers do not count)', () => {
    assert.equal(one('Cilium').community, 1);
    assert.equal(one('Tetragon').community, undefined);
    const twice = JSON.stringify({ people: [...JSON.parse(PEOPLE).people, { name: 'Jane  Doe', projects: ['OPA'] }, { name: 'Kim Lee', projects: ['Cilium'] }] });
    const again = build({ people: twice }).catalog.names;
    assert.equal(again.find((n) => n.name === 'Open Policy Agent')!.community, 1);
    assert.equal(again.find((n) => n.name === 'Cilium')!.community, 2);
    assert.deepEqual(parseCatalogFile(JSON.stringify({ talkNotesCatalog: 1, names: [{ name: 'X', kind: 'project', community: -1 }] }), 'x.json').problems, [
      'x.json: names[0] ("X", line 1): "community" must be a whole number of people, not -1; entry skipped',
    ]);
  });

  test('YAML 1.2: a name such as "Off" stays a string', () => {
    assert.equal(one('Off').kind, 'product');
  });

  test('names made only of English words are marked everyday; others are not', () => {
    assert.equal(one('Fleet').everyday, true);
    assert.equal(one('Acme Cloud Network').everyday, true);
    assert.equal(one('Cilium').everyday, undefined);
    assert.equal(one('Jane Doe').everyday, undefined);
    const unmarked = buildCatalog({ landscape: LANDSCAPE });
    assert.ok(unmarked.names.every((n) => n.everyday === undefined), 'no dictionary, no marks');
  });

  test('splitLandscapeName', () => {
    assert.deepEqual(splitLandscapeName('Open Policy Agent (OPA)'), { name: 'Open Policy Agent', aliases: ['OPA'], qualifier: undefined });
    assert.deepEqual(splitLandscapeName('Acme (member)'), { name: 'Acme', aliases: [], qualifier: 'member' });
    assert.deepEqual(splitLandscapeName('Azure Kubernetes Service (AKS) (Wasm)'), { name: 'Azure Kubernetes Service', aliases: ['AKS'], qualifier: 'wasm' });
    assert.deepEqual(splitLandscapeName('Citrix ADC (formerly NetScaler ADC)'), { name: 'Citrix ADC', aliases: ['NetScaler ADC'], qualifier: undefined });
    assert.deepEqual(splitLandscapeName('3-Shake (KCSP)'), { name: '3-Shake', aliases: [], qualifier: 'kcsp' });
  });

  test('shortDescription: short text kept, a long one cut to its first sentence or at a word', () => {
    assert.equal(shortDescription('  A policy engine.  '), 'A policy engine.');
    assert.equal(shortDescription('First sentence is here. ' + 'x'.repeat(120)), 'First sentence is here.');
    const cut = shortDescription('word '.repeat(40))!;
    assert.ok(cut.length <= 100 && cut.endsWith('word…'), cut);
    assert.equal(shortDescription(''), undefined);
  });
});

describe('buildCatalog: people', () => {
  test('a maintainer in both people sources is one person, roles and projects merged', () => {
    assert.deepEqual(one('Jane Doe'), {
      name: 'Jane Doe',
      kind: 'person',
      company: 'Acme',
      github: 'janedoe',
      roles: ['ambassador', 'maintainer'],
      projects: ['Open Policy Agent'],
    });
  });

  test('a continuation row belongs to the project above it, also under a sub-group ("Steering Committee")', () => {
    assert.deepEqual(one('Paco Xu').projects, ['Open Policy Agent']);
    assert.deepEqual(one('Ann Smith').projects, ['Open Policy Agent']);
    assert.equal(one('Ann Smith').company, undefined, '"Independent" is no company');
  });

  test('a second script is dropped; a handle-only row is skipped and noted', () => {
    assert.equal(named('Paco Xu 徐俊杰').length, 0);
    assert.equal(one('Paco Xu').github, 'pacoxu');
    assert.equal(names.filter((n) => n.name.includes('pacoxu2')).length, 0);
    assert.ok(built.notes.some((n) => n.includes('"pacoxu2" skipped')), built.notes.join('\n'));
    assert.ok(built.notes.some((n) => n.includes('"lower case" skipped')));
  });

  test('one GitHub handle, the same name but for accents: one person, the accented spelling, the other an alias', () => {
    const marko = one('Marko Mudrinić');
    assert.deepEqual(marko.aliases, ['Marko Mudrinic']);
    assert.deepEqual(marko.roles, ['ambassador', 'maintainer', 'toc']);
    assert.equal(marko.company, 'Kubermatic');
    assert.equal(named('Marko Mudrinic').length, 0);
  });

  test('a nickname in parentheses gives an alias; a note in parentheses is dropped', () => {
    assert.deepEqual(one('David Yu').aliases, ['Mengqi Yu']);
    assert.equal(one('Clayton Coleman').aliases, undefined);
  });

  test('companies named by people become company entries; staff job titles do not', () => {
    assert.deepEqual(one('Kubermatic'), { name: 'Kubermatic', kind: 'company' });
    assert.equal(one('DaoCloud').kind, 'company');
    assert.equal(one('Sam Staff').company, undefined);
    assert.equal(named('Senior Event Planner').length, 0);
    assert.equal(one('Dotan Example').github, undefined, 'not a GitHub profile');
  });

  test('projects no landscape name matches are noted and left out', () => {
    assert.equal(one('Zoe Zed').projects, undefined);
    assert.ok(built.notes.some((n) => n.includes('"Project Nobody Lists" matches no landscape name')));
    assert.ok(built.notes.some((n) => n.includes('"Clilium"')));
  });

  test('cleanPersonName', () => {
    assert.deepEqual(cleanPersonName('Paco Xu 徐俊杰'), { name: 'Paco Xu', aliases: [] });
    assert.deepEqual(cleanPersonName(' Alex  Leong '), { name: 'Alex Leong', aliases: [] });
    assert.deepEqual(cleanPersonName('Bill Ren (Ren Xudong)'), { name: 'Bill Ren', aliases: ['Ren Xudong'] });
    assert.deepEqual(cleanPersonName('Satoshi "Moris" Tagomori'), { name: 'Satoshi Tagomori', aliases: [] });
    assert.deepEqual(cleanPersonName('Dr.Wei Ding'), { name: 'Wei Ding', aliases: [] });
    assert.deepEqual(cleanPersonName("Jeroen Op 't Eynde"), { name: "Jeroen Op 't Eynde", aliases: [] });
    assert.deepEqual(cleanPersonName('Manas Sivakumar (Integration Tests Maintainer)'), { name: 'Manas Sivakumar', aliases: [] });
    for (const skipped of ['dims', 'Changjun_Xiao', 'William-wang', 'axel simon', 'Paul G', '子篆 林', '']) {
      assert.ok('skip' in cleanPersonName(skipped), skipped);
    }
  });

  test('cleanCompany', () => {
    assert.deepEqual(cleanCompany('Carabiner Systems, Inc'), { name: 'Carabiner Systems', aliases: [] });
    assert.deepEqual(cleanCompany('Hitachi, Ltd.'), { name: 'Hitachi', aliases: [] });
    assert.deepEqual(cleanCompany('Electronics and Telecommunications Research Institute (ETRI)'), { name: 'Electronics and Telecommunications Research Institute', aliases: ['ETRI'] });
    assert.deepEqual(cleanCompany('Nordcloud, an IBM company'), { name: 'Nordcloud', aliases: [] });
    assert.deepEqual(cleanCompany('WireMock Inc / CDF / Jenkins'), { name: 'WireMock', aliases: [] });
    for (const none of ['Independent', 'Individual - No Account', '-', '', 'Developer Advocate', 'kubernetes@.com']) assert.equal(cleanCompany(none), undefined, none);
  });
});

describe('buildCatalog: the file', () => {
  test('hand-kept names are merged in; counts per kind', () => {
    assert.deepEqual(one('Kubernetes Community Days'), { name: 'Kubernetes Community Days', kind: 'event', aliases: ['KCD'] });
    assert.deepEqual(countKinds(built.catalog), { project: 3, product: 3, company: 7, person: 9, event: 2, component: 1 });
  });

  test('sources list each file with its note', () => {
    const withNotes = build({ sourceNotes: { landscape: 'cncf/landscape at 153d699' }, fileNames: { landscape: 'landscape-2026.yml' } }).catalog.sources;
    assert.deepEqual(withNotes.map((s) => s.file), ['landscape-2026.yml', 'project-maintainers.csv', 'cncf-people.json', 'catalog-extra.json']);
    assert.match(withNotes[0].note!, /^cncf\/landscape at 153d699; \d+ items$/);
    assert.match(withNotes[2].note!, /cncf\/people people\.json at 0000cd40/);
    assert.match(withNotes[3].note!, /^kept by hand; 2 hand-kept names$/);
  });

  test('the same sources give the same text; it reads back without problems', () => {
    const text = formatCatalogFile(built.catalog);
    assert.equal(formatCatalogFile(build().catalog), text);
    const parsed = parseCatalogFile(text, 'catalog.json');
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.file, built.catalog);
    assert.equal(text.split('\n').filter((l) => l.startsWith('    {"name"')).length, names.length, 'one name a line');
  });

  test('malformed sources: an error naming the file and, where known, the line', () => {
    const bad = (inputs: Partial<Parameters<typeof buildCatalog>[0]>, pattern: RegExp): void => {
      assert.throws(() => buildCatalog({ landscape: LANDSCAPE, ...inputs }), (e: unknown) => e instanceof CatalogInputError && pattern.test(e.message));
    };
    bad({ landscape: 'landscape:\n  - category:\n    name: [unclosed\n' }, /^landscape\.yml:\d+:\d+: YAML syntax error: /);
    bad({ landscape: 'items: []\n' }, /^landscape\.yml: no top-level "landscape" list/);
    bad({ maintainers: ',Project,Maintainer Name\nGraduated,"Unclosed,Jane Doe\n' }, /^project-maintainers\.csv: CSV error: Quote Not Closed/);
    bad({ maintainers: 'a,b,c\n1,2,3\n' }, /^project-maintainers\.csv: no "Project" and "Maintainer Name" columns/);
    bad({ people: '{"people": [\n  {"name": "A B",}\n]}' }, /^cncf-people\.json:2:18: JSON syntax error: trailing comma/);
    bad({ people: '{"folks": []}' }, /^cncf-people\.json: no "people" list/);
    bad({ extra: '{"talkNotesCatalog": 1, "names": [{"name": "X", "kind": "robot"}]}' }, /^catalog-extra\.json: names\[0\] \("X", line 1\): "kind" must be one of/);
  });
});

describe('parseCatalogFile', () => {
  test('a syntax error: the file, line and column, and no catalog', () => {
    const text = '{\n  "talkNotesCatalog": 1,\n  "names": [\n    {"name": "Helm" "kind": "project"}\n  ]\n}\n';
    const parsed = parseCatalogFile(text, 'mine.json');
    assert.equal(parsed.file, undefined);
    assert.deepEqual(parsed.problems, [`mine.json:4:21: JSON syntax error: expected ',' or '}' after a field value, found '"'`]);
    assert.match(parseCatalogFile('{"talkNotesCatalog": 1, "names": [', 'cut.json').problems[0], /^cut\.json:1:35: JSON syntax error: unexpected end of file/);
  });

  test('bad entries are skipped with their index, name, line and field; valid ones are kept', () => {
    const text = [
      '{ "talkNotesCatalog": 1,',
      '  "sources": [ { "file": "hand.json" } ],',
      '  "names": [',
      '    {"name": "Helm", "kind": "project", "maturity": "graduated"},',
      '    {"name": "Robo", "kind": "robot"},',
      '    {"kind": "company"},',
      '    {"name": "Acme", "kind": "company", "maturity": "graduated"},',
      '    {"name": "Jane Doe", "kind": "person", "projects": "Helm"},',
      '    {"name": "Fleet", "kind": "project", "homepage": "fleet.example"},',
      '    {"name": "KubeCon", "kind": "event", "alias": ["KC"]}',
      '  ] }',
    ].join('\n');
    const parsed = parseCatalogFile(text, 'hand.json');
    assert.deepEqual(parsed.file?.names, [
      { name: 'Helm', kind: 'project', maturity: 'graduated' },
      { name: 'KubeCon', kind: 'event' },
    ]);
    assert.deepEqual(parsed.file?.sources, [{ file: 'hand.json' }]);
    assert.deepEqual(parsed.problems, [
      'hand.json: names[1] ("Robo", line 5): "kind" must be one of project, product, company, person, event, component, not "robot"; entry skipped',
      'hand.json: names[2] (line 6): no "name"; entry skipped',
      'hand.json: names[3] ("Acme", line 7): "maturity" is for kind "project" only (this is a company); entry skipped',
      'hand.json: names[4] ("Jane Doe", line 8): "projects" must be a list of non-empty strings; entry skipped',
      'hand.json: names[5] ("Fleet", line 9): "homepage" must be an http(s) URL, not "fleet.example"; entry skipped',
      'hand.json: names[6] ("KubeCon", line 10): unknown field "alias" ignored',
    ]);
  });

  test('not a catalog, or a newer format: no catalog, one clear problem', () => {
    assert.deepEqual(parseCatalogFile('[]', 'a.json').problems, ['a.json: not a Talk Notes catalog (expected a JSON object, found a list)']);
    assert.deepEqual(parseCatalogFile('{"names": []}', 'b.json').problems, ['b.json: not a Talk Notes catalog (no "talkNotesCatalog" field)']);
    assert.match(parseCatalogFile('{"talkNotesCatalog": 2, "names": []}', 'c.json').problems[0], /^c\.json: catalog format 2 is newer than this version of Talk Notes reads \(1\)/);
    assert.match(parseCatalogFile('{"talkNotesCatalog": 1, "names": {}}', 'd.json').problems[0], /^d\.json: "names" must be a list of names, found an object/);
    assert.equal(parseCatalogFile('\ufeff{"talkNotesCatalog": 1, "names": []}', 'bom.json').problems.length, 0);
  });
});

describe('talk-notes catalog (dist/cli.js)', () => {
  const CLI = path.join(REPO, 'dist', 'cli.js');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-notes-catalog-'));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const write = (name: string, text: string): string => {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const landscape = write('landscape.yml', LANDSCAPE);
  const maintainers = write('project-maintainers.csv', MAINTAINERS);
  const people = write('cncf-people.json', PEOPLE);
  const extra = write('catalog-extra.json', EXTRA);
  const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: tmp, encoding: 'utf8', timeout: 60_000 });

  test('dist/cli.js is built with the catalog command (npm run build)', () => {
    assert.ok(fs.existsSync(CLI), 'dist/cli.js is missing: run npm run build');
    assert.equal(run(['catalog', '--help']).status, 0, 'dist/cli.js has no catalog command: run npm run build');
  });

  test('builds and writes the catalog: exit 0, a one-line summary', () => {
    const out = path.join(tmp, 'out', 'catalog.json');
    fs.mkdirSync(path.dirname(out));
    const r = run(['catalog', '--landscape', landscape, '--maintainers', maintainers, '--people', people, '--extra', extra, '--out', out, '--note', 'landscape=cncf/landscape at 153d699']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^wrote .*catalog\.json: 25 names \(project 3, product 3, company 7, person 9, event 2, component 1\), \d+ KB; \d+ source records left out or unmatched \(--verbose lists them\)\n$/);
    const parsed = parseCatalogFile(fs.readFileSync(out, 'utf8'), 'catalog.json');
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.file!.sources[0].note, 'cncf/landscape at 153d699; 11 items');
    assert.equal(parsed.file!.names.find((n) => n.name === 'Fleet')?.everyday, true, 'the bundled dictionary marks everyday names');
    assert.deepEqual(fs.readdirSync(path.dirname(out)), ['catalog.json'], 'no temporary file left');
    const verbose = run(['catalog', '--landscape', landscape, '--maintainers', maintainers, '--out', out, '--verbose']);
    assert.equal(verbose.status, 0, verbose.stderr);
    assert.match(verbose.stdout, /"pacoxu2" skipped/);
  });

  test('malformed or unreadable input: exit 2, one line, nothing written', () => {
    const out = path.join(tmp, 'kept.json');
    fs.writeFileSync(out, 'previous catalog');
    const badYaml = write('bad.yml', 'landscape:\n  - category:\n    name: [unclosed\n');
    const badCsv = write('bad.csv', ',Project,Maintainer Name\nGraduated,"Unclosed,Jane\n');
    const badExtra = write('bad-extra.json', '{"talkNotesCatalog": 1, "names": [{"name": "X"}]}');
    const cases: [string[], RegExp][] = [
      [['--landscape', badYaml], /^talk-notes: bad\.yml:\d+:\d+: YAML syntax error: /],
      [['--landscape', landscape, '--maintainers', badCsv], /^talk-notes: bad\.csv: CSV error: /],
      [['--landscape', landscape, '--extra', badExtra], /^talk-notes: bad-extra\.json: names\[0\] \("X", line 1\): no "kind"/],
      [['--landscape', path.join(tmp, 'missing.yml')], /^talk-notes: cannot read '.*missing\.yml': no such file\n$/],
    ];
    for (const [args, message] of cases) {
      const r = run(['catalog', ...args, '--out', out]);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.equal(r.stdout, '');
      assert.equal(fs.readFileSync(out, 'utf8'), 'previous catalog', 'the existing file is untouched');
    }
    const noOut = path.join(tmp, 'never.json');
    assert.equal(run(['catalog', '--landscape', badYaml, '--out', noOut]).status, 2);
    assert.ok(!fs.existsSync(noOut));
    assert.ok(!fs.readdirSync(tmp).some((f) => f.endsWith('.tmp')), 'no temporary file left');
  });

  test('bad usage: exit 2 with a one-line message', () => {
    for (const [args, message] of [
      [['catalog', '--out', 'x.json'], /--landscape FILE is required/],
      [['catalog', '--landscape', landscape], /--out FILE is required/],
      [['catalog', '--landscape', landscape, '--out'], /--out needs a value/],
      [['catalog', '--landscape', landscape, '--out', 'x.json', '--frobnicate'], /unknown option '--frobnicate'/],
      [['catalog', '--landscape', landscape, '--out', 'x.json', '--note', 'nope=1'], /--note takes NAME=TEXT/],
      [['catalogue'], /unknown command 'catalogue' \(expected 'check', 'init' or 'catalog'\)/],
    ] as [string[], RegExp][]) {
      const r = run(args);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, message);
    }
    assert.ok(!fs.existsSync(path.join(tmp, 'x.json')));
  });

  test('the help names the catalog command', () => {
    const r = run(['--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /talk-notes catalog --landscape FILE/);
  });
});

describe('data/catalog.json (npm run catalog)', () => {
  const file = path.join(REPO, 'data', 'catalog.json');
  const text = fs.readFileSync(file, 'utf8');
  const parsed = parseCatalogFile(text, 'catalog.json');

  test('reads without problems, has every kind, stays small', () => {
    assert.deepEqual(parsed.problems, []);
    const counts = countKinds(parsed.file!);
    for (const [kind, n] of Object.entries(counts)) assert.ok(n > 0, `${kind}: ${n}`);
    assert.ok(Buffer.byteLength(text) < 600_000, `${Buffer.byteLength(text)} bytes`);
  });

  test('every CNCF project of the landscape, with its maturity; names once each', () => {
    const cncf = parsed.file!.names.filter((n) => n.maturity);
    assert.equal(cncf.length, 255);
    const keys = parsed.file!.names.map((n) => n.name.toLowerCase().replace(/\s+/g, ''));
    assert.equal(new Set(keys).size, keys.length);
    const kubecon = parsed.file!.names.find((n) => n.name === 'KubeCon');
    assert.equal(kubecon?.kind, 'event');
    assert.deepEqual(parsed.file!.names.find((n) => n.name === 'Open Policy Agent')?.aliases, ['OPA']);
  });
});

describe('sub-projects from the maintainer records', () => {
  test('a project name and a capitalized part is a sub-project; groups of people and versions are not', () => {
    assert.equal(subProjectName('Tekton Chains', 'Tekton'), 'Tekton Chains');
    assert.equal(subProjectName('Envoy: Gateway (non-voting)', 'Envoy'), 'Envoy Gateway');
    assert.equal(subProjectName('Istio: Steering Committee', 'Istio'), undefined);
    assert.equal(subProjectName('Kubernetes steering', 'Kubernetes'), undefined);
    assert.equal(subProjectName('Operator Framework: Lifecycle Manager v1', 'Operator Framework'), undefined);
    assert.equal(subProjectName('Operator Framework: SDK', 'Operator Framework'), undefined);
    assert.equal(subProjectName('Tekton', 'Tekton'), undefined);
    assert.equal(subProjectName('OpenTelemetry (Governance Committee)', 'OpenTelemetry'), undefined);
  });
});
