import * as assert from 'node:assert/strict';
import { formatFlagHelp, nearest, parseFlags, type FlagSpecs } from '../../../src/cli/args';
import { UsageError } from '../../../src/cli/command';

const SPECS = {
  model: { type: 'string', valueName: 'ID', description: 'model' },
  input: { type: 'count', valueName: 'N', description: 'input tokens' },
  steps: { type: 'integer', min: 1, valueName: 'N', description: 'steps' },
  rate: { type: 'number', valueName: 'X', description: 'rate' },
  batch: { type: 'boolean', description: 'batch' },
  format: { type: 'string', valueName: 'FMT', choices: ['table', 'json'], description: 'format', defaultText: 'table' },
  provider: { type: 'string', multiple: true, valueName: 'P', description: 'providers' },
} as const satisfies FlagSpecs;

function usageError(argv: string[]): string {
  try {
    parseFlags(argv, SPECS);
  } catch (e) {
    assert.ok(e instanceof UsageError, `expected a UsageError, got ${String(e)}`);
    return e.message;
  }
  assert.fail(`no error for ${argv.join(' ')}`);
}

describe('cli args', () => {
  it('parses strings, counts with suffixes and separators, integers, booleans, choices, repeats', () => {
    const { flags } = parseFlags(
      ['--model', 'gpt-4.1', '--input', '12k', '--steps', '20', '--rate', '0.5', '--batch', '--format', 'json', '--provider', 'openai,google', '--provider', 'anthropic'],
      SPECS,
    );
    assert.deepEqual(flags, { model: 'gpt-4.1', input: 12000, steps: 20, rate: 0.5, batch: true, format: 'json', provider: ['openai', 'google', 'anthropic'] });
    assert.equal(parseFlags(['--input', '1.5M'], SPECS).flags.input, 1_500_000);
    assert.equal(parseFlags(['--input', '12_000'], SPECS).flags.input, 12000);
    assert.equal(parseFlags(['--input=12,000'], SPECS).flags.input, 12000);
  });

  it('explains every mistake in one line', () => {
    assert.equal(usageError(['--modle', 'x']), 'unknown option --modle (did you mean --model?)');
    assert.equal(usageError(['--zzzzzzzz']), 'unknown option --zzzzzzzz');
    assert.equal(usageError(['--model']), '--model needs a value (--model ID)');
    assert.equal(usageError(['--model', '--input', '5']), '--model needs a value (--model ID)');
    assert.equal(usageError(['--input', 'lots']), "--input must be a number (got 'lots')");
    assert.equal(usageError(['--input', '-5']), '--input must not be negative (got -5)');
    assert.equal(usageError(['--input=-5']), '--input must not be negative (got -5)');
    assert.equal(usageError(['--input', '2.5']), '--input must be a whole number (got 2.5)');
    assert.equal(usageError(['--steps', '0']), '--steps must be at least 1 (got 0)');
    assert.equal(usageError(['--format', 'xml']), "--format must be one of table, json (got 'xml')");
    assert.equal(usageError(['--batch=yes']), '--batch is a switch and takes no value');
    assert.equal(usageError(['stray']), "unexpected argument 'stray' (this command takes only --flags)");
  });

  it('suggests only plausible typos', () => {
    assert.equal(nearest('outptu', ['output', 'input']), 'output');
    assert.equal(nearest('xyz', ['output', 'input']), undefined);
  });

  it('help lists every flag with its value name and default', () => {
    const help = formatFlagHelp(SPECS);
    assert.match(help, /^ {2}--model ID {2,}model$/m);
    assert.match(help, /--format FMT +format \(one of table, json; default table\)/);
    assert.equal(help.split('\n').length, Object.keys(SPECS).length);
  });
});
