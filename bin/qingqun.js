#!/usr/bin/env node
// The `qingqun` command. An installed package runs the JavaScript compiled into dist/ (`npm run
// build`, run by `npm pack`); a checkout, which has src/ beside bin/, runs the TypeScript through
// tsx (a dev dependency), so development needs no build step and never runs a stale dist/.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import('../dist/cli/main.js');
}
