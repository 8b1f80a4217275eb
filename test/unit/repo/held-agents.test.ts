import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../src/node/scan';
import { scanTree } from './fixture-scan';

/** The requests of a file (bindings left out), as [line, model]. */
function requests(r: ScanResult, path: string): [number, string | undefined][] {
  // A file with nothing to report is not listed.
  const f = r.files.find((x) => x.path === path);
  if (!f) return [];
  return f.calls.filter((c) => c.role !== 'binding').map((c) => [c.line, c.modelResolved]);
}

/** A Streamlit helper long enough that only its final state construction is read as what it returns. */
function stateHelper(store: readonly string[]): string {
  const filler = Array.from({ length: 62 }, (_, i) => `    st.caption("step ${i}")`);
  return [
    'import streamlit as st',
    'from pydantic import BaseModel',
    'from llama_index.agent.types import BaseAgent',
    'from core.loader import load_meta_agent_and_tools',
    '',
    'class CurrentSessionState(BaseModel):',
    '    builder_agent: BaseAgent',
    '    label: str',
    '',
    'def reset():',
    '    st.session_state.builder_agent = None',
    '',
    'def get_current_state() -> CurrentSessionState:',
    ...filler,
    '    if "builder_agent" not in st.session_state.keys() or st.session_state.builder_agent is None:',
    ...store,
    '    return CurrentSessionState(',
    '        builder_agent=st.session_state.builder_agent,',
    '        label="builder",',
    '    )',
    '',
  ].join('\n');
}

const CONFIG = ['from llama_index.llms import OpenAI', '', 'BUILDER_LLM = OpenAI(model="gpt-4-1106-preview")', ''].join('\n');

const LOADER = [
  'from llama_index.agent import OpenAIAgent',
  'from llama_index.llms import OpenAI',
  'from core.builder_config import BUILDER_LLM',
  '',
  'def load_meta_agent(tools, llm, system_prompt):',
  '    agent = OpenAIAgent.from_tools(tools=tools, llm=llm, system_prompt=system_prompt)',
  '    return agent',
  '',
  'def load_meta_agent_and_tools(cache=None):',
  '    tools = []',
  '    builder_agent = load_meta_agent(tools, llm=BUILDER_LLM, system_prompt="Help build an agent.")',
  '    return builder_agent, tools',
  '',
].join('\n');

