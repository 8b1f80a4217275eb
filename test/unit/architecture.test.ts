import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx|js|mjs)$/.test(name)) out.push(p);
  }
  return out;
}

const IMPORTS_VSCODE = /(from\s+['"]vscode['"])|(require\(\s*['"]vscode['"]\s*\))|(import\(\s*['"]vscode['"]\s*\))/;

describe('architecture', () => {
  for (const area of ['src/core', 'src/webview']) {
    it(`${area} never imports vscode`, () => {
      let dir: string;
      try {
        dir = join(ROOT, area);
        statSync(dir);
      } catch {
        return; // area not present yet
      }
      const offenders = sourceFiles(dir).filter((f) => IMPORTS_VSCODE.test(readFileSync(f, 'utf8')));
      assert.deepEqual(offenders, []);
    });
  }

  it('the rule itself catches an import of vscode', () => {
    assert.ok(IMPORTS_VSCODE.test("import * as vscode from 'vscode';"));
    assert.ok(IMPORTS_VSCODE.test('const v = require("vscode")'));
    assert.ok(!IMPORTS_VSCODE.test("import * as x from './vscode-like';"));
  });

  it('the tool version matches package.json', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const { TOOL_VERSION } = require(join(ROOT, 'out', 'src', 'core', 'version.js'));
    assert.equal(TOOL_VERSION, pkg.version);
  });
});
