// Deterministic notes of any size for the benchmark: the sample's talks repeated with varied headings,
// speakers and seeded typos, so big files look like real ones (and have problems to find).
import * as fs from 'node:fs';
import * as path from 'node:path';

const SAMPLE = fs.readFileSync(path.resolve(__dirname, '..', 'data', 'demo', 'kubecon-notes.md'), 'utf8');

const TOPICS = ['Scaling etcd', 'Cilium at the edge', 'Platform engineering', 'GitOps with Flux', 'Observability pipelines', 'Policy as code', 'Serverless with Knative', 'Storage on Rook', 'Service mesh lessons', 'Multi-cluster with Karmada'];
const SPEAKERS = ['Liz Rice', 'Tim Hockin', 'Kelsey Hightower', 'Priyanka Sharma', 'Derek Collison', 'Matt Klein', 'Lachlan Evenson', 'Bryan Liles'];
const SLIPS: [RegExp, string][] = [
  [/\bPrometheus\b/, 'Promethus'],
  [/\bKubernetes\b/, 'Kubernets'],
  [/\bcontainer\b/, 'contianer'],
  [/\bJetStream\b/, 'Jetstream'],
  [/\bservices\b/, 'servcies'],
];

/** A small seeded PRNG (mulberry32), so every run generates the same notes. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateNotes(lines: number, seed = 42): string {
  const rnd = random(seed);
  const out: string[] = ['# KubeCon notes', ''];
  const body = SAMPLE.split('\n');
  let talk = 0;
  while (out.length < lines) {
    const topic = TOPICS[talk % TOPICS.length];
    out.push(`## ${topic} (${talk + 1})`, `${SPEAKERS[Math.floor(rnd() * SPEAKERS.length)]} - maintainer`, '');
    const start = Math.floor(rnd() * (body.length - 40));
    for (const line of body.slice(start, start + 40)) {
      let l = line.replace(/^###+ /, '### ');
      if (rnd() < 0.05) {
        const [pattern, slip] = SLIPS[Math.floor(rnd() * SLIPS.length)];
        l = l.replace(pattern, slip);
      }
      out.push(l);
    }
    out.push('');
    talk++;
  }
  return out.slice(0, lines).join('\n') + '\n';
}

/** Notes of about `bytes` bytes. */
export function generateBytes(bytes: number, seed = 7): string {
  const perLine = generateNotes(2000, seed).length / 2000;
  return generateNotes(Math.ceil(bytes / perLine), seed);
}

/**
 * A workspace of `files` notes files of about `bytes` each (a few per folder, as conference notes are kept),
 * each with its own seed; written once and reused while the same size is asked for.
 */
export function generateWorkspace(dir: string, files: number, bytes: number): string {
  const stamp = path.join(dir, `.generated-${files}x${bytes}`);
  if (fs.existsSync(stamp)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  const perLine = generateNotes(2000, 7).length / 2000;
  const lines = Math.ceil(bytes / perLine);
  for (let k = 0; k < files; k++) {
    const folder = path.join(dir, `conference-${String(Math.floor(k / 50)).padStart(3, '0')}`);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `notes-${k}.md`), generateNotes(lines, 1000 + k));
  }
  fs.writeFileSync(stamp, '');
  return dir;
}
