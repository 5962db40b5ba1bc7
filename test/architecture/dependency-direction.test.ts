/**
 * The direction of dependencies (issue 16): src/ folders import only from lower layers at run time
 * (.dependency-cruiser.cjs lists the layers), no file reaches itself through run-time imports, and no
 * two folders import each other. dependency-cruiser's cruise() reads the imports and applies the rules;
 * `import type` is erased at run time, so such edges are dropped (TypeScript 7 has no compiler API
 * that dependency-cruiser could use to mark them 'type-only', so this test reads the import itself).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { cruise, type IViolation } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const config = createRequire(import.meta.url)(join(ROOT, '.dependency-cruiser.cjs'));

/**
 * Edges known to break the rules, each with the reason and who removes it. Empty: keep it so, or
 * name the edge (as 'from -> to' or a prefix of it) and why here.
 */
const KNOWN: readonly string[] = [];
const known = (edge: string) => KNOWN.some((k) => edge.startsWith(k));

/** The relative imports of `file` that exist at run time (not `import type`, not all-`type` braces). */
function runTimeImports(cwd: string, file: string): Set<string> {
  const source = readFileSync(join(cwd, file), 'utf8');
  const out = new Set<string>();
  const statement = /^(?:import|export)\s+(type\s+)?([^;]*?)\s*from\s*['"](\.[^'"]+)['"]/gms;
  for (const m of source.matchAll(statement)) {
    if (m[1]) continue;
    const names = /^\{([^}]*)\}$/s.exec(m[2] ?? '');
    const all = names?.[1]
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (all && all.length > 0 && all.every((s) => s.startsWith('type '))) continue;
    out.add(join(dirname(file), (m[3] ?? '').replace(/\.js$/, '.ts')));
  }
  for (const m of source.matchAll(/import\(\s*['"](\.[^'"]+)['"]\s*\)/g))
    out.add(join(dirname(file), (m[1] ?? '').replace(/\.js$/, '.ts')));
  return out;
}

interface Checked {
  /** Rule violations on run-time edges, as 'rule: from -> to' (cycles: 'no-circular: a -> b -> … -> a'). */
  violations: string[];
  /** Pairs of folders under `root` importing each other at run time, as 'a <-> b: one edge each way'. */
  folderCycles: string[];
  /**
   * Files that reach themselves when `import type` counts too: harmless at run time, but a scan that
   * reads every import (madge, an editor's graph) sees a loop, and the shapes belong in a file both
   * sides can import. Kept at none as well.
   */
  typeCycles: string[];
}

async function check(cwd: string, root: string): Promise<Checked> {
  const result = await cruise([root], {
    ...config.options,
    tsConfig: undefined,
    baseDir: cwd,
    ruleSet: { forbidden: config.forbidden },
    validate: true,
  });
  if (typeof result.output === 'string') throw new Error('cruise() returned text');
  const imports = new Map<string, Set<string>>();
  const runTime = (from: string, to: string) => {
    let set = imports.get(from);
    if (!set) {
      set = runTimeImports(cwd, from);
      imports.set(from, set);
    }
    return set.has(to);
  };
  const violations = new Set<string>();
  const typeCycles = new Set<string>();
  for (const v of result.output.summary.violations as IViolation[]) {
    if (v.rule.name === 'no-circular') {
      const path = [v.from, ...(v.cycle ?? []).map((c) => (typeof c === 'string' ? c : c.name))];
      const edges = path.slice(0, -1).map((from, i) => [from, path[i + 1] as string] as const);
      typeCycles.add([...path.slice(0, -1)].sort().join(' , '));
      if (edges.every(([a, b]) => runTime(a, b)) && !edges.some(([a, b]) => known(`${a} -> ${b}`)))
        violations.add(`no-circular: ${path.join(' -> ')}`);
      continue;
    }
    const edge = `${v.from} -> ${v.to}`;
    if (runTime(v.from, v.to) && !known(edge)) violations.add(`${v.rule.name}: ${edge}`);
  }
  // Folder level: every run-time edge between two folders directly under `root`.
  const folderOf = (file: string) => relative(root, file).split('/')[0] ?? '';
  const between = new Map<string, string>();
  for (const m of result.output.modules) {
    if (!m.source.startsWith(`${root}/`)) continue;
    for (const d of m.dependencies) {
      const edge = `${m.source} -> ${d.resolved}`;
      if (!d.resolved.startsWith(`${root}/`) || known(edge) || !runTime(m.source, d.resolved)) continue;
      const [a, b] = [folderOf(m.source), folderOf(d.resolved)];
      if (a !== b && !a.endsWith('.ts') && !b.endsWith('.ts') && !between.has(`${a}>${b}`))
        between.set(`${a}>${b}`, edge);
    }
  }
  const folderCycles: string[] = [];
  for (const [key, edge] of between) {
    const [a, b] = key.split('>') as [string, string];
    const back = between.get(`${b}>${a}`);
    if (back && a < b) folderCycles.push(`${a} <-> ${b}: ${edge}; ${back}`);
  }
  return { violations: [...violations].sort(), folderCycles, typeCycles: [...typeCycles].sort() };
}

describe('dependency direction', () => {
  it('src/ imports only downwards at run time, without cycles between files or folders', async () => {
    const { violations, folderCycles, typeCycles } = await check(ROOT, 'src');
    expect(violations, 'imports against the layer order (.dependency-cruiser.cjs)').toEqual([]);
    expect(folderCycles, 'folders importing each other at run time').toEqual([]);
    expect(typeCycles, 'files reaching themselves when `import type` counts too').toEqual([]);
  }, 120_000);

  it('catches a planted cycle and ignores type-only imports', async () => {
    const cwd = join(ROOT, 'test/architecture/fixtures');
    const { violations, folderCycles, typeCycles } = await check(cwd, 'src');
    expect(folderCycles).toEqual(['one <-> two: src/one/a.ts -> src/two/b.ts; src/two/b.ts -> src/one/c.ts']);
    // two/f ↔ two/g is a file cycle; d ↔ e import each other only as types, so they are none.
    expect(violations.filter((v) => v.startsWith('no-circular'))).toEqual([
      'no-circular: src/two/f.ts -> src/two/g.ts -> src/two/f.ts',
    ]);
    // Counting types too, d ↔ e is a loop (and f ↔ g still is).
    expect(typeCycles).toEqual(expect.arrayContaining(['src/two/f.ts , src/two/g.ts']));
    expect(typeCycles.some((c) => c.includes('/d.ts') && c.includes('/e.ts'))).toBe(true);
  }, 60_000);
});
