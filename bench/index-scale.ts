// The workspace index at scale, in its own process (see run.ts): a server over stdio with a generated
// workspace of FILES notes files, timed from initialize to its "indexed N notes files" log line, and its
// RSS then (and its peak). With `workspace`, talkNotes.problems is "workspace": the time runs to the last
// file's diagnostics instead. Prints a summary line, then the numbers as JSON (read by run.ts).
// Usage: node --import tsx bench/index-scale.ts DIR FILES BYTES [workspace]
import * as fs from 'node:fs';
import { LspClient } from '../test/protocol/lsp-client.ts';
import { generateWorkspace } from './generate.ts';

async function main(): Promise<void> {
  const [dir, filesArg, bytesArg, mode] = process.argv.slice(2);
  const files = Number(filesArg);
  generateWorkspace(dir, files, Number(bytesArg));
  const workspace = mode === 'workspace';
  const t0 = performance.now();
  const { client } = await LspClient.start({ configuration: false, workspaceFolder: dir, initializationOptions: { settings: { problems: workspace ? 'workspace' : 'openFiles' } } });
  const indexed = await client.waitFor(
    'the index',
    () => client.notifications.map((n) => /indexed (\d+) notes files/.exec((n.params as { message?: string }).message ?? '')).find((m): m is RegExpExecArray => !!m),
    600_000,
  );
  let seconds = (performance.now() - t0) / 1000;
  if (workspace) {
    // Every file's diagnostics (every generated file has some problems).
    await client.waitFor('every file\'s diagnostics', () => (new Set(client.publishes.map((p) => p.uri)).size >= Number(indexed[1]) ? true : undefined), 600_000);
    seconds = (performance.now() - t0) / 1000;
  }
  const status = fs.readFileSync(`/proc/${client.child.pid}/status`, 'utf8');
  const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
  const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
  // The server's CPU time (user + system, in clock ticks of 1/100 s): steadier than the wall time on a busy machine.
  const stat = fs.readFileSync(`/proc/${client.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const cpu = (Number(stat[11]) + Number(stat[12])) / 100;
  const publishes = client.publishes.length;
  await client.stop();
  console.log(
    `${indexed[1]} files${workspace ? ', problems: workspace' : ''}: initialize → ${workspace ? 'every file published' : 'indexed'} ${seconds.toFixed(2)} s, CPU ${cpu.toFixed(1)} s, RSS ${rss.toFixed(0)} MB (peak ${hwm.toFixed(0)} MB)` +
      (workspace ? `, ${publishes} publishes` : ''),
  );
  console.log(JSON.stringify({ files: Number(indexed[1]), seconds, cpu, rss, hwm }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
