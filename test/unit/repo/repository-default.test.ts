import * as assert from 'node:assert/strict';
import { formatModelSource } from '../../../src/core/format/provenance';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { oneRequest as request, scanTree } from './fixture-scan';

// The request's model comes from a holder the flow does not follow (a value set on an object at run time).
const PY_SENDER = `from openai import OpenAI

client = OpenAI()

def ask(session, prompt):
    return client.chat.completions.create(model=session.current_model(), messages=[{"role": "user", "content": prompt}])
`;

describe("the repository's own default model for a request nothing resolves (repository-default)", () => {
  it("a settings default of the call's vendor is the guess, said to be one, with where it came from", async () => {
    const r = await scanTree({
      'app/settings.py': `import os\n\nDEFAULT_MODEL = os.getenv("CHAT_MODEL", "gpt-4o-mini")\nEMBEDDING_MODEL = "text-embedding-3-small"\n`,
      'app/send.py': PY_SENDER,
    });
    const c = request(r, 'app/send.py');
    assert.equal(c.modelResolved, 'gpt-4o-mini');
    assert.equal(c.modelSource?.from, 'repository-default');
    assert.deepEqual(c.modelSource?.at, { path: 'app/settings.py', line: 3 });
    const text = formatModelSource(c.modelSource!, 'app/send.py');
    assert.match(text, /^guessed: the repository's default chat model for openai, app\/settings\.py:3 \(its name says so: DEFAULT_MODEL\); the scan did not follow this call's model/);
    // The embedding model is not a chat request's candidate.
    assert.ok(!(c.plausibleModels ?? []).some((p) => p.model.startsWith('text-embedding')));
  });

  it("a per-vendor fallback the user set (tokenomics.defaultModels) wins over the guess, and says it is theirs", async () => {
    const files = {
      'app/settings.py': `DEFAULT_MODEL = "gpt-4o-mini"\n`,
      'app/send.py': PY_SENDER,
    };
    const assumptions = { ...DEFAULT_ASSUMPTIONS, defaultModels: { ...DEFAULT_ASSUMPTIONS.defaultModels, openai: 'gpt-4o' } };
    const c = request(await scanTree(files, assumptions), 'app/send.py');
    assert.equal(c.modelResolved, 'gpt-4o');
    assert.equal(c.modelSource?.from, 'vendor-default');
    assert.match(formatModelSource(c.modelSource!, 'app/send.py'), /openai default from your tokenomics\.defaultModels/);
    // Left at the built-in fallback, the repository's own default is the better guess.
    const d = request(await scanTree(files), 'app/send.py');
    assert.equal(d.modelResolved, 'gpt-4o-mini');
    assert.equal(d.modelSource?.from, 'repository-default');
  });

  it('the range spans the other models the repository names for the vendor and the vendor default, stated in the assumptions', async () => {
    const r = await scanTree({
      'app/config.yaml': `llm:\n  model: gpt-4o-mini\n  reviewer_model: gpt-4o\n`,
      'app/send.py': PY_SENDER,
    });
    const c = request(r, 'app/send.py');
    assert.equal(c.modelResolved, 'gpt-4o-mini');
    assert.deepEqual(
      c.plausibleModels?.map((p) => p.model),
      ['gpt-4o', 'gpt-4.1'],
    );
    // Where the repository names it: the line that writes `gpt-4o` whole, not the `gpt-4o-mini` line above it.
    assert.deepEqual(c.plausibleModels?.[0].at, { path: 'app/config.yaml', line: 3 });
    const dearest = c.plausibleModels!.find((p) => p.model === 'gpt-4.1')!.costPerUnit;
    assert.equal(c.costPerCall.kind, 'priced');
    assert.equal(dearest.kind, 'priced');
    if (c.costPerCall.kind === 'priced' && dearest.kind === 'priced') {
      assert.ok(c.costPerCall.high! >= dearest.usd, 'the high reaches the dearest plausible model');
      assert.ok(c.costPerCall.usd < dearest.usd, 'the expected value stays the guess');
    }
    const note = c.assumptions?.find((a) => a.subject === 'model');
    assert.ok(note && typeof note.detail === 'string');
    assert.match(note.detail!, /^guessed: .*3 plausible models, gpt-4o-mini … gpt-4o/);
  });

  it('a configuration file beats a fallback written in code; a model written more often in code does not', async () => {
    const r = await scanTree({
      'app/llm.py': `import os\nMODEL = os.getenv("MODEL", "gpt-4")\nBACKUP_MODEL = "gpt-4"\n`,
      'project/app_config.json': `{ "llm.model": "gpt-4-turbo" }\n`,
      'app/send.py': PY_SENDER,
    });
    assert.equal(request(r, 'app/send.py').modelResolved, 'gpt-4-turbo');
  });

  it("traps: another vendor's models, a tokenizer's model, a test's model and a list of options are not the guess", async () => {
    const r = await scanTree({
      'app/anthropic_models.py': `DEFAULT_MODEL = "claude-3-5-haiku-20241022"\n`,
      'app/tokens.py': `import tiktoken\n\ndef count(text):\n    return len(tiktoken.encoding_for_model("gpt-4o").encode(text))\n`,
      'app/options.ts': `export const MODEL_OPTIONS = ["gpt-4o", "gpt-4o-mini"];\n`,
      'tests/test_send.py': `DEFAULT_MODEL = "gpt-4o"\n`,
      'app/send.py': PY_SENDER,
    });
    const c = request(r, 'app/send.py');
    // Options in a list are named, not defaults: the most named wins only because nothing else fits.
    assert.notEqual(c.modelResolved, 'claude-3-5-haiku');
    assert.ok(['gpt-4o', 'gpt-4o-mini'].includes(c.modelResolved!), c.modelResolved);
    const r2 = await scanTree({ 'app/anthropic_models.py': `DEFAULT_MODEL = "claude-3-5-haiku-20241022"\n`, 'app/tokens.py': `import tiktoken\nENC = tiktoken.encoding_for_model("gpt-4o")\n`, 'tests/test_send.py': `DEFAULT_MODEL = "gpt-4o"\n`, 'app/send.py': PY_SENDER });
    const fallback = request(r2, 'app/send.py');
    assert.equal(fallback.modelSource?.from, 'vendor-default');
    assert.equal(fallback.plausibleModels, undefined);
  });

  it('never changes a call whose model was resolved', async () => {
    const r = await scanTree({
      'app/settings.py': `DEFAULT_MODEL = "gpt-4o-mini"\n`,
      'app/send.py': `from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="o3-mini", messages=[])\n`,
    });
    const c = request(r, 'app/send.py');
    assert.equal(c.modelResolved, 'o3-mini');
    assert.equal(c.modelSource?.from, 'code');
    assert.equal(c.plausibleModels, undefined);
  });

  it('TypeScript: a settings store default serves a request of unknown vendor (the AI SDK through a factory)', async () => {
    const r = await scanTree({
      'src/store/setting.ts': `export const defaultValues = {\n  provider: "google",\n  thinkingModel: "gemini-2.5-pro",\n  apiKey: "",\n};\n`,
      'src/hooks/useWriter.ts': `import { streamText } from "ai";\nimport { createProvider } from "../provider";\n\nexport async function write(prompt: string) {\n  return streamText({ model: await createProvider(), prompt });\n}\n`,
    });
    const c = request(r, 'src/hooks/useWriter.ts');
    assert.equal(c.modelResolved, 'gemini-2.5-pro');
    assert.equal(c.modelSource?.from, 'repository-default');
    assert.match(formatModelSource(c.modelSource!), /the repository's default chat model, src\/store\/setting\.ts:3/);
  });

  it('a record bound to a name that says it is the default model outranks a model named more often; its reason is in the source', async () => {
    const r = await scanTree({
      'lib/config/default-model.ts': `export const DEFAULT_MODEL = { id: 'gpt-5-mini', name: 'GPT-5 mini', providerId: 'openai' }\n`,
      'lib/tools/search.ts': `import { makeSearch } from './make'\nexport const searchTool = makeSearch('openai:gpt-4o-mini')\nexport const backupTool = makeSearch('openai:gpt-4o-mini')\n`,
      'lib/send.ts': `import { generateText } from 'ai'\nimport { pick } from './registry'\nexport async function title(id: string, text: string) {\n  return generateText({ model: pick(id), prompt: text })\n}\n`,
    });
    const c = request(r, 'lib/send.ts');
    assert.equal(c.modelResolved, 'gpt-5-mini');
    assert.match(formatModelSource(c.modelSource!), /lib\/config\/default-model\.ts:1 \(its name says so: DEFAULT_MODEL\.id\)/);
    // The look-alike: the same record under a name that does not say default is one mention among others.
    const r2 = await scanTree({
      'lib/config/preview-model.ts': `export const PREVIEW = { id: 'gpt-5-mini', providerId: 'openai' }\n`,
      'lib/tools/search.ts': `import { makeSearch } from './make'\nexport const searchTool = makeSearch('openai:gpt-4o-mini')\nexport const backupTool = makeSearch('openai:gpt-4o-mini')\n`,
      'lib/send.ts': `import { generateText } from 'ai'\nimport { pick } from './registry'\nexport async function title(id: string, text: string) {\n  return generateText({ model: pick(id), prompt: text })\n}\n`,
    });
    assert.equal(request(r2, 'lib/send.ts').modelResolved, 'gpt-4o-mini');
  });

  it("a CLI option's default is the option's, not a default model: a recommended-model function outranks it", async () => {
    const r = await scanTree({
      'app/cli.py': `import click\n\n@click.option("-m", "--model", default="gpt-4", help="Model for counting tokens.")\ndef tokens(model):\n    pass\n`,
      'app/reduce.py': `def shrink(get_default):\n    model = get_default() or "gpt-4"\n    return model\n`,
      'app/models.py': `def get_recommended_model(provider):\n    if provider == "openai":\n        return "gpt-4o"\n    return "claude-3-7-sonnet-20250219"\n`,
      'app/send.py': PY_SENDER,
    });
    const c = request(r, 'app/send.py');
    assert.equal(c.modelResolved, 'gpt-4o');
    assert.match(formatModelSource(c.modelSource!), /its name says so: get_recommended_model/);
  });

  it("each vendor's entry of a defaults table named like the default model is that vendor's guess", async () => {
    const r = await scanTree({
      'src/defaults.ts': `export const DEFAULT_MODEL = {\n  openai: 'gpt-4o-mini',\n  anthropic: 'claude-3-5-haiku-20241022',\n}\n`,
      'src/other.ts': `export const pricing = [{ id: 'gpt-4o' }, { id: 'gpt-4o' }]\nexport const a = run('gpt-4o')\nexport const b = run('gpt-4o')\n`,
      'app/send.py': PY_SENDER,
    });
    const c = request(r, 'app/send.py');
    assert.equal(c.modelResolved, 'gpt-4o-mini');
    assert.match(formatModelSource(c.modelSource!), /its name says so: DEFAULT_MODEL\.openai/);
  });
});

