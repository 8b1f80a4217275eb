/**
 * Reading a file for analysis: UTF-8 text, or why it was skipped (too large, binary, unreadable,
 * vanished). Shared by the in-thread scan and the detection workers, so both skip alike.
 */
import { promises as fs } from 'node:fs';
import type { SkippedFile } from '../core/report/types';

const BINARY_SNIFF_BYTES = 8000;

export type ReadOutcome = { kind: 'text'; text: string } | { kind: 'skipped'; reason: SkippedFile['reason']; detail?: string };

/** One open: the size check and the read use the same handle. */
export async function readText(abs: string, maxBytes: number): Promise<ReadOutcome> {
  let handle: import('node:fs/promises').FileHandle | undefined;
  let buffer: Buffer;
  try {
    handle = await fs.open(abs, 'r');
    const { size } = await handle.stat();
    if (size > maxBytes) return { kind: 'skipped', reason: 'too-large', detail: `${size} bytes > ${maxBytes}` };
    buffer = await handle.readFile();
  } catch (err) {
    const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
    return { kind: 'skipped', reason: code === 'ENOENT' ? 'vanished' : 'unreadable', detail: code || String(err) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
  if (buffer.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { kind: 'skipped', reason: 'binary' };
  return { kind: 'text', text: buffer.toString('utf8') };
}
