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

interface ImportLine {
  readonly file: string;
  readonly spec: string;
  /** `import type …` or `export type …`: no code is loaded. */
  readonly typeOnly: boolean;
}

/** Every static import and re-export of the files under `area` (relative to the repository). */
function importsOf(area: string): ImportLine[] {
  const out: ImportLine[] = [];
  for (const file of sourceFiles(join(ROOT, area))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]/gm)) {
      out.push({ file: file.slice(ROOT.length + 1), spec: m[3], typeOnly: Boolean(m[2]) });
    }
  }
  return out;
}

const PRICING = /(^|\/)core\/cost(\/|$)/;
const CLI = /(^|\/)cli(\/|$)/;
const SURFACE = /(^|\/)(extension|cli|webview|node)(\/|$)/;

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

  // The same boundaries as eslint.config.mjs (`npm run lint`), asserted on the source text.
  for (const area of ['src/extension', 'src/cli', 'src/webview']) {
    it(`${area} imports no pricing function from core/cost (types only)`, () => {
      const offenders = importsOf(area).filter((i) => PRICING.test(i.spec) && !i.typeOnly);
      assert.deepEqual(offenders, []);
    });
  }

  it('src/extension never imports src/cli', () => {
    assert.deepEqual(importsOf('src/extension').filter((i) => CLI.test(i.spec)), []);
  });

  it('src/core imports no surface (extension, cli, webview, node)', () => {
    assert.deepEqual(importsOf('src/core').filter((i) => SURFACE.test(i.spec)), []);
  });

  it('the import rules catch what they forbid', () => {
    assert.ok(PRICING.test('../../core/cost') && PRICING.test('../../core/cost/price') && !PRICING.test('../../core/costing'));
    assert.ok(CLI.test('../../cli/output') && !CLI.test('./client'));
    assert.ok(SURFACE.test('../../node/scan') && !SURFACE.test('./nodes'));
    // The scanner sees the surfaces' type imports of core/cost (allowed), so it would see a value import.
    assert.ok(importsOf('src/extension').some((i) => PRICING.test(i.spec) && i.typeOnly));
  });

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
