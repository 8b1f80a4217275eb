import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';
import { isIdLikeText } from '../../../src/core/detect/text';
import { file, scanTree } from './fixture-scan';

/**
 * Texts that reach a request only by name (sent-texts.ts) but are not written for the model: the arguments of
 * another request whose answer is appended to the history, and ids (model ids, package names, MIME types,
 * settings keys) handed to a library call on the way.
 */
const AGENT = `import pkg_resources
from openai import OpenAI
from anthropic import Anthropic

client = OpenAI()
claude = Anthropic()


def ask(messages):
    return client.chat.completions.create(model="gpt-4o", messages=messages)


def locate(messages):
    weights = pkg_resources.resource_filename("app.models.weights", "best.pt")
    boxes = detect(weights)
    messages.append({"role": "user", "content": f"Boxes: {boxes}"})
    return ask(messages)


def review(messages):
    reply = claude.messages.create(
        model="claude-3-opus-20240229",
        max_tokens=300,
        system="Check the json string you wrote and fix it",
        messages=messages,
    )
    messages.append({"role": "assistant", "content": reply.content[0].text})
    return ask(messages)


def go_on(messages):
    note = load_note("Keep the answer under ten lines, then stop")
    messages.append({"role": "user", "content": note})
    return ask(messages)
`;

describe('repository model: what a request answers and the ids on the way are not texts it sends', () => {
  it("another request's answer appended to the history carries none of that request's own arguments (its model id, its system text)", async () => {
    const r = file(await scanTree({ 'app.py': AGENT }), 'app.py');
    const ask = r.calls.find((c) => c.line === 10)!;
    const linked = (ask.loadedPrompts ?? []).map((l) => l.line);
    assert.ok(!linked.includes(22) && !linked.includes(24), `linked: ${linked.join(', ')}`);
    // The system text stays the prompt of the request it is written at, once.
    assert.deepEqual(r.prompts.filter((p) => p.line === 24).map((p) => p.kind), ['system']);
    assert.ok(!r.prompts.some((p) => p.line === 22), r.prompts.map((p) => `${p.line}:${p.reason}`).join('\n'));
  });

  it('a package name handed to a library call on the way to the request is no prompt; a sentence handed the same way still is', async () => {
    const r = file(await scanTree({ 'app.py': AGENT }), 'app.py');
    assert.ok(!r.prompts.some((p) => p.line === 14), r.prompts.map((p) => `${p.line}:${p.reason}`).join('\n'));
    assert.ok(r.prompts.some((p) => p.line === 32 && /sent with the request/.test(p.reason ?? '')), r.prompts.map((p) => `${p.line}:${p.reason}`).join('\n'));
  });

  it('ids: dotted, dashed, slashed or snake-case tokens; words and sentences are not ids', () => {
    for (const id of ['qwen2.5-vl-72b-instruct', 'operate.models.weights', 'image/png', 'best.pt', 'code_contests_prompts_solve_direct', '{model}-preview']) assert.ok(isIdLikeText(id), id);
    for (const text of ['Continue.', 'Assistant:', 'Proceed', 'diff --git', '<learning>{x}</learning>', 'Keep it short', 'e.g. this']) assert.ok(!isIdLikeText(text), text);
  });
});

describe('detect: a function named for a prompt that returns a key', () => {
  it('returned section names (a key handed to a loader) are not prompts; a returned sentence is', async () => {
    const f = await detectFile(
      `def choose_prompt():
    if settings.get("solve.use_direct_solutions", False):
        return "code_contests_prompts_solve_direct"
    return "code_contests_prompts_solve"


def build_prompt():
    return "You are a careful solver of contest problems."
`,
      'stages.py',
    );
    assert.deepEqual(f.prompts.map((p) => p.line), [8]);
  });
});
