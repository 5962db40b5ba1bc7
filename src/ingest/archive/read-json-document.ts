/**
 * Reads a whole JSON document (an export that is one array or object rather than JSON Lines).
 * JSON.parse needs the whole text in memory, so documents are capped; bigger exports should be
 * JSON Lines (ChatLab and the WeCom archive both have a line form).
 */
import { readFile, stat } from 'node:fs/promises';

/** V8 cannot hold a string much over 512 MiB; stay well below. */
export const MAX_JSON_DOCUMENT_BYTES = 400 * 1024 * 1024;

export type JsonDocument = { ok: true; value: unknown; lines: number } | { ok: false; problem: string };

/** Throws only fs errors (missing file, permissions); content problems come back as `ok: false`. */
export async function readJsonDocument(file: string): Promise<JsonDocument> {
  const { size } = await stat(file);
  if (size > MAX_JSON_DOCUMENT_BYTES) {
    return {
      ok: false,
      problem: `${size} bytes is too big for one JSON document (limit ${MAX_JSON_DOCUMENT_BYTES}); export JSON Lines instead`,
    };
  }
  const bytes = await readFile(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: 'not valid UTF-8' };
  }
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  try {
    return { ok: true, value: JSON.parse(text), lines };
  } catch (error) {
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
    return {
      ok: false,
      problem:
        position === undefined
          ? 'invalid JSON (truncated?)'
          : `invalid JSON at character ${Number(position) + 1}`,
    };
  }
}
