import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

const ASSEMBLED = `
import logging
import litellm
from app.messages import UserMessage, ContentPartTextParam

logger = logging.getLogger(__name__)
SYSTEM = "You are a terminal assistant. Answer with shell commands only."


class StatePrompt:
    def __init__(self, task, plan, screenshots):
        self.task = task
        self.plan = plan
        self.screenshots = screenshots

    def _task_block(self) -> str:
        return f"<user_request>\\n{self.task}\\n</user_request>\\n"

    def _plan_block(self) -> str:
        block = "<plan>\\n" + self.plan + "\\n</plan>\\n"
        if not self.plan:
            block += "No plan yet, write one first.\\n"
        return block

    def user_message(self):
        logger.info(f"Building the state message for {self.task}")
        text = self._task_block() + "<agent_state>\\n" + self._plan_block() + "</agent_state>"
        text = sanitize(text)
        parts = [ContentPartTextParam(text=text)]
        for i, shot in enumerate(self.screenshots):
            label = "Current screenshot:" if i == 0 else "Previous screenshot:"
            parts.append(ContentPartTextParam(text=label))
        return UserMessage(content=parts)


def ask_for_fix(history, error):
    if error is None:
        raise ValueError("An error message is required to ask for a fix")
    history = "The user ran these commands:\\n" + history
    command = "wtf " + error
    user = history.strip() + command + "\\n\\nPlease fix the final error above."
    messages = [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user.strip()}]
    status = "Asking the model for a fix right now"
    print(status)
    return litellm.completion(model="gpt-4o", messages=messages)


def describe_image(message, description):
    precursor = "Imagine I have just shown you an image with this description: "
    message["content"] = precursor + description + "\\nAnswer questions about this image."
    page = {}
    page["content"] = "Not found, try another page of the site"
    return message


def last_step(state):
    # A synthesized answer that ends the run: nothing sends it to a model.
    return {"messages": [AIMessage(content="Sorry, I could not finish within the step limit.")]}
`;

const TS_SECTIONS = `
import OpenAI from 'openai';
import dedent from 'dedent';

const client = new OpenAI();

export const DESIGN_SECTION = dedent\`
  ## Design
  Use generous whitespace and one accent colour.
\`;

const PLAN_INSTRUCTION = 'Plan internally before writing code, never reveal the plan.';

function buildExamplesSection(): string {
  return dedent\`
    ## Examples
    Follow the format of these examples exactly.
  \`;
}

function applyVariant(prompt: string): string {
  const extra = dedent\`
    ## Self-check
    Check that every import resolves before answering.
  \`;
  return prompt + '\\n\\n' + extra;
}

function buildBase(config: { variant?: string; examples: boolean }): string {
  let text = dedent\`
    # Coder
    You are an expert React engineer. Write small working apps.
  \`;
  if (config.variant === 'v2') text = applyVariant(text);
  if (config.examples) text += '\\n\\n' + buildExamplesSection();
  return text;
}

export function buildSystem(): string {
  const base = buildBase({ examples: false });
  return base + '\\n\\n' + DESIGN_SECTION + '\\n\\n' + PLAN_INSTRUCTION;
}

export function statusLabel(done: boolean): string {
  const label = done ? 'Finished generating your app' : 'Still generating your app';
  return label + '...';
}

export async function generate(question: string) {
  return client.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'system', content: buildSystem() }, { role: 'user', content: question }] });
}
`;

const DSPY_INPUT = `
import dspy


class AskQuestion(dspy.Signature):
    """Ask one good question about the topic."""

    topic = dspy.InputField()
    conv = dspy.InputField()
    question = dspy.OutputField()


class Asker(dspy.Module):
    def __init__(self, engine):
        self.engine = engine
        self.ask = dspy.Predict(AskQuestion)

    def forward(self, topic, turns):
        conv = []
        for turn in turns:
            conv.append(f"You: {turn.user}\\nExpert: Omit the answer here due to space limit.")
        conv = "\\n".join(conv)
        conv = conv.strip() or "N/A"
        notes = "\\n".join([f"Note: {t.fact} was confirmed by the expert" for t in turns])
        notes = notes.strip()
        print(f"Asking the expert about {topic} now")
        with dspy.settings.context(lm=self.engine):
            return self.ask(topic=topic, conv=conv, notes=notes).question
`;

function lineOf(source: string, needle: string): number {
  const i = source.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, needle);
  return i + 1;
}

