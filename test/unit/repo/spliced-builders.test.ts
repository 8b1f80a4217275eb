import * as assert from 'node:assert/strict';
import { promptTags } from '../../../bench/repos/census-tags';
import { file, scanTree } from './fixture-scan';

/** A policies module of text builders, and a message module that splices their calls into the user message it sends. */
// Files without a hint of LLM use ("prompt", "model", …) are not parsed at all: the builder module names its purpose.
const POLICIES = `"""Policy lines for the prompt."""
def build_image_policy(enabled):
    if enabled:
        return (
            "Image generation is enabled for this request. Call generate_images for "
            "missing assets when needed."
        )
    return "Image generation is disabled for this request. Use placeholder images instead."


def build_log_line(count):
    return f"Finished the request with {count} generated files in total"


def stack_word(stack):
    return "tailwind" if stack else "plain"
`;

const MESSAGES = `from openai import OpenAI
from policies import build_image_policy, build_log_line, stack_word

client = OpenAI()


def create(text, enabled, stack):
    image_policy = build_image_policy(enabled)
    user_prompt = f"""Generate code for a web page that looks exactly like the screenshot.

Stack: {stack_word(stack)}

- {image_policy}
"""
    print(f"Done: {build_log_line(3)}")
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": user_prompt}])
`;

describe('a builder of another module whose call a sent template splices: its returned texts are prompts where written', () => {
  it('Python: both texts the imported policy builder returns are prompts of the policies module', async () => {
    const r = await scanTree({ 'policies.py': POLICIES, 'messages.py': MESSAGES });
    const found = file(r, 'policies.py').prompts.map((p) => p.line);
    assert.ok(found.includes(5), `the enabled policy (have ${found})`);
    assert.ok(found.includes(8), `the disabled policy (have ${found})`);
  });

  it('traps: a builder spliced into a log line, and a builder returning one word, are no prompts', async () => {
    const r = await scanTree({ 'policies.py': POLICIES, 'messages.py': MESSAGES });
    const found = file(r, 'policies.py').prompts.map((p) => p.line);
    assert.ok(!found.includes(12), `the log line (have ${found})`);
    assert.ok(!found.includes(16), `the one-word choice (have ${found})`);
  });

  it('TypeScript: an exported builder spliced by a template (no .replace chain)', async () => {
    const rules = '/** Rule lines for the system prompt. */\nexport function rulesBlock(strict: boolean): string {\n  return strict ? "Follow every rule below without exception, always." : "Use the rules below as loose guidance only.";\n}\n';
    const send = 'import OpenAI from "openai";\nimport { rulesBlock } from "./rules";\nconst client = new OpenAI();\nexport async function ask(q: string, strict: boolean) {\n  const system = `You answer questions about the codebase.\\n${rulesBlock(strict)}`;\n  return client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "system", content: system }, { role: "user", content: q }] });\n}\n';
    const r = await scanTree({ 'rules.ts': rules, 'ask.ts': send });
    const prompts = file(r, 'rules.ts').prompts;
    assert.deepEqual(prompts.map((p) => p.line), [3]);
    assert.equal(promptTags(prompts[0] as never)[0].tag, 'imported-builder-splice');
  });
});
