import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configSchema } from '../../src/config/schema.js';

/**
 * Issue 16 item 1: the schema is the one source of defaults and config/default.yaml documents them.
 * They must agree on every key and every value; secrets come from the environment only and are
 * deliberately absent from the file.
 */
const YAML_PATH = fileURLToPath(new URL('../../config/default.yaml', import.meta.url));
const ENV_ONLY = [
  'puppet.token',
  'webhook.secret',
  'web.tokens',
  'deliver.email.password',
  'deliver.wecom.secret',
  'deliver.wecom.callbackToken',
  'deliver.wecom.encodingAesKey',
  'deliver.wecomRobot.key',
];

type Tree = Record<string, unknown>;
const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every leaf as dotted path → value; empty mappings (e.g. `groupUnits: {}`) are leaves. */
function leaves(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isTree(value) && Object.keys(value).length > 0) {
      for (const [p, v] of leaves(value, path)) out.set(p, v);
    } else out.set(path, value);
  }
  return out;
}

describe('config/default.yaml and the schema defaults', () => {
  const yaml = leaves(parse(readFileSync(YAML_PATH, 'utf8')) as Tree);
  const schema = leaves(configSchema.parse({}) as Tree);

  it('list the same keys (secrets only in the environment)', () => {
    const schemaKeys = [...schema.keys()].filter((k) => !ENV_ONLY.includes(k)).sort();
    expect([...yaml.keys()].sort()).toEqual(schemaKeys);
    for (const secret of ENV_ONLY) expect(yaml.has(secret), secret).toBe(false);
  });

  it('give every key the same value', () => {
    for (const [key, value] of yaml) expect(value, key).toEqual(schema.get(key));
  });

  it('keep the duplicate threshold the measured comment argues for (0.7, not 0.6)', () => {
    expect(yaml.get('analysis.duplicates.jaccard')).toBe(0.7);
    expect(schema.get('analysis.duplicates.jaccard')).toBe(0.7);
  });

  it('the YAML is valid configuration that changes nothing when loaded as a local file', () => {
    expect(configSchema.parse(parse(readFileSync(YAML_PATH, 'utf8')))).toEqual(configSchema.parse({}));
  });
});
