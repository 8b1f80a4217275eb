import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS } from '../../src/cli/commands/index';
import { DIAGNOSTIC_ANCHORS } from '../../src/extension/diagnostics/specs';

const README = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes. */
function anchors(markdown: string): Set<string> {
  const out = new Set<string>();
  for (const m of markdown.matchAll(/^#{1,6}\s+(.+)$/gm)) {
    out.add(m[1].trim().toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s/g, '-'));
  }
  return out;
}

describe('README', () => {
  const headings = anchors(README);

  it('gives the two newcomer commands', () => {
    assert.match(README, /npm ci && npm start/);
    assert.match(README, /^npm test\b/m);
  });

  it("shows every CLI command's current usage line", () => {
    for (const command of COMMANDS) {
      const first = command.usage.split('\n')[0];
      assert.ok(README.includes(first), `README lacks the usage of ${command.name}: ${first}`);
    }
  });

  it('has the section every diagnostic code links to', () => {
    for (const [code, anchor] of Object.entries(DIAGNOSTIC_ANCHORS)) assert.ok(headings.has(anchor), `no #${anchor} for ${code}`);
  });

  it('has every section its table of contents links to', () => {
    for (const m of README.matchAll(/\]\(#([^)]+)\)/g)) assert.ok(headings.has(m[1]), `dangling link #${m[1]}`);
  });
});
