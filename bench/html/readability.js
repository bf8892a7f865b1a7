// readability.js - times Mozilla Readability.js (on jsdom, as the Article Extraction
// Benchmark runs it) over the same pages as `corroborate eval html --bench`: every
// DIR/html/*.html.gz page, ROUNDS passes, CPU time of this process. Prints one line:
// "readability.js: P pages x R rounds in S s CPU: X pages/s per core".
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

const dir = process.argv[2];
const rounds = Number(process.argv[3] || 1);
if (!dir) { console.error('usage: node readability.js DIR [ROUNDS]'); process.exit(2); }
const truth = JSON.parse(fs.readFileSync(path.join(dir, 'ground-truth.json'), 'utf8'));
const pages = Object.keys(truth).map(id => ({
  id, url: truth[id].url,
  html: zlib.gunzipSync(fs.readFileSync(path.join(dir, 'html', id + '.html.gz'))).toString('utf8'),
}));
const quiet = new VirtualConsole();   // pages' CSS/JS problems are not ours to print
let chars = 0;
const t0 = process.cpuUsage();
const w0 = process.hrtime.bigint();
for (let r = 0; r < rounds; r++) {
  for (const p of pages) {
    const dom = new JSDOM(p.html, { url: p.url, virtualConsole: quiet });
    const art = new Readability(dom.window.document).parse();
    chars += art && art.textContent ? art.textContent.length : 0;
    dom.window.close();
  }
}
const t = process.cpuUsage(t0);
const cpu = (t.user + t.system) / 1e6;
const wall = Number(process.hrtime.bigint() - w0) / 1e9;
const n = pages.length * rounds;
console.log(`readability.js: ${pages.length} pages x ${rounds} rounds in ${cpu.toFixed(3)} s CPU ` +
            `(${wall.toFixed(3)} s wall): ${(n / cpu).toFixed(1)} pages/s per core (${chars} chars extracted)`);
