import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

const prompts = async (src: string, path: string) => (await detectFile(src, path)).prompts;
const lines = async (src: string, path: string): Promise<number[]> => (await prompts(src, path)).map((p) => p.line).sort((a, b) => a - b);

describe('per-item templates joined into a prompt (Python)', () => {
  const py = [
    'import anthropic', //                                                                                  1
    'client = anthropic.Anthropic()', //                                                                    2
    'edit_memory = []', //                                                                                  3
    '', //                                                                                                  4
    'def edit(path, files, calls, request):', //                                                           5
    '    memory = "\\n".join([f"Memory {i + 1} of the earlier edits:\\n{m}" for i, m in enumerate(edit_memory)])', // 6
    '    tree = "\\n".join([f"--- {p} ---\\n{c}" for p, c in files.items()])', //                          7
    '    if calls:', //                                                                                     8
    '        history = "\\n".join(f"- {c.name} with arguments {c.args} produced output: {c.out}" for c in calls)', // 9
    '    else:', //                                                                                         10
    '        history = "None"', //                                                                          11
    '    system = f"You are an expert coding assistant. Review the information below carefully.\\n{memory}\\n{tree}\\n{history}"', // 12
    '    r = client.messages.create(model="claude-3-5-sonnet-20240620", max_tokens=100, system=system, messages=[{"role": "user", "content": request}])', // 13
    '    edit_memory.append(f"Edit instructions for {path}:\\n{r.content[0].text}")', //                   14
    '    print("\\n".join(f"Saved the file {p} to the disk" for p in files))', //                          15
    '    return r', //                                                                                      16
  ].join('\n');

  it('the template of a comprehension, a generator and a module-level memory list spliced into the sent prompt', async () => {
    const found = await lines(py, 'edit.py');
    assert.ok(found.includes(6), `the memory item template (have ${found})`);
    assert.ok(found.includes(9), `the history item template (have ${found})`);
    assert.ok(found.includes(14), `the text appended to the module-level memory (have ${found})`);
  });

  it('traps: an item template without two written words, and a join that is only printed', async () => {
    const found = await lines(py, 'edit.py');
    assert.ok(!found.includes(7), `a path header is data framing (have ${found})`);
    assert.ok(!found.includes(15), `a printed join is no prompt (have ${found})`);
  });

  it('a list filled by append and joined into a template filled with .replace', async () => {
    const src = [
      'import litellm', //                                                                                 1
      'SYSTEM = "You are an agent that calls functions. Calls made so far: {{history}}"', //              2
      'def run(calls, task):', //                                                                          3
      '    lines = []', //                                                                                 4
      '    for c in calls:', //                                                                            5
      '        lines.append(f"- {c.name} was called with {c.args} and returned {c.out}")', //             6
      '    history = "\\n".join(lines)', //                                                                7
      '    system = SYSTEM.replace("{{history}}", history)', //                                            8
      '    return litellm.completion(model="gpt-4o", messages=[{"role": "system", "content": system}, {"role": "user", "content": task}])',
    ].join('\n');
    const found = await lines(src, 'agent.py');
    assert.ok(found.includes(6), `the appended item template (have ${found})`);
  });
});

