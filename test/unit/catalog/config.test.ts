import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { getBundledCatalog } from '../../../src/core/catalog';
import { DEFAULT_CONFIG, DEFAULT_SURFACES, SCHEMA_KEYS, normalizeConfig, parseConfigFile } from '../../../src/core/config';

const ROOT = join(__dirname, '..', '..', '..', '..');
const schema = JSON.parse(readFileSync(join(ROOT, 'media', 'tokenomics.schema.json'), 'utf8'));

describe('config/schema', () => {
  it('is a valid draft-07 schema (compiles with the default strict checks of ajv)', () => {
    const ajv = new Ajv({ allErrors: true }); // default strictness: unknown keywords fail
    assert.doesNotThrow(() => ajv.compile(schema));
  });

  it('accepts an empty object, so settings with nothing set are not validated (no validator compile on a first lens)', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    assert.equal(ajv.compile(schema)({}), true);
  });

  it('declares exactly the config keys plus the editor switches', () => {
    const expected = [...Object.keys(DEFAULT_CONFIG), 'hover.enabled', 'codeLens.enabled', 'diagnostics.enabled', 'statusBar.enabled'].sort();
    assert.deepEqual([...SCHEMA_KEYS].sort(), expected);
  });

  it('accepts the defaults and the documented example file', () => {
    const ajv = new Ajv({ strict: false });
    const validate = ajv.compile(schema);
    assert.ok(validate(JSON.parse(JSON.stringify(DEFAULT_CONFIG))), JSON.stringify(validate.errors));
  });
});

describe('config/normalizeConfig', () => {
  it('gives the defaults and no issue for nothing', () => {
    for (const raw of [undefined, null, {}]) {
      const { config, surfaces, issues } = normalizeConfig(raw, 'settings');
      assert.deepEqual(config, DEFAULT_CONFIG);
      assert.deepEqual(surfaces, DEFAULT_SURFACES);
      assert.deepEqual(issues, []);
    }
  });

  it('keeps valid values, accepts the tokenomics. prefix, reads the surface switches', () => {
    const { config, surfaces, issues } = normalizeConfig({ 'tokenomics.outputTokens': 800, unboundedSteps: 40, caching: false, budgets: { monthlyUsd: 50 }, 'codeLens.enabled': false }, 'settings');
    assert.deepEqual(issues, []);
    assert.equal(config.outputTokens, 800);
    assert.equal(config.unboundedSteps, 40);
    assert.equal(config.caching, false);
    assert.deepEqual(config.budgets, { monthlyUsd: 50 });
    assert.equal(config.defaultModel, 'gpt-4.1');
    assert.equal(surfaces.codeLens, false);
    assert.equal(surfaces.hover, true);
  });

  it('replaces wrong types and absurd numbers by the default, naming each', () => {
    const { config, issues } = normalizeConfig({ outputTokens: -5, reasoningTokens: 'lots', unboundedSteps: 1e9, callsPerDay: Number.NaN, caching: 'yes', defaultModel: '' }, 'settings');
    assert.equal(config.outputTokens, 500);
    assert.equal(config.reasoningTokens, 0);
    assert.equal(config.unboundedSteps, 25);
    assert.equal(config.caching, true);
    assert.equal(config.defaultModel, 'gpt-4.1');
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i.message]));
    assert.equal(byPath.outputTokens, 'must be >= 1 (got -5); using the default');
    assert.equal(byPath.reasoningTokens, 'must be an integer (got "lots"); using the default');
    assert.equal(byPath.unboundedSteps, 'must be <= 10000 (got 1000000000); using the default');
    assert.equal(byPath.caching, 'must be a boolean (got "yes"); using the default');
    assert.equal(byPath.defaultModel, 'must not be empty; using the default');
    assert.ok(byPath.callsPerDay, 'NaN is not a number here');
    assert.ok(issues.every((i) => i.origin === 'settings' && i.severity === 'error'));
  });

  it('drops one bad element of a list or map, keeps its siblings', () => {
    const { config, issues } = normalizeConfig({ exclude: ['**/gen/**', 3], placeholderSizes: { diff: 3000, bad: -1 }, budgets: { perCallUsd: 'x', monthlyUsd: 100 } }, 'settings');
    assert.deepEqual(config.exclude, ['**/gen/**']);
    assert.deepEqual(config.placeholderSizes, { diff: 3000 });
    assert.deepEqual(config.budgets, { monthlyUsd: 100 });
    assert.deepEqual(issues.map((i) => i.path).sort(), ['budgets.perCallUsd', 'exclude[1]', 'placeholderSizes.bad']);
  });

  it('warns about unknown keys with the nearest known one, and loads the rest', () => {
    const { config, issues } = normalizeConfig({ outputTokenz: 900, outputTokens: 700 }, 'tokenomics.json');
    assert.equal(config.outputTokens, 700);
    assert.deepEqual(issues, [{ origin: 'tokenomics.json', path: 'outputTokenz', message: "unknown setting 'outputTokenz' (did you mean 'outputTokens'?); ignored", line: undefined, severity: 'warning' }]);
  });

  it('skips an invalid custom model, naming the entry and field; valid ones load', () => {
    const raw = { customModels: [{ id: 'ok-model', contextWindow: 32000 }, { id: 'bad', contextWindow: 0 }, 'not an object'] };
    const { config, issues } = normalizeConfig(raw, 'settings');
    assert.deepEqual(config.customModels, [{ id: 'ok-model', contextWindow: 32000 }]);
    assert.deepEqual(issues.map((i) => [i.path, i.message]), [
      ['customModels[1].contextWindow', 'must be >= 1 (got 0); entry skipped'],
      ['customModels[2]', 'must be an object, got "not an object"; entry skipped'],
    ]);
  });

  it('a non-object settings value is one issue and the defaults', () => {
    const { config, issues } = normalizeConfig([1, 2], 'settings');
    assert.deepEqual(config, DEFAULT_CONFIG);
    assert.equal(issues.length, 1);
    assert.match(issues[0].message, /must be a JSON object, got an array/);
  });

  it('never changes the caller’s object', () => {
    const raw = { exclude: ['a', 3], customModels: [{ id: 'x', contextWindow: 1000, colour: 'red' }] };
    const copy = JSON.parse(JSON.stringify(raw));
    normalizeConfig(raw, 'settings');
    assert.deepEqual(raw, copy);
  });
});

