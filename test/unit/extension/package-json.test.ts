import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_COMMAND_IDS } from '../../../src/extension/commands/ids';
import { EDITOR_DEFAULTS, EDITOR_LIMITS, RESTRICTED_KEYS, settingKeys } from '../../../src/extension/config-read';
import { DEFAULT_CONFIG } from '../../../src/extension/core-api';

const ROOT = join(__dirname, '..', '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const properties: Record<string, { type: string; default: unknown; markdownDescription?: string }> = pkg.contributes.configuration.properties;

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value === 'number' ? 'number' : typeof value;
}

/** The typed defaults: the core config's plus the editor's switches and limits. */
const defaults: Record<string, unknown> = { ...DEFAULT_CONFIG, ...EDITOR_DEFAULTS, ...EDITOR_LIMITS };

describe('extension/package.json declares the typed settings (one source of truth)', () => {
  it('declares exactly the keys of the typed defaults', () => {
    const declared = Object.keys(properties).map((k) => k.replace(/^tokenomics\./, '')).sort();
    assert.deepEqual(declared, settingKeys().sort());
  });

  for (const key of settingKeys()) {
    it(`tokenomics.${key}: same type and default, described in Markdown`, () => {
      const p = properties[`tokenomics.${key}`];
      assert.ok(p, 'declared');
      const expectedType = jsonType(defaults[key]);
      assert.equal(p.type === 'integer' ? 'number' : p.type, expectedType);
      if (p.type === 'integer') assert.ok(Number.isInteger(defaults[key]), 'an integer default for an integer setting');
      assert.deepEqual(p.default, defaults[key]);
      assert.ok((p.markdownDescription ?? '').length > 20, 'has a markdownDescription');
    });
  }

  it('restricts in untrusted workspaces exactly the settings the code ignores there', () => {
    const restricted: string[] = pkg.capabilities.untrustedWorkspaces.restrictedConfigurations;
    assert.deepEqual([...restricted].sort(), RESTRICTED_KEYS.map((k) => `tokenomics.${k}`).sort());
  });

  it('activates once the editor has started (onStartupFinished), so the first file opened does not wait for VS Code to activate it', () => {
    // docs/editor.md "Activated before the first file": activated on opening the file, VS Code's wait for the extension's
    // state (2.4–4 s quiet) sat on the first lens's path; activated at startup, it is spent before the user clicks.
    assert.ok(pkg.activationEvents.includes('onStartupFinished'));
    assert.ok(!pkg.activationEvents.includes('*'), 'never during the startup itself');
  });

  it('contributes every command of the command table, test commands hidden from the palette', () => {
    const declared: string[] = pkg.contributes.commands.map((c: { command: string }) => c.command);
    assert.deepEqual(ALL_COMMAND_IDS.filter((id) => !declared.includes(id)), []);
    const hidden = pkg.contributes.menus.commandPalette.filter((m: { when: string }) => m.when === 'false').map((m: { command: string }) => m.command);
    assert.deepEqual(hidden.sort(), ALL_COMMAND_IDS.filter((id) => id.includes('._test.')).sort());
  });
});
