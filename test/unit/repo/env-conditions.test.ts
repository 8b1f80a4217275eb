/**
 * A provider or model chosen by the environment (`process.env.X ? createX(…) : undefined`): the branch the
 * repository's `.env` example takes is the one followed (src/core/repo/conditions.ts); without an example, or
 * with the variable written empty ("fill in yours"), both branches stay candidates as before.
 */
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { getBundledCatalog, resolveModel } from '../../../src/core/catalog';
import type { ScanResult } from '../../../src/node/scan';
import { scanPaths } from '../../../src/node/scan';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { writeWorkspace } from './fixture-scan';

const PROVIDERS = `import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';

const anthropic = process.env.ANTHROPIC_API_KEY ? createAnthropic({ apiKey: process.env.ANTHROPIC_API_KEY }) : undefined;
const openai = process.env.OPENAI_API_KEY ? createOpenAI({ apiKey: process.env.OPENAI_API_KEY }) : undefined;
const tuned = process.env.TUNED_MODEL ? openai?.(process.env.TUNED_MODEL) : undefined;

const claude = anthropic ? anthropic('claude-sonnet-4-5') : undefined;
const gpt = openai?.('gpt-4o-mini');

export function chooseModel() {
  if (tuned) {
    return tuned;
  }
  return claude ?? gpt;
}

export const writer = process.env.WRITER_PROVIDER === 'anthropic' ? anthropic?.('claude-3-5-haiku-latest') : openai?.('gpt-4.1-mini');
`;

const APP = `import { generateText } from 'ai';
import { chooseModel, writer } from './lib/providers';

export async function answer(question: string) {
  const { text } = await generateText({ model: chooseModel(), prompt: question });
  return text;
}

export async function draft(topic: string) {
  const { text } = await generateText({ model: writer, prompt: topic });
  return text;
}
`;

const workspace = (files: Record<string, string>): string => writeWorkspace(files, 'tokenomics-env-cond-');

async function scan(dir: string): Promise<ScanResult> {
  return scanPaths([dir], { catalog: getBundledCatalog(), assumptions: DEFAULT_ASSUMPTIONS, resolveModel, root: dir, cwd: dir });
}

function modelAt(r: ScanResult, path: string, fn: string): string | undefined {
  const f = r.files.find((x) => x.path === path);
  assert.ok(f, `${path} reported`);
  const lines = APP.split('\n');
  const start = lines.findIndex((l) => l.includes(`function ${fn}(`)) + 1;
  const call = f.calls.find((c) => c.line > start && c.line < start + 4);
  assert.ok(call, `a call in ${fn} (have ${f.calls.map((c) => c.line).join(', ')})`);
  return call.modelResolved;
}

describe('repository model: a provider chosen by the environment', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('follows the branch the .env example takes, even where .gitignore says .env*', async () => {
    dir = workspace({
      '.gitignore': '.env*\n',
      '.env.example': 'OPENAI_API_KEY="your-key"\n# ANTHROPIC_API_KEY="your-key"\n# TUNED_MODEL="llama3.1"\n',
      'lib/providers.ts': PROVIDERS,
      'app.ts': APP,
    });
    const r = await scan(dir);
    assert.equal(modelAt(r, 'app.ts', 'answer'), 'gpt-4o-mini', 'ANTHROPIC_API_KEY and TUNED_MODEL are unset: claude and tuned are undefined');
    assert.equal(modelAt(r, 'app.ts', 'draft'), 'gpt-4.1-mini', 'WRITER_PROVIDER unset: not equal to "anthropic"');
  });

  it('takes the branch a variable set in the example turns on', async () => {
    dir = workspace({
      '.env.example': 'ANTHROPIC_API_KEY=your-key\nOPENAI_API_KEY=your-key\nWRITER_PROVIDER=anthropic\n',
      'lib/providers.ts': PROVIDERS,
      'app.ts': APP,
    });
    const r = await scan(dir);
    assert.equal(modelAt(r, 'app.ts', 'answer'), 'claude-sonnet-4-5');
    assert.equal(modelAt(r, 'app.ts', 'draft'), 'claude-3-5-haiku', 'the catalog id of claude-3-5-haiku-latest');
  });

  it('does not decide a variable the example leaves empty, nor one of a repository without an example', async () => {
    // Both branches stay candidates: the first that resolves, as without this rule (claude, the left one).
    dir = workspace({ '.env.example': 'ANTHROPIC_API_KEY=\nOPENAI_API_KEY=your-key\n', 'lib/providers.ts': PROVIDERS, 'app.ts': APP });
    assert.equal(modelAt(await scan(dir), 'app.ts', 'answer'), 'claude-sonnet-4-5');
    rmSync(dir, { recursive: true, force: true });
    dir = workspace({ 'lib/providers.ts': PROVIDERS, 'app.ts': APP });
    assert.equal(modelAt(await scan(dir), 'app.ts', 'answer'), 'claude-sonnet-4-5');
  });

  it("ignores another package's .env example and the user's own ignored .env", async () => {
    dir = workspace({
      '.gitignore': '.env\n',
      '.env': 'ANTHROPIC_API_KEY=sk-secret\n',
      'web/.env.example': 'OPENAI_API_KEY=your-key\n',
      'lib/providers.ts': PROVIDERS,
      'app.ts': APP,
    });
    assert.equal(modelAt(await scan(dir), 'app.ts', 'answer'), 'claude-sonnet-4-5', 'undecided: no example applies to lib/');
  });
});
