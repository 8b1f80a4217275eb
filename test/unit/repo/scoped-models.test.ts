import * as assert from 'node:assert/strict';
import { file, scanTree } from './fixture-scan';

/** wandb/openui's frontend, reduced: a helper module imported through tsconfig's baseUrl, called from a page's useCallback. */
const API = `import OpenAI from 'openai'
const openai = new OpenAI()

export async function createOrRefine(options) {
  let { model } = options
  const { image, query } = options
  if (image) {
    if (model.startsWith('gpt')) {
      model = 'gpt-4o-mini'
    }
  }
  return openai.chat.completions.create({ model, messages: [{ role: 'system', content: 'You write HTML components for the user.' }, { role: 'user', content: query }] })
}

export async function convert(options) {
  const { framework, model } = options
  return openai.chat.completions.create({ model, messages: [{ role: 'user', content: \`Please turn this into a \${framework} component.\` }] })
}
`;

const PAGE = `import { useCallback, useEffect } from 'react'
import { convert, createOrRefine } from 'api/openai'

export default function Prompt({ item, facets }) {
  const model = 'gpt-4.1'
  const streamResponse = useCallback(
    (query) => {
      createOrRefine({ query, model, image: item.image })
    },
    [item]
  )
  useEffect(() => {
    if (item.regen) {
      let { prompt } = item
      prompt = \`Let's make this \${facets.length > 1 && 'more'} \${facets.join(' and ')}.\`
      streamResponse(prompt)
    }
  }, [item])
  return convert({ framework: 'react', model })
}
`;

const TSCONFIG = `{
  "compilerOptions": { "baseUrl": "src", "jsx": "react-jsx", "paths": { "@/*": ["./app/*"] } }
}
`;

describe('repository model: the model and text a helper sends, read in the scope that holds them', () => {
  it('the caller’s model reaches both helpers; the guarded literal stays an alternative; the regen text is found', async () => {
    const r = await scanTree({ 'frontend/tsconfig.json': TSCONFIG, 'frontend/src/api/openai.ts': API, 'frontend/src/components/Prompt.tsx': PAGE });
    const calls = file(r, 'frontend/src/api/openai.ts').calls.filter((c) => c.role !== 'binding');
    const create = calls.find((c) => c.line === 12);
    const conv = calls.find((c) => c.line === 17);
    assert.ok(create && conv, calls.map((c) => c.line).join(', '));
    assert.equal(create.modelResolved, 'gpt-4.1', JSON.stringify(create.modelSource));
    assert.deepEqual(create.alternatives?.map((a) => a.model), ['gpt-4o-mini']);
    assert.equal(conv.modelResolved, 'gpt-4.1', 'not the other helper’s reassignment');
    const prompts = file(r, 'frontend/src/components/Prompt.tsx').prompts;
    assert.ok(prompts.some((p) => p.line === 15), prompts.map((p) => `${p.line} ${p.reason}`).join('; '));
  });

  it('trap: without baseUrl a bare import is a package, and the page’s text is no prompt of the helper', async () => {
    const r = await scanTree({ 'frontend/tsconfig.json': '{ "compilerOptions": { "jsx": "react-jsx" } }', 'frontend/src/api/openai.ts': API, 'frontend/src/components/Prompt.tsx': PAGE });
    const page = r.files.find((f) => f.path === 'frontend/src/components/Prompt.tsx');
    assert.ok(!page?.prompts.some((p) => p.line === 15), 'api/openai is not followed without baseUrl');
  });
});