describe('texts of a prompt assembled from values', () => {
  it('TypeScript: a template of splices only still carries the fallback a .replace inserts', async () => {
    const src = [
      'import { ChatOpenAI } from "@langchain/openai";', //                                                1
      'import { CONTENT_PROMPT } from "./prompts";', //                                                    2
      'export async function run(item: { prompt: string }, code?: string) {', //                          3
      '  const model = new ChatOpenAI({ model: "gpt-4o-mini" });', //                                      4
      '  let text = `<custom-instructions>\\n${item.prompt}\\n</custom-instructions>`;', //                5
      '  text += `\\n\\n${CONTENT_PROMPT.replace("{content}", code || "No artifacts generated yet.")}`;', // 6
      '  const label = `\\n${code || "Nothing"}`;', //                                                    7
      '  console.log(label);', //                                                                          8
      '  return model.invoke([{ role: "user", content: text }]);', //                                     9
      '}',
    ].join('\n');
    const found = await lines(src, 'action.ts');
    assert.ok(found.includes(6), `the fallback inserted into the slot (have ${found})`);
    assert.ok(!found.includes(7), `a template that is only logged (have ${found})`);
  });

  it('TypeScript: a list of builder calls joined is not a prompt of its own; the in-file builder text is', async () => {
    const src = [
      'import { streamText } from "ai";', //                                                                1
      'import { openai } from "@ai-sdk/openai";', //                                                        2
      'import { questionPrompt } from "./prompts";', //                                                     3
      'function languageSuffix() {', //                                                                     4
      '  return `\\n\\n**Respond in the same language as the user\'s language**`;', //                      5
      '}', //                                                                                               6
      'export function ask(question: string) {', //                                                         7
      '  return streamText({', //                                                                           8
      '    model: openai("gpt-4o"),', //                                                                    9
      '    prompt: [', //                                                                                   10
      '      questionPrompt(question),', //                                                                 11
      '      languageSuffix(),', //                                                                         12
      '    ].join("\\n\\n"),', //                                                                           13
      '  });',
      '}',
    ].join('\n');
    const found = await lines(src, 'ask.ts');
    assert.ok(found.includes(5), `the suffix builder's text (have ${found})`);
    assert.ok(!found.includes(10), `the joined list itself (have ${found})`);
  });

  it('trap: a prompt_toolkit style table keyed "prompt" is not a prompt', async () => {
    const src = [
      'from prompt_toolkit import PromptSession',
      'from prompt_toolkit.styles import Style',
      'def ask():',
      "    style = Style.from_dict({'prompt': 'cyan bold'})",
      '    return PromptSession(style=style).prompt("You: ")',
    ].join('\n');
    assert.deepEqual(await lines(src, 'cli.py'), []);
  });

  it('a one-word fallback of an assembled message is a value, the line around it is text', async () => {
    const src = [
      'from langchain.schema import HumanMessage', //                                                     1
      'def render(blocks):', //                                                                            2
      '    other = ", ".join(blocks) if blocks else "None"', //                                           3
      '    content = ""', //                                                                               4
      '    content += f"Other blocks that are recently seen: {other}\\n\\n"', //                       5
      '    return HumanMessage(content=content)', //                                                       6
    ].join('\n');
    const found = await lines(src, 'observe.py');
    assert.ok(found.includes(5), `the observation line (have ${found})`);
    assert.ok(!found.includes(3), `the "None" fallback (have ${found})`);
  });
});

const TURNS = `from langchain_core.prompts import PromptTemplate
from langchain_core.messages import AIMessage, HumanMessage

search_prompt = PromptTemplate.from_template(
    """Given the conversation below, come up with a search query to look up.

{conversation}

Return only the search query."""
)


async def search_query(llm, messages):
    convo = []
    for m in messages:
        if isinstance(m, AIMessage):
            convo.append(f"AI: {m.content}")
        if isinstance(m, HumanMessage):
            convo.append(f"Human: {m.content}")
    conversation = "\\n".join(convo)
    prompt = await search_prompt.ainvoke({"conversation": conversation})
    return await llm.ainvoke(prompt)


def show(llm, messages):
    lines = []
    for m in messages:
        lines.append(f"User: {m.content}")
    transcript = "\\n".join(lines)
    print(transcript)
    return llm.invoke("Summarise the weather in Paris today.")
`;

describe('detect: turn prefixes joined into a prompt template filled by invoke (Python)', () => {
  it('the turn markers appended per message are prompts when the joined text fills a PromptTemplate variable', async () => {
    const f = await detectFile(TURNS, 'retrieval.py');
    const lines = f.prompts.map((p) => p.line);
    assert.ok(lines.includes(17) && lines.includes(19), `turn prefixes reported (got ${lines.join(', ')})`);
    assert.ok(!lines.includes(28), 'a transcript only printed is no prompt');
  });
});
