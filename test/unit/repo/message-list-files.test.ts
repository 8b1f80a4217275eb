/**
 * Prompt files read through the repository's own loader and sent inside a message list the call is given by
 * name (arc53/DocsGPT's research agent): linked to the call and counted in its input. Look-alikes: a data file
 * and a README put into a message are not prompt files.
 */
import * as assert from 'node:assert/strict';
import type { Expr } from '../../../src/core/repo/facts';
import { inputNamesOf } from '../../../src/core/repo/message-list-files';
import { file, scanTree } from './fixture-scan';

const LOADER = `import os
from openai import OpenAI

_PROMPTS_DIR = os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    "prompts",
    "research",
)


def _load_prompt(name: str) -> str:
    with open(os.path.join(_PROMPTS_DIR, name), "r") as f:
        return f.read()


CLARIFICATION_PROMPT = _load_prompt("clarification.txt")

client = OpenAI()


def clarify(question):
    messages = [
        {"role": "system", "content": CLARIFICATION_PROMPT},
        {"role": "user", "content": question},
    ]
    return client.chat.completions.create(model="gpt-4o", messages=messages)
`;

const PROMPT = 'You decide whether the research question needs clarification first. Answer in JSON with needs_clarification and up to three questions.\n';

describe('prompt files sent inside a message list', () => {
  it('a loader read by a literal name, held in a constant, sent as a message of a local list: linked and counted', async () => {
    const r = await scanTree({ 'app/agents/research.py': LOADER, 'app/prompts/research/clarification.txt': PROMPT });
    const call = file(r, 'app/agents/research.py').calls[0];
    assert.deepEqual(call.loadedPrompts, [{ path: 'app/prompts/research/clarification.txt', line: 1 }]);
    assert.equal(call.inputUnknown, undefined);
    assert.ok(call.assumed.some((a) => a.includes('text of app/prompts/research/clarification.txt')), call.assumed.join('\n'));
    assert.ok(file(r, 'app/prompts/research/clarification.txt').prompts.length === 1, 'the file is reported with its prompt');
  });

  it('a list handed to a wrapper of the request: the file is counted, and the list\'s other messages stay an input', async () => {
    const r = await scanTree({
      'app/llm.py': `from openai import OpenAI\n\n\nclass BaseLLM:\n    def gen(self, model, messages, tools=None):\n        return self._raw_gen(model, messages)\n\n\nclass OpenAILLM(BaseLLM):\n    def __init__(self):\n        self.client = OpenAI()\n\n    def _raw_gen(self, model, messages):\n        return self.client.chat.completions.create(model=model, messages=messages)\n`,
      'app/agent.py': `import os\n\nfrom app.llm import OpenAILLM\n\nPROMPTS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "prompts")\n\n\ndef load_prompt(name):\n    with open(os.path.join(PROMPTS_DIR, name)) as f:\n        return f.read()\n\n\nPLANNING_PROMPT = load_prompt("planning.md")\n\n\nclass Agent:\n    def __init__(self):\n        self.llm = OpenAILLM()\n\n    def plan(self, question):\n        messages = [\n            {"role": "system", "content": PLANNING_PROMPT},\n            {"role": "user", "content": question},\n        ]\n        return self.llm.gen(model="gpt-4o", messages=messages)\n`,
      'app/prompts/planning.md': 'You plan the research: list the steps, each with a query and a short rationale, as JSON.\n',
    });
    const call = file(r, 'app/llm.py').calls[0];
    assert.deepEqual(call.loadedPrompts, [{ path: 'app/prompts/planning.md', line: 1 }]);
    assert.ok(call.assumed.some((a) => /^input messages: \d+ tokens/.test(a)), call.assumed.join('\n'));
  });

  it('the input names of a call the repository pass found: positional names and names under input keywords', () => {
    const line = 1;
    const name = (v: string): Expr => ({ k: 'name', v, line });
    const expr: Extract<Expr, { k: 'call' }> = { k: 'call', callee: { k: 'member', obj: { k: 'name', v: 'llm', line }, prop: 'gen', line }, text: 'llm.gen', args: [name('history')], kw: { model: name('model_id'), messages: name('messages'), tools: name('tools') }, line };
    assert.deepEqual(inputNamesOf(expr), ['history', 'messages']);
  });

  it('a loader call written inline in a message of the request: linked; a data file read inline is not', async () => {
    const code = `import os
from openai import OpenAI

PROMPTS_DIR = os.path.join(os.path.dirname(__file__), "prompts")
client = OpenAI()


def _load_prompt(name):
    with open(os.path.join(PROMPTS_DIR, name)) as f:
        return f.read()


def explain(question):
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": _load_prompt("explain.txt")}, {"role": "user", "content": question}])


def rows(question):
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": open("data/rows.csv").read()}, {"role": "user", "content": question}])
`;
    const r = await scanTree({ 'app/agent.py': code, 'app/prompts/explain.txt': 'You explain the course to a student in plain words, with one example and one exercise.\n', 'data/rows.csv': 'a,b\n1,2\n' });
    const [explain, rows] = file(r, 'app/agent.py').calls;
    assert.deepEqual(explain.loadedPrompts, [{ path: 'app/prompts/explain.txt', line: 1 }]);
    assert.equal(rows.loadedPrompts, undefined);
  });

  it('traps: a data file and a README put into a message are not prompt files of the call', async () => {
    const code = `from openai import OpenAI

client = OpenAI()
ROWS = open("data/rows.csv").read()
ABOUT = open("README.md").read()


def summarize(question):
    messages = [
        {"role": "system", "content": ABOUT},
        {"role": "user", "content": ROWS},
    ]
    return client.chat.completions.create(model="gpt-4o", messages=messages)
`;
    const r = await scanTree({ 'app/summarize.py': code, 'data/rows.csv': 'a,b\n1,2\n', 'README.md': '# The project\n\nA tool that summarizes rows of data for people.\n' });
    const call = file(r, 'app/summarize.py').calls[0];
    assert.equal(call.loadedPrompts, undefined);
    assert.ok(!r.files.some((f) => f.path === 'data/rows.csv' || f.path === 'README.md' && f.prompts.length > 0));
  });
});
