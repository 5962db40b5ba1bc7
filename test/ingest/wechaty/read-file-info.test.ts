import { createHash } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { FileBox } from 'file-box';
import { describe, expect, it } from 'vitest';
import { readFileInfo } from '../../../src/ingest/wechaty/read-file-info.js';
import { memoryLogger } from '../../fixtures/memory-logger.js';

const content = Buffer.from('关于报送年度考核材料的通知');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('readFileInfo', () => {
  it('hashes readable content', async () => {
    const box = FileBox.fromBase64(content.toString('base64'), '通知.docx');
    expect(await readFileInfo(box)).toEqual({
      name: '通知.docx',
      size: content.length,
      sha256: sha256(content),
    });
  });

  it('keeps name and size but does not read a file above the cap', async () => {
    const box = FileBox.fromBase64(content.toString('base64'), '通知.docx');
    const info = await readFileInfo(box, { maxBytes: content.length - 1 });
    expect(info).toEqual({ name: '通知.docx', size: content.length, sha256: null });
    expect(await readFileInfo(box, { maxBytes: content.length })).toMatchObject({ sha256: sha256(content) });
  });

  it('stops a stream of unknown size at the cap', async () => {
    const box = FileBox.fromStream(Readable.from([content, content, content]), 'big.bin');
    expect(await readFileInfo(box, { maxBytes: content.length * 2 })).toEqual({
      name: 'big.bin',
      size: null,
      sha256: null,
    });
    const small = FileBox.fromStream(Readable.from([content, content]), 'ok.bin');
    expect(await readFileInfo(small, { maxBytes: content.length * 2 })).toEqual({
      name: 'ok.bin',
      size: content.length * 2,
      sha256: sha256(Buffer.concat([content, content])),
    });
  });

  it('trusts an announced sha256 and never throws on unreadable content', async () => {
    const hash = 'AB'.repeat(32);
    const announced = FileBox.fromUuid('no-loader', { name: 'a.pdf', size: 100, md5: hash });
    expect(await readFileInfo(announced)).toEqual({ name: 'a.pdf', size: 100, sha256: hash.toLowerCase() });
    // A 32-hex md5 is not a sha256: the content must be read, and here it cannot be.
    const log = memoryLogger();
    const md5Only = FileBox.fromUuid('no-loader', { name: 'b.pdf', size: 100, md5: 'ab'.repeat(16) });
    expect(await readFileInfo(md5Only, { log })).toEqual({
      name: 'b.pdf',
      size: 100,
      sha256: null,
    });
    expect(log.entries).toHaveLength(1);
  });

  it('gives up on a stalled download', async () => {
    const stalled = FileBox.fromStream(new PassThrough(), 'slow.bin');
    const log = memoryLogger();
    const info = await readFileInfo(stalled, { timeoutMs: 20, log });
    expect(info).toEqual({ name: 'slow.bin', size: null, sha256: null });
    expect(log.entries[0]?.data.error).toMatch(/longer than 20 ms/);
  });
});
