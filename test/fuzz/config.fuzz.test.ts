/**
 * Config never takes the product down: malformed tokenomics.json and settings give
 * a message naming the file, the key and (for files) the line; the valid part loads.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { getBundledCatalog } from '../../src/core/catalog/index';
import { DEFAULT_CONFIG, normalizeConfig, parseConfigFile, type TokenomicsConfig } from '../../src/core/config/index';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const FILE = '/ws/tokenomics.json';

interface Variant {
  readonly name: string;
  readonly text: string;
  /** A key the messages must name (dotted path), if the variant is bad. */
  readonly names?: string;
  /** A valid setting in the same file that must still load. */
  readonly keeps?: Partial<Record<keyof TokenomicsConfig, unknown>>;
}

const VARIANTS: readonly Variant[] = [
  { name: 'empty file', text: '' },
  { name: 'whitespace only', text: '   \n\t\n' },
  { name: 'broken JSON', text: '{ "defaultModel": "gpt-4o", ', names: '' },
  { name: 'trailing comma', text: '{ "outputTokens": 700, }', keeps: { outputTokens: 700 } },
  { name: 'comments (JSONC)', text: '// team defaults\n{ "outputTokens": 650 /* measured */ }', keeps: { outputTokens: 650 } },
  { name: 'top-level array', text: '[1, 2, 3]', names: '' },
  { name: 'top-level string', text: '"gpt-4o"', names: '' },
  { name: 'null', text: 'null', names: '' },
  { name: 'wrong type string for number', text: '{ "callsPerDay": "lots", "outputTokens": 800 }', names: 'callsPerDay', keeps: { outputTokens: 800 } },
  { name: 'negative number', text: '{ "outputTokens": -5, "callsPerDay": 50 }', names: 'outputTokens', keeps: { callsPerDay: 50 } },
  { name: 'absurd number', text: '{ "unboundedSteps": 1e12, "toolResultTokens": 900 }', names: 'unboundedSteps', keeps: { toolResultTokens: 900 } },
  { name: 'infinite number', text: '{ "outputTokens": 1e400 }', names: 'outputTokens' },
  { name: 'NaN-like string', text: '{ "outputTokens": "NaN" }', names: 'outputTokens' },
  { name: 'float where integer expected', text: '{ "unboundedSteps": 2.5 }', names: '' },
  { name: 'unknown key', text: '{ "outputTokenz": 10, "callsPerDay": 70 }', names: 'outputTokenz', keeps: { callsPerDay: 70 } },
  { name: 'wrong type for object', text: '{ "budgets": 5 }', names: 'budgets' },
  { name: 'negative budget', text: '{ "budgets": { "monthlyUsd": -10, "perCallUsd": 0.5 } }', names: 'budgets.monthlyUsd' },
  { name: 'exclude not an array', text: '{ "exclude": "**/*.ts" }', names: 'exclude' },
  { name: 'exclude with non-strings', text: '{ "exclude": [1, null, "ok/**"] }', names: 'exclude' },
  { name: 'placeholder sizes wrong', text: '{ "placeholderSizes": { "diff": "big", "doc": 300 } }', names: 'placeholderSizes' },
  { name: 'custom model missing context window', text: '{ "customModels": [ { "id": "my-llm" } ] }', names: 'customModels[0]' },
  { name: 'custom model bad price', text: '{ "customModels": [ { "id": "my-llm", "contextWindow": 8000, "offerings": [ { "provider": "acme", "input": -1 } ] } ] }', names: 'customModels[0]' },
  { name: 'price override for unknown model', text: '{ "priceOverrides": [ { "model": "gpt-9o", "input": 1 } ] }', names: 'priceOverrides[0]' },
  { name: 'price override not an array', text: '{ "priceOverrides": { "model": "gpt-4o" } }', names: 'priceOverrides' },
  { name: 'default model unknown', text: '{ "defaultModel": 42 }', names: 'defaultModel' },
  { name: 'deeply nested junk', text: '{ "budgets": ' + '{ "a": '.repeat(500) + '1' + ' }'.repeat(500) + ' }', names: 'budgets' },
  { name: 'huge file of junk keys', text: '{' + Array.from({ length: 2000 }, (_, i) => `"k${i}": ${i}`).join(',') + '}', names: 'k0' },
  { name: 'BOM and CRLF', text: '\ufeff{\r\n  "outputTokens": 640\r\n}\r\n', keeps: { outputTokens: 640 } },
  { name: 'special-token text in strings', text: '{ "defaultModel": "<|endoftext|>" }', names: 'defaultModel' },
];

describe('fuzz: malformed configuration', () => {
  const catalog = getBundledCatalog();

  it(`covers at least 20 variants (${VARIANTS.length})`, () => assert.ok(VARIANTS.length >= 20));

  for (const v of VARIANTS) {
    it(`tokenomics.json: ${v.name}`, () => {
      const result = parseConfigFile(v.text, FILE, catalog);
      if (v.names !== undefined) {
        assert.ok(result.issues.length > 0, 'the problem is reported');
        for (const issue of result.issues) assert.equal(issue.origin, FILE, 'every message names the file');
        if (v.names) {
          const named = result.issues.some((i) => i.path.startsWith(v.names!) || i.message.includes(v.names!));
          assert.ok(named, `a message names ${v.names}: ${JSON.stringify(result.issues)}`);
        }
        assert.ok(result.issues.every((i) => i.line === undefined || (i.line >= 1 && i.line <= v.text.split('\n').length)), 'lines point inside the file');
      }
      for (const [key, value] of Object.entries(v.keeps ?? {})) {
        assert.deepEqual((result.config as Record<string, unknown>)[key], value, `the valid ${key} still loads`);
      }
    });
  }

  it(`normalizeConfig turns ${RUNS} arbitrary values into a complete, valid config`, () => {
    const keys = Object.keys(DEFAULT_CONFIG);
    const arbitrarySettings = fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string()), fc.jsonValue(), { maxKeys: 12 });
    fc.assert(
      fc.property(fc.oneof(arbitrarySettings, fc.anything()), (raw) => {
        const { config, issues } = normalizeConfig(raw, 'settings');
        for (const key of keys) assert.ok(key in config, `${key} is always present`);
        for (const [key, value] of Object.entries(config)) {
          if (typeof value === 'number') assert.ok(Number.isFinite(value) && value >= 0, `${key} is a finite, non-negative number (${value})`);
        }
        assert.ok(Array.isArray(issues));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it(`parseConfigFile never throws on ${RUNS} random texts`, () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.jsonValue().map((j) => JSON.stringify(j))), (text) => {
        const result = parseConfigFile(text, FILE, catalog);
        assert.ok(result.config && Array.isArray(result.issues));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
