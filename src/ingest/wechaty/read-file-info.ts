import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FileBoxInterface } from 'file-box';
import { errorText, type Logger } from '../../logging/logger.js';
import type { FileInfo } from '../../model/message.js';

/** Files above this size keep their name and size but are not hashed (a download per message). */
export const DEFAULT_MAX_HASH_BYTES = 20 * 1024 * 1024;
export const DEFAULT_HASH_TIMEOUT_MS = 30_000;

const SHA256_HEX = /^[0-9a-f]{64}$/i;

export interface ReadFileInfoOptions {
  maxBytes?: number;
  timeoutMs?: number;
  /**
   * Told (debug) why the content could not be hashed: the error's message only, never content; the
   * caller's child logger carries the message id.
   */
  log?: Logger;
}

/**
 * Name, size and sha256 of a file, image or sticker. Contract: never throws; a hash it cannot get
 * cheaply (too big, unreadable, too slow) is null. A box whose md5 field already holds a 64-hex
 * digest (sources that announce the sha256, like the simulation) is trusted without reading.
 */
export async function readFileInfo(
  box: FileBoxInterface,
  options: ReadFileInfoOptions = {},
): Promise<FileInfo> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_HASH_BYTES;
  const name = box.name || null;
  const knownSize = box.size >= 0 ? box.size : null;
  if (typeof box.md5 === 'string' && SHA256_HEX.test(box.md5)) {
    return { name, size: knownSize, sha256: box.md5.toLowerCase() };
  }
  if (knownSize !== null && knownSize > maxBytes) return { name, size: knownSize, sha256: null };
  try {
    const read = await hashStream(
      await box.toStream(),
      maxBytes,
      options.timeoutMs ?? DEFAULT_HASH_TIMEOUT_MS,
    );
    if (read.sha256 === null) notHashed(options.log, 'larger than the hashing cap');
    return { name, size: knownSize ?? read.bytes, sha256: read.sha256 };
  } catch (error) {
    notHashed(options.log, errorText(error));
    return { name, size: knownSize, sha256: null };
  }
}

function notHashed(log: Logger | undefined, why: string): void {
  log?.debug(
    { detail: 'file', error: errorText(`content not hashed: ${why}`) },
    'message detail unavailable',
  );
}

/** Hashes a stream, giving up (sha256 null, bytes null) past maxBytes and failing after timeoutMs. */
function hashStream(
  stream: Readable,
  maxBytes: number,
  timeoutMs: number,
): Promise<{ bytes: number | null; sha256: string | null }> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    let bytes = 0;
    const finish = (fn: () => void) => {
      clearTimeout(timer);
      stream.removeAllListeners('data');
      fn();
    };
    const timer = setTimeout(() => {
      finish(() => reject(new Error(`reading the content took longer than ${timeoutMs} ms`)));
      stream.destroy();
    }, timeoutMs);
    timer.unref();
    stream.on('data', (chunk: Buffer | string) => {
      bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
      if (bytes > maxBytes) {
        finish(() => resolve({ bytes: null, sha256: null }));
        stream.destroy();
        return;
      }
      hash.update(chunk);
    });
    stream.once('end', () => finish(() => resolve({ bytes, sha256: hash.digest('hex') })));
    // `on`, not `once`: a late second error must not become an uncaught exception.
    stream.on('error', (error) => finish(() => reject(error)));
  });
}
