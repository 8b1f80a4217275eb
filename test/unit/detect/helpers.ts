import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectFile, type DetectedFile } from '../../../src/core/detect';

/** Repository root, from `out/test/unit/detect`. */
export const ROOT = join(__dirname, '..', '..', '..', '..');

export function fixture(name: string): string {
  return readFileSync(join(ROOT, 'test', 'fixtures', 'detect', name), 'utf8');
}

export function detectFixture(name: string): Promise<DetectedFile> {
  return detectFile(fixture(name), name);
}

/** `line:kind` of each prompt, for compact assertions. */
export function promptLines(file: DetectedFile): string[] {
  return file.prompts.map((p) => `${p.line}:${p.kind}`);
}
