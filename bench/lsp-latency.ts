// One size of the benchmark's language-server section, in its own process so that the client's memory and
// garbage collection are not the rest of the benchmark's: opens the file over stdio, types EDITS words at
// random line starts, each timed from didChange to the publishDiagnostics of its version, then times
// completion and document symbols. Prints a summary line, then the numbers as JSON (read by run.ts).
// Usage: node --import tsx bench/lsp-latency.ts FILE LINES EDITS
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../test/protocol/lsp-client.ts';
import { random } from './generate.ts';
import { median, ms, pct } from './stats.ts';

async function main(): Promise<void> {
  const [file, linesArg, editsArg] = process.argv.slice(2);
  const lines = Number(linesArg);
  const EDITS = Number(editsArg);
  const text = fs.readFileSync(file, 'utf8');
  const t0 = performance.now();
  const { client } = await LspClient.start({ configuration: false });
  const initMs = performance.now() - t0;
  const uri = pathToFileURL(file).href;
  const tOpen = performance.now();
  const since = client.publishes.length;
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await client.waitForDiagnostics(uri, since, () => true, 60_000);
  const openMs = performance.now() - tOpen;
  client.clearHistory();

  const rnd = random(lines);
  const words = ['Kuberentes ', 'Prometheus ', 'Cillium ', 'note: ', 'Envoy ', 'TODO ', 'Kelsie Hightower ', 'etcd '];
  // The inserted words hold no line break, so the line count stays that of the opened text. (The client
  // keeps no copy of the text: its own string building would add its garbage collection to the timings.)
  let lineCount = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineCount++;
  const latencies: number[] = [];
  for (let k = 0; k < EDITS; k++) {
    const line = Math.floor(rnd() * lineCount);
    const word = words[Math.floor(rnd() * words.length)];
    const t = performance.now();
    await client.change(uri, k + 2, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: word }]);
    latencies.push(performance.now() - t);
    // An editor keeps a document's latest diagnostics, not every publish since it opened.
    client.clearHistory();
  }
  const completion: number[] = [];
  // As many completions as edits: a 95th percentile of 20 samples would be the maximum.
  for (let k = 0; k < EDITS; k++) {
    const line = Math.floor(rnd() * lines);
    const t = performance.now();
    await client.request('textDocument/completion', { textDocument: { uri }, position: { line, character: 3 } });
    completion.push(performance.now() - t);
  }
  const symbols: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    symbols.push(performance.now() - t);
  }
  const status = fs.readFileSync(`/proc/${client.child.pid}/status`, 'utf8');
  const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
  const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
  await client.stop();
  console.log(
    `${String(lines).padStart(6)} lines  initialize ${ms(initMs)}  open→publish ${ms(openMs)}  ` +
      `keystroke→publish p50 ${ms(median(latencies))} p95 ${ms(pct(latencies, 95))} max ${ms(Math.max(...latencies))}  ` +
      `completion p50 ${ms(median(completion))} p95 ${ms(pct(completion, 95))}  symbols p50 ${ms(median(symbols))}  RSS ${rss.toFixed(0)} MB (peak ${hwm.toFixed(0)} MB)`,
  );
  console.log(JSON.stringify({ p95: pct(latencies, 95), completionP95: pct(completion, 95), initMs }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
