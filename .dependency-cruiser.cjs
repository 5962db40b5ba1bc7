/**
 * The direction of dependencies among src/ folders (issue 16), checked by
 * test/architecture/dependency-direction.test.ts through dependency-cruiser's cruise() API (and by
 * `npx depcruise src --config .dependency-cruiser.cjs`). Bottom to top; a folder imports only from
 * folders in lower layers at run time. Folders in one layer do not import each other unless listed in
 * SIBLINGS. `import type` is free: it disappears at run time (dependencyTypesNot: ['type-only']).
 */
const LAYERS = [
  ['platform', 'model', 'config', 'logging'],
  ['text', 'calendar'],
  ['privacy'],
  ['store'],
  ['ingest', 'analysis'],
  ['recommend'],
  ['render'],
  ['weeks'],
  ['converse', 'deliver', 'web'],
  ['app'],
  ['cli'],
];

/** Same-layer imports that are allowed (from → to). */
const SIBLINGS = [
  ['config', 'platform'],
  ['config', 'model'],
  ['logging', 'platform'],
  ['logging', 'config'],
  ['model', 'platform'],
  ['web', 'deliver'],
];

const runTime = { dependencyTypesNot: ['type-only'] };
const folder = (names) => `^src/(${names.join('|')})/`;

const forbidden = [];
LAYERS.forEach((layer, i) => {
  const higher = LAYERS.slice(i + 1).flat();
  for (const name of layer) {
    if (higher.length > 0) {
      forbidden.push({
        name: `layer-${name}`,
        comment: `src/${name}/ imports only from lower layers (${LAYERS.slice(0, i).flat().join(', ') || 'none'})`,
        severity: 'error',
        from: { path: folder([name]) },
        to: { path: folder(higher), ...runTime },
      });
    }
    const siblings = layer.filter(
      (other) => other !== name && !SIBLINGS.some(([a, b]) => a === name && b === other),
    );
    if (siblings.length > 0) {
      forbidden.push({
        name: `sibling-${name}`,
        comment: `src/${name}/ does not import the other folders of its layer`,
        severity: 'error',
        from: { path: folder([name]) },
        to: { path: folder(siblings), ...runTime },
      });
    }
  }
});

forbidden.push({
  name: 'no-circular',
  comment: 'no file reaches itself through run-time imports',
  severity: 'error',
  from: { path: '^src/' },
  to: { circular: true, viaOnly: runTime },
});

module.exports = {
  LAYERS,
  SIBLINGS,
  forbidden,
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    // TypeScript's own parse, so that `import type` is seen and marked 'type-only' (then ignored above).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.cjs'] },
  },
};
