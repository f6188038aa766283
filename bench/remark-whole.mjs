// Baseline: parse a whole file at once with remark-parse (what a naive checker does on every keystroke).
import * as fs from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
const text = fs.readFileSync(process.argv[2], 'utf8');
unified().use(remarkParse).parse(text);