describe('detect: prompts assembled in code', () => {
  it('reports the written pieces of a message text built in a function, a method or a message constructor, where they are written', async () => {
    const f = await detectFile(ASSEMBLED, 'state.py');
    const lines = new Set(f.prompts.map((p) => p.line));
    for (const piece of [
      'return f"<user_request>', // returned by a method the message text calls
      'block = "<plan>', // assigned in that method
      'No plan yet', // appended with +=
      '"<agent_state>', // spliced between method calls
      'Current screenshot:', // a text part's label chosen by a condition
      'The user ran these commands', // a local reassigned before it is sent
      'Please fix the final error', // the user message's own text
      'precursor = "Imagine', // message["content"] = precursor + …
      'Answer questions about this image',
    ]) {
      assert.ok(lines.has(lineOf(ASSEMBLED, piece)), `piece reported: ${piece}`);
    }
  });

  it('the message of a request is counted from its pieces, not again where it is sent', async () => {
    const f = await detectFile(ASSEMBLED, 'state.py');
    const sent = lineOf(ASSEMBLED, 'messages = [{"role"');
    assert.ok(!f.prompts.some((p) => p.line === sent), 'no prompt at the message list: its texts are reported where written');
    const call = f.calls.find((c) => c.line === lineOf(ASSEMBLED, 'litellm.completion('));
    assert.ok(call, 'the request is found');
    const linked = f.prompts.filter((p) => call!.promptIds.includes(p.id)).map((p) => p.line);
    assert.ok(linked.includes(lineOf(ASSEMBLED, 'Please fix the final error')), 'the request counts the user text');
    assert.ok(linked.includes(lineOf(ASSEMBLED, 'SYSTEM = ')), 'and the system constant');
  });

  it('log lines, errors, UI strings and a non-message dict are not prompts', async () => {
    const f = await detectFile(ASSEMBLED, 'state.py');
    for (const trap of ['Building the state message', 'An error message is required', 'Asking the model for a fix', 'Not found, try another page', 'Sorry, I could not finish']) {
      assert.ok(!f.prompts.some((p) => p.text.includes(trap)), `not a prompt: ${trap}`);
    }
    assert.ok(!f.prompts.some((p) => p.line === lineOf(ASSEMBLED, 'command = "wtf')), 'a command prefix is not written text');
  });

  it('TypeScript: section constants and builder functions composed into a system prompt are reported where written, not at the composition', async () => {
    const f = await detectFile(TS_SECTIONS, 'prompt-config.ts');
    const lines = new Set(f.prompts.map((p) => p.line));
    for (const piece of ['export const DESIGN_SECTION', "const PLAN_INSTRUCTION", 'return dedent`', 'const extra = dedent`', 'let text = dedent`']) {
      assert.ok(lines.has(lineOf(TS_SECTIONS, piece)), `section reported: ${piece}`);
    }
    assert.ok(!lines.has(lineOf(TS_SECTIONS, "return base + '")), 'the composition adds no text of its own');
    assert.ok(!f.prompts.some((p) => /generating your app/.test(p.text)), 'a UI status label is not a prompt');
    const call = f.calls.find((c) => c.line === lineOf(TS_SECTIONS, 'client.chat.completions.create('));
    const linked = f.prompts.filter((p) => call!.promptIds.includes(p.id)).map((p) => p.line);
    assert.ok(linked.includes(lineOf(TS_SECTIONS, 'let text = dedent`')) && linked.includes(lineOf(TS_SECTIONS, 'export const DESIGN_SECTION')), 'the request counts the sections it sends');
  });

  it('DSPy: a predictor input the code writes (a list of f-strings joined) is prompt text of that request; a log line is not', async () => {
    const f = await detectFile(DSPY_INPUT, 'asker.py');
    const piece = f.prompts.find((p) => p.line === lineOf(DSPY_INPUT, 'conv.append('));
    assert.ok(piece, 'the appended f-string is a prompt');
    const call = f.calls.find((c) => c.line === lineOf(DSPY_INPUT, 'self.ask(topic'));
    assert.ok(call?.promptIds.includes(piece!.id), 'the predictor request counts it');
    const note = f.prompts.find((p) => p.line === lineOf(DSPY_INPUT, 'notes = "'));
    assert.ok(note && call!.promptIds.includes(note.id), 'a joined comprehension reassigned before it is sent is read too');
    assert.ok(!f.prompts.some((p) => /Asking the expert/.test(p.text)), 'a log line is not a prompt');
  });

  it('a prompt-named attribute set in a method (self.execution_instructions = "…") is a prompt other methods send; a draft local never read is not', async () => {
    const source = [
      'import litellm',
      '',
      'class Llm:',
      '    def __init__(self):',
      '        self.execution_instructions = "To run code on the machine, write a markdown code block with its language."',
      '        self.model = "gpt-4o"',
      '',
      '    def build(self, task):',
      '        draft_prompt = "An older wording of the instructions that nothing reads any more."',
      '        return task',
      '',
      '    def run(self, messages):',
      '        return litellm.completion(model=self.model, messages=messages)',
    ].join('\n');
    const f = await detectFile(source, 'llm.py');
    assert.deepEqual(f.prompts.map((p) => [p.line, p.kind]), [[5, 'instructions']]);
  });
});
