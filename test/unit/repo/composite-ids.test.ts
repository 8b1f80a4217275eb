import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../src/node/scan';
import { scanTree } from './fixture-scan';

/** The request of a file at a line (bindings left out). */
function requestAt(r: ScanResult, path: string, line: number) {
  const f = r.files.find((x) => x.path === path);
  assert.ok(f, `${path} reported (have ${r.files.map((x) => x.path).join(', ')})`);
  const c = f.calls.find((x) => x.role !== 'binding' && x.line === line);
  assert.ok(c, `a request at ${path}:${line} (have ${f.calls.map((x) => x.line).join(', ')})`);
  return c;
}

describe('ids naming a provider and a model, split or joined at run time (composite ids)', () => {
  it("`const [platform, model] = id.split('__')`: the model part reaches the request, not the whole id", async () => {
    const r = await scanTree({
      'lib/models.ts': `import OpenAI from 'openai'
const openai = new OpenAI()
export async function withOpenAI(prompt: string, model: string) {
  return openai.chat.completions.create({ model, messages: [{ role: 'user', content: prompt }] })
}
export async function generate(prompt: string, platformModel: string) {
  const [platform, model] = platformModel.split('__')
  if (platform === 'openai') return withOpenAI(prompt, model)
  throw new Error('unknown platform')
}
export const run = (q: string) => generate('Answer: ' + q, 'openai__gpt-4o-mini')
`,
    });
    const c = requestAt(r, 'lib/models.ts', 4);
    assert.equal(c.modelResolved, 'gpt-4o-mini');
    assert.equal(c.modelSource?.from, 'code');
  });

  it('`${m.providerId}:${m.id}` of a default model record, handed to a provider registry, is that model', async () => {
    const r = await scanTree({
      'lib/registry.ts': `import { createProviderRegistry } from 'ai'
import { openai } from '@ai-sdk/openai'
import { anthropic } from '@ai-sdk/anthropic'
const registry = createProviderRegistry({ openai, anthropic })
export function getModel(id: string) {
  return registry.languageModel(id)
}
`,
      'lib/config.ts': `export const FALLBACK = { id: 'claude-3-5-haiku-20241022', providerId: 'anthropic' }\n`,
      'lib/title.ts': `import { generateText } from 'ai'
import { getModel } from './registry'
import { FALLBACK } from './config'
export async function title(text: string) {
  const m = FALLBACK
  return generateText({ model: getModel(\`\${m.providerId}:\${m.id}\`), prompt: text })
}
export async function greet(name: string) {
  // A template of prose is text, never an id: the request's model is not read from it.
  return generateText({ model: getModel(\`Say hello to \${name}\`), prompt: name })
}
`,
    });
    const c = requestAt(r, 'lib/title.ts', 6);
    assert.equal(c.modelResolved, 'claude-3-5-haiku');
    assert.equal(c.modelSource?.from, 'code');
    assert.deepEqual(c.modelSource?.at, { path: 'lib/config.ts', line: 1 });
    assert.notEqual(requestAt(r, 'lib/title.ts', 10).modelSource?.from, 'code');
  });

  it('Python: an f-string id (`f"{provider}/{name}"`) of known parts is joined; one with a format spec is not an id', async () => {
    const r = await scanTree({
      'app/settings.py': `PROVIDER = "anthropic"\nNAME = "claude-3-5-haiku-20241022"\n`,
      'app/send.py': `import litellm
from settings import PROVIDER, NAME

def ask(prompt, provider=PROVIDER, name=NAME):
    return litellm.completion(model=f"{provider}/{name}", messages=[{"role": "user", "content": prompt}])

def ask_version(prompt, version=3):
    return litellm.completion(model=f"gpt-{version:d}", messages=[{"role": "user", "content": prompt}])
`,
    });
    const c = requestAt(r, 'app/send.py', 5);
    assert.equal(c.modelResolved, 'claude-3-5-haiku');
    assert.equal(c.modelSource?.from, 'code');
    assert.notEqual(requestAt(r, 'app/send.py', 8).modelSource?.from, 'code');
  });
});

