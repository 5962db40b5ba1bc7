/**
 * One line of JSON text → a validated interchange record, or the first problem found, named by
 * field (dotted path, e.g. `file.size`; `line` for problems of the line as a whole). Never throws.
 * Problems never quote message text, only short excerpts of kinds and types.
 */
import type { z } from 'zod';
import { describeValue } from './describe-value.js';
import type { InterchangeSchemas, ValidRecord } from './interchange-schemas.js';
import { storableLine, wellFormedMessage } from './well-formed-message.js';

export const RECORD_KINDS = ['group', 'contact', 'message'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** A failure carries the record's kind once it is known (the line was an object with a valid "kind"). */
export type RecordResult =
  | { ok: true; record: ValidRecord }
  | { ok: false; kind: RecordKind | null; field: string; problem: string };

export function parseRecord(json: string, schemas: InterchangeSchemas): RecordResult {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { ok: false, kind: null, field: 'line', problem: describeJsonError(error) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      kind: null,
      field: 'line',
      problem: `expected a JSON object, got ${typeName(value)}`,
    };
  }
  const kind = (value as { kind?: unknown }).kind;
  if (kind === undefined) return { ok: false, kind: null, field: 'kind', problem: 'required' };
  if (typeof kind !== 'string' || !(RECORD_KINDS as readonly string[]).includes(kind)) {
    const problem = `unknown kind ${describeValue(kind)} (expected group, contact or message)`;
    return { ok: false, kind: null, field: 'kind', problem };
  }
  const known = kind as RecordKind;
  if (known === 'message') {
    const record = wellFormedMessage(value as Record<string, unknown>, schemas.now, storableLine(json));
    if (record) return { ok: true, record };
  }
  const result = schemas[known].safeParse(value);
  if (result.success) return { ok: true, record: result.data };
  const [first, ...rest] = result.error.issues;
  if (!first) return { ok: false, kind: known, field: 'line', problem: 'invalid record' };
  const more =
    rest.length > 0 ? ` (and ${rest.length} more ${rest.length === 1 ? 'problem' : 'problems'})` : '';
  const field = first.path.length > 0 ? first.path.map(String).join('.') : 'line';
  return { ok: false, kind: known, field, problem: wordIssue(first, value) + more };
}

function describeJsonError(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  if (/end of JSON input|Unterminated string/i.test(message))
    return 'invalid JSON: ends early (truncated line?)';
  // V8's messages quote the input; keep only the position so no message text reaches the logs.
  const position = /position (\d+)/.exec(message)?.[1];
  return position === undefined ? 'invalid JSON' : `invalid JSON at character ${Number(position) + 1}`;
}

/** Words zod's built-in issues (zod's own words name no field values); checks carry their own messages. */
function wordIssue(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const input = valueAt(value, issue.path);
      if (input === undefined) return 'required';
      return `expected ${issue.expected === 'int' ? 'an integer' : issue.expected}, got ${typeName(input)}`;
    }
    case 'too_small':
      return `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}`;
    default:
      return issue.message;
  }
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isInteger(value)) return 'a fractional number';
  return typeof value;
}