describe('config/parseConfigFile', () => {
  const file = [
    '{', //                                        1
    '  // comments are allowed', //                2
    '  "outputTokens": 800,', //                   3
    '  "unboundedSteps": -1,', //                  4
    '  "priceOverrides": [', //                    5
    '    { "model": "gpt-4oo", "input": 1 },', //  6
    '    { "model": "gpt-4o", "input": 2 },', //   7
    '    { "model": "gpt-4o" }', //                8
    '  ],', //                                     9
    '  "custmModels": []', //                      10
    '}', //                                        11
  ].join('\n');

  it('returns the valid keys only, with every problem on its line', () => {
    const { config, issues } = parseConfigFile(file, '/w/tokenomics.json', getBundledCatalog());
    assert.deepEqual(config, { outputTokens: 800, priceOverrides: [{ model: 'gpt-4oo', input: 1 }, { model: 'gpt-4o', input: 2 }] });
    const lines = issues.map((i) => [i.line, i.path, i.severity]).sort((a, b) => Number(a[0]) - Number(b[0]));
    assert.deepEqual(lines, [
      [4, 'unboundedSteps', 'error'],
      [6, 'priceOverrides[0].model', 'error'],
      [8, 'priceOverrides[2]', 'error'],
      [10, 'custmModels', 'warning'],
    ]);
    const unknown = issues.find((i) => i.path === 'priceOverrides[0].model')!;
    assert.equal(unknown.message, "unknown model 'gpt-4oo'; nearest known model: 'gpt-4o'; override skipped (add it under customModels to price a new model)");
    assert.ok(issues.every((i) => i.origin === '/w/tokenomics.json'));
  });

  it('broken JSON: an issue with the line, and no values (defaults apply)', () => {
    const { config, issues } = parseConfigFile('{\n  "outputTokens": 800\n  "caching": false\n}', 'tokenomics.json');
    assert.deepEqual(config, {});
    assert.equal(issues.length, 1);
    assert.equal(issues[0].line, 3);
    assert.equal(issues[0].message, "not valid JSON: ',' expected; the file is ignored until fixed (settings and defaults apply)");
  });

  it('an empty file, a BOM and trailing commas are fine', () => {
    assert.deepEqual(parseConfigFile('', 'tokenomics.json'), { config: {}, issues: [] });
    assert.deepEqual(parseConfigFile('\uFEFF{ "caching": false, }', 'tokenomics.json'), { config: { caching: false }, issues: [] });
  });

  it('a JSON value that is not an object is one issue on line 1', () => {
    const { config, issues } = parseConfigFile('[1, 2]', 'tokenomics.json');
    assert.deepEqual(config, {});
    assert.equal(issues[0].line, 1);
  });
});

describe('config/parseConfigFile with a catalog: model names', () => {
  it('warns about an unknown defaultModel with the nearest known one, and keeps the value', () => {
    const { config, issues } = parseConfigFile('{\n  "defaultModel": "gpt-4oo"\n}', 'tokenomics.json', getBundledCatalog());
    assert.equal(config.defaultModel, 'gpt-4oo');
    assert.deepEqual(issues, [
      { origin: 'tokenomics.json', path: 'defaultModel', message: "unknown model 'gpt-4oo'; nearest known model: 'gpt-4o'; calls priced with it are unpriced until it is added under customModels", line: 2, severity: 'warning' },
    ]);
  });

  it('a custom model of the same file counts as known', () => {
    const text = JSON.stringify({ defaultModel: 'acme-llm', customModels: [{ id: 'acme-llm', contextWindow: 8192 }] });
    assert.deepEqual(parseConfigFile(text, 'tokenomics.json', getBundledCatalog()).issues, []);
  });

  it('a file holding null is one issue', () => {
    const { config, issues } = parseConfigFile('null', 'tokenomics.json');
    assert.deepEqual(config, {});
    assert.equal(issues.length, 1);
    assert.match(issues[0].message, /must contain a JSON object of settings, got null/);
  });
});