describe('agents and chat models read back from containers (held-values)', () => {
  it("a run on an agent a page reads from a helper's state object, stored in Streamlit's session state from a loader's tuple", async () => {
    const r = await scanTree({
      'core/builder_config.py': CONFIG,
      'core/loader.py': LOADER,
      'st_utils.py': stateHelper(['        builder_agent, tools = load_meta_agent_and_tools()', '        st.session_state.builder_agent = builder_agent']),
      'home.py': [
        'import streamlit as st',
        'from st_utils import get_current_state',
        '',
        'current_state = get_current_state()',
        'if prompt := st.chat_input("Your question"):',
        '    with st.chat_message("assistant"):',
        '        response = current_state.builder_agent.chat(prompt)',
        '        st.write(str(response))',
        '',
      ].join('\n'),
    });
    assert.deepEqual(requests(r, 'home.py').map(([line]) => line), [7]);
    // The builder sends nothing; its loop stays where the agent is built.
    assert.deepEqual(requests(r, 'core/loader.py'), []);
  });

  it('the session state read by key ([...] or .get) on another page; the agent stored under another key, or only a placeholder, is no run', async () => {
    const files = {
      'core/builder_config.py': CONFIG,
      'core/loader.py': LOADER,
      'init.py': [
        'import streamlit as st',
        'from core.loader import load_meta_agent_and_tools',
        '',
        'def init():',
        '    st.session_state["agent"], st.session_state["tools"] = load_meta_agent_and_tools()',
        '    st.session_state["empty"] = None',
        '',
      ].join('\n'),
      'page.py': [
        'import streamlit as st',
        '',
        'def answer(q):',
        '    a = st.session_state["agent"].chat(q)',
        '    b = st.session_state.get("agent").chat(q)',
        '    c = st.session_state["tools"].chat(q)',
        '    d = st.session_state["empty"].chat(q)',
        '    e = st.session_state["other"].chat(q)',
        '    return a, b, c, d, e',
        '',
      ].join('\n'),
    };
    const r = await scanTree(files);
    assert.deepEqual(requests(r, 'page.py').map(([line]) => line), [4, 5]);
  });

  it('a module-level LlamaIndex LLM imported from a config module (0.9 `from llama_index.llms import OpenAI`) prices its chat; message types and the OpenAI SDK client are not models', async () => {
    const r = await scanTree({
      'core/builder_config.py': CONFIG,
      'core/builder.py': [
        'from llama_index.llms import ChatMessage',
        'from core.builder_config import BUILDER_LLM',
        '',
        'class Builder:',
        '    def create_system_prompt(self, task):',
        '        llm = BUILDER_LLM',
        '        response = llm.chat([ChatMessage(role="user", content=task)])',
        '        return response.message.content',
        '',
        '    def note(self, task):',
        '        message = ChatMessage(role="user", content=task)',
        '        return message.chat(task)',
        '',
      ].join('\n'),
      'other.py': [
        'from openai import OpenAI',
        '',
        'client = OpenAI()',
        '',
        'def ping():',
        '    return client.chat(["hi"])',
        '',
      ].join('\n'),
    });
    assert.deepEqual(requests(r, 'core/builder.py'), [[7, 'gpt-4-turbo']]);
    const built = r.files.find((f) => f.path === 'core/builder.py')?.calls.find((c) => c.line === 7);
    assert.match(built?.modelSource?.detail ?? '', /gpt-4-1106-preview/);
    assert.deepEqual(requests(r, 'other.py').filter(([line]) => line === 6), []);
  });

  it("self.agent set in __init__ from a builder: its chat is the agent's run; a self attribute holding a list is not", async () => {
    const r = await scanTree({
      'core/builder_config.py': CONFIG,
      'core/loader.py': LOADER,
      'bot.py': [
        'from core.loader import load_meta_agent',
        'from core.builder_config import BUILDER_LLM',
        '',
        'class Bot:',
        '    def __init__(self):',
        '        self.agent = load_meta_agent([], llm=BUILDER_LLM, system_prompt="Be brief.")',
        '        self.history = []',
        '',
        '    def ask(self, q):',
        '        self.history.chat(q)',
        '        return self.agent.chat(q)',
        '',
      ].join('\n'),
    });
    assert.deepEqual(requests(r, 'bot.py').map(([line]) => line), [11]);
  });

  it("a builder's llm parameter is what the agent runs on, not a pydantic field of that name in a class of the same module", async () => {
    const r = await scanTree({
      'core/utils.py': [
        'from llama_index.agent import OpenAIAgent',
        'from pydantic import BaseModel, Field',
        '',
        'class RAGParams(BaseModel):',
        '    top_k: int = Field(default=2, description="Documents to retrieve.")',
        '    llm: str = Field(default="gpt-4-1106-preview", description="LLM to use.")',
        '',
        'def load_meta_agent(tools, llm, system_prompt):',
        '    agent = OpenAIAgent.from_tools(tools=tools, llm=llm, system_prompt=system_prompt)',
        '    return agent',
        '',
      ].join('\n'),
      'core/loader.py': [
        'from llama_index.llms import OpenAI',
        'from core.utils import load_meta_agent',
        '',
        'BUILDER_LLM = OpenAI(model="gpt-3.5-turbo-0613")',
        '',
        'def load():',
        '    return load_meta_agent([], llm=BUILDER_LLM, system_prompt="Help.")',
        '',
      ].join('\n'),
    });
    const agent = r.files.find((f) => f.path === 'core/utils.py')?.calls.find((c) => c.line === 9);
    assert.equal(agent?.modelSource?.from, 'code', JSON.stringify(agent?.modelSource));
    assert.match(agent?.modelSource?.detail ?? '', /gpt-3\.5-turbo-0613/);
  });

  it('a LlamaIndex LLM kept in the session state is priced where a page calls it; a chat on another key is not', async () => {
    const r = await scanTree({
      'app.py': [
        'import streamlit as st',
        'from llama_index.llms.openai import OpenAI',
        '',
        'if "llm" not in st.session_state:',
        '    st.session_state.llm = OpenAI(model="gpt-4o-mini")',
        '    st.session_state.notes = []',
        '',
        'def summarize(text):',
        '    st.session_state.notes.chat(text)',
        '    return st.session_state.llm.complete(f"Summarize: {text}")',
        '',
      ].join('\n'),
    });
    assert.deepEqual(requests(r, 'app.py'), [[10, 'gpt-4o-mini']]);
  });
});
