/**
 * A model-choosing helper whose argument indexes a configuration object (`settings.tasks[task]`, a per-task
 * override with a default): the key the caller passes is followed into the JSON file (Expr `lookup`).
 */
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { getBundledCatalog, resolveModel } from '../../../src/core/catalog';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { scanPaths, type ScanResult } from '../../../src/node/scan';
import { writeWorkspace } from './fixture-scan';

const SETTINGS = JSON.stringify(
  {
    provider: 'openai',
    models: {
      openai: { fallback: { model: 'gpt-4o-mini' }, tasks: { summarize: { model: 'gpt-4.1' }, classify: { temperature: 0 } } },
      anthropic: { fallback: { model: 'claude-3-5-haiku-latest' }, tasks: { summarize: { model: 'claude-sonnet-4-5' } } },
    },
  },
  null,
  2,
);

const MODELS = `import { createOpenAI } from '@ai-sdk/openai';
import settings from '../settings.json';

type Task = keyof typeof settings.models.openai.tasks;

function taskSettings(task: Task) {
  const family = settings.models[settings.provider as 'openai'];
  const override = family.tasks[task] as { model?: string };
  return { model: override.model ?? family.fallback.model };
}

export function modelFor(task: Task) {
  const { model } = taskSettings(task);
  return createOpenAI({ apiKey: process.env.OPENAI_API_KEY })(model);
}
`;

const APP = `import { generateText } from 'ai';
import { modelFor } from './lib/models';

export async function summarize(doc: string) {
  return generateText({ model: modelFor('summarize'), prompt: doc });
}

export async function classify(doc: string) {
  return generateText({ model: modelFor('classify'), prompt: doc });
}

export async function anyTask(task: string, doc: string) {
  return generateText({ model: modelFor(task as never), prompt: doc });
}
`;

const workspace = (files: Record<string, string>): string => writeWorkspace(files, 'tokenomics-config-lookup-');

function callIn(r: ScanResult, fn: string) {
  const f = r.files.find((x) => x.path === 'app.ts');
  assert.ok(f, 'app.ts reported');
  const start = APP.split('\n').findIndex((l) => l.includes(`function ${fn}(`)) + 1;
  const call = f.calls.find((c) => c.line === start + 1);
  assert.ok(call, `the call in ${fn}`);
  return call;
}

describe('repository model: a per-task model override read from a configuration file', () => {
  let dir = '';
  let r: ScanResult;
  before(async () => {
    dir = workspace({ 'settings.json': SETTINGS, 'lib/models.ts': MODELS, 'app.ts': APP });
    r = await scanPaths([dir], { catalog: getBundledCatalog(), assumptions: DEFAULT_ASSUMPTIONS, resolveModel, root: dir, cwd: dir });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("the task's override where the configuration has one", () => {
    const call = callIn(r, 'summarize');
    assert.equal(call.modelResolved, 'gpt-4.1');
    assert.equal(call.modelSource?.from, 'config');
    assert.equal(call.modelSource?.at?.path, 'settings.json');
  });

  it("the provider's default where the task has no model of its own", () => {
    assert.equal(callIn(r, 'classify').modelResolved, 'gpt-4o-mini');
  });

  it('a key no caller fixes falls back to the default, not to another task (the trap: summarize)', () => {
    assert.equal(callIn(r, 'anyTask').modelResolved, 'gpt-4o-mini');
  });
});
