// Preloaded into benchmarked commands: appends the process's peak RSS (KB) to $TALK_NOTES_BENCH_RSS at exit.
const fs = require('node:fs');
const file = process.env.TALK_NOTES_BENCH_RSS;
if (file) process.on('exit', () => fs.appendFileSync(file, `${process.resourceUsage().maxRSS}\n`));
