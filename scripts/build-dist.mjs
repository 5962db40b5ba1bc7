// Part of `npm run build` (package.json): `clean` empties dist/ before tsc compiles src/ into it;
// `assets` then copies the files tsc does not emit (the dashboard's CSS and browser script, and any
// other non-TypeScript file under src/), so code that finds its assets relative to import.meta.url
// finds them in dist/ exactly as in src/.
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');

const step = process.argv[2];
if (step === 'clean') {
  rmSync(dist, { recursive: true, force: true });
} else if (step === 'assets') {
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.endsWith('.ts')) continue;
    const from = join(entry.parentPath, entry.name);
    cpSync(from, join(dist, relative(src, from)));
  }
} else {
  console.error('usage: node scripts/build-dist.mjs clean|assets');
  process.exit(2);
}
