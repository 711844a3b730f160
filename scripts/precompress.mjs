// Writes .br and .gz beside the built assets so the server sends them precompressed at the highest quality
// (slow rural networks), and prints their sizes. Node's zlib has brotli built in: no extra tool to install.
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? 'target/site/pkg';
const rows = [];
for (const name of readdirSync(dir)) {
  if (!/\.(wasm|js|css)$/.test(name)) continue;
  const path = join(dir, name);
  const raw = readFileSync(path);
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
  const gz = gzipSync(raw, { level: 9 });
  writeFileSync(path + '.br', br);
  writeFileSync(path + '.gz', gz);
  rows.push({ file: name, raw: statSync(path).size, gzip: gz.length, brotli: br.length });
}
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
for (const r of rows) console.log(`${r.file.padEnd(16)} raw ${kb(r.raw).padStart(10)}  gzip ${kb(r.gzip).padStart(10)}  brotli ${kb(r.brotli).padStart(10)}`);
