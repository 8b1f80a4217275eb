import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';
import type { Expr } from '../../../src/core/repo/facts';
import { clearMajority, mainVariant } from '../../../src/core/repo/type-defaults';
import { file, scan } from './fixture-scan';

function text(e: Expr | undefined): string {
  if (!e) return '';
  switch (e.k) {
    case 'or':
      return `${text(e.left)} | ${text(e.right)}`;
    case 'call':
      return `${e.text}()`;
    case 'name':
      return e.v;
    case 'member':
      return `${text(e.obj)}.${e.prop}`;
    default:
      return e.k;
  }
}

describe('parameters the body fills in when nothing is passed', () => {
  it('records `if p is None:` assignments (nested branches as alternatives), `p = p or X` and `X if p is None else p`, not other tests', async () => {
    const src = `def build(llm=None, judge=None, mode=None, critic=None, retries=None, other=None):
    if llm is None:
        if CONFIG.name:
            llm = by_name(CONFIG.name)
        else:
            llm = Chat()
    judge = judge or llm
    critic = Critic() if critic is None else critic
    if retries is not None:
        retries = 3
    if other is None:
        unrelated = 1
    return llm
`;
    const f = await detectFile(src, 'build.py');
    const params = f.facts?.functions.find((fn) => fn.name === 'build')?.params ?? [];
    const fallback = Object.fromEntries(params.map((p) => [p.name, text(p.fallback)]));
    assert.deepEqual(fallback, { llm: 'by_name() | Chat()', judge: 'llm', mode: '', critic: 'Critic()', retries: '', other: '' });
  });

  it('records imports written inside functions, for names the module does not import', async () => {
    const src = `import openai
from app.chat import ChatClient

def make():
    from app.chat import AcmeChat
    from app import chat as chat_module
    return AcmeChat()
`;
    const f = await detectFile(src, 'make.py');
    assert.deepEqual(
      f.facts?.lateImports?.map((i) => [i.local, i.module, i.name]),
      [
        ['AcmeChat', 'app.chat', 'AcmeChat'],
        ['chat_module', 'app', 'chat'],
      ],
    );
  });
});

describe("the repository's own chat-model classes", () => {
  it('invokes of a chat model handed in (`None` default filled by the body, `a or self.llm`) are requests on the default instance’s model', async () => {
    const r = await scan('chat-model-defaults');
    const agent = file(r, 'app/agent.py');
    const byLine = new Map(agent.calls.filter((c) => c.role !== 'binding').map((c) => [c.line, c] as const));
    // step, judge (judge_llm defaults to llm), summarize (`if summary_llm is None: summary_llm = self.llm`), extract (`x or self.llm`).
    for (const line of [20, 23, 28, 32]) {
      const c = byLine.get(line);
      assert.ok(c, `request at ${line}; have ${[...byLine.keys()].join(', ')}`);
      // `llm=None` builds `AcmeChat()` (imported inside the constructor), whose model defaults to acme-large-2;
      // the MCP entry's explicit `AcmeChat(model="acme-small-1")` is not the default configuration.
      assert.equal(c.model, 'acme-large-2', `model at ${line}: ${JSON.stringify(c.modelSource)}`);
      assert.deepEqual(c.modelSource?.at, { path: 'app/chat.py', line: 14 });
    }
    // Trap: `planner_llm or create_react_agent(…)` is an agent, not a chat model.
    assert.equal(byLine.get(37), undefined);
  });

  it('a chat model known only by its annotation (injected by a registry) is the default instance of that type; another type stays unknown', async () => {
    const r = await scan('chat-model-defaults');
    const actions = file(r, 'app/actions.py');
    const extract = actions.calls.find((c) => c.line === 10);
    assert.equal(extract?.model, 'acme-large-2');
    assert.match(extract?.modelSource?.detail ?? '', /default llm of Agent\.__init__/);
    // Nothing builds a default `OtherClient`: no model is made up for it.
    const translate = actions.calls.find((c) => c.line === 15);
    assert.ok(translate, 'the invoke is still a request');
    assert.equal(translate.model, undefined);
    assert.equal(translate.modelSource?.from, 'default');
  });
});

describe('defaults of a type that disagree', () => {
  it('a clear majority (three in four) decides; otherwise nothing is chosen', () => {
    assert.deepEqual(clearMajority(['bu-2', 'bu-2', 'bu-2', 'bu-2', 'gpt-5']), { value: 'bu-2', count: 4 });
    assert.deepEqual(clearMajority(['x-1']), { value: 'x-1', count: 1 });
    assert.equal(clearMajority(['a-1', 'a-1', 'b-1']), undefined);
    assert.equal(clearMajority(['a-1', 'b-1']), undefined);
    assert.equal(clearMajority([]), undefined);
  });
});

describe('defaults in variant folders', () => {
  it('count only where no other place exists', () => {
    const id = (p: string): string => p;
    assert.deepEqual(mainVariant(['pkg/agent/service.py', 'pkg/beta/service.py', 'pkg/experimental/agent.py'], id), ['pkg/agent/service.py']);
    assert.deepEqual(mainVariant(['pkg/beta/service.py'], id), ['pkg/beta/service.py']);
    // A folder merely starting with a variant word is not one.
    assert.deepEqual(mainVariant(['pkg/betamax/x.py', 'pkg/oldies/y.py'], id), ['pkg/betamax/x.py', 'pkg/oldies/y.py']);
  });
});
