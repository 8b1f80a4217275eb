import * as assert from 'node:assert/strict';
import { oneRequest, scanTree } from './fixture-scan';

const LOOP = `from anthropic import Anthropic

async def sampling_loop(*, model: str, provider: str, messages: list):
    client = Anthropic()
    return client.messages.create(model=model, max_tokens=1024, messages=messages)
`;

const ENUM = `from enum import StrEnum

class APIProvider(StrEnum):
    ANTHROPIC = "anthropic"
    BEDROCK = "bedrock"
    VERTEX = "vertex"
`;

const TABLE = `from app.providers import APIProvider

PROVIDER_TO_DEFAULT_MODEL_NAME: dict[APIProvider, str] = {
    APIProvider.BEDROCK: "anthropic.claude-3-5-sonnet-20241022-v2:0",
    APIProvider.ANTHROPIC: "claude-sonnet-4-20250514",
    APIProvider.VERTEX: "claude-3-5-sonnet-v2@20241022",
}
`;

function page(key: string): string {
  return `import os
from typing import cast
import streamlit as st
from app.loop import sampling_loop
from app.providers import APIProvider
from app.tables import PROVIDER_TO_DEFAULT_MODEL_NAME

def setup_state():
    if "provider" not in st.session_state:
        st.session_state.provider = os.getenv("API_PROVIDER", "anthropic") or APIProvider.ANTHROPIC
    if "model" not in st.session_state:
        _reset_model()

def _reset_model():
    st.session_state.model = PROVIDER_TO_DEFAULT_MODEL_NAME[${key}]

async def main():
    setup_state()
    await sampling_loop(model=st.session_state.model, provider=st.session_state.provider, messages=[])
`;
}

describe('repository model: a model looked up in a table keyed by an enum or constant', () => {
  it('a provider-keyed table read with the provider’s default (cast to the enum, from the environment’s default) gives that pair', async () => {
    const r = await scanTree({ 'app/loop.py': LOOP, 'app/providers.py': ENUM, 'app/tables.py': TABLE, 'app/page.py': page('cast(APIProvider, st.session_state.provider)') });
    const call = oneRequest(r, 'app/loop.py');
    assert.equal(call.modelResolved, 'claude-sonnet-4', JSON.stringify(call.modelSource));
    assert.deepEqual(call.modelSource?.at, { path: 'app/tables.py', line: 5 });
  });

  it('an enum member written as the key, and an Enum(value) call around the environment’s default, give the same pair', async () => {
    for (const key of ['APIProvider.ANTHROPIC', 'APIProvider(os.getenv("API_PROVIDER", "anthropic"))']) {
      const r = await scanTree({ 'app/loop.py': LOOP, 'app/providers.py': ENUM, 'app/tables.py': TABLE, 'app/page.py': page(key) });
      assert.equal(oneRequest(r, 'app/loop.py').modelResolved, 'claude-sonnet-4', key);
    }
  });

  it('traps: a key the scan cannot evaluate names no pair (not the first); a key no pair has answers nothing', async () => {
    for (const key of ['st.session_state.provider_radio', 'APIProvider.OPENAI']) {
      const r = await scanTree({ 'app/loop.py': LOOP, 'app/providers.py': ENUM, 'app/tables.py': TABLE, 'app/page.py': page(key) });
      const call = oneRequest(r, 'app/loop.py');
      assert.notEqual(call.modelSource?.at?.path, 'app/tables.py', `${key}: ${JSON.stringify(call.modelSource)}`);
      assert.ok(!/bedrock|v2@/.test(String(call.modelResolved)), key);
    }
  });

  it('constant keys and literal keys live side by side; a literal key still answers a literal subscript', async () => {
    const r = await scanTree({
      'app/loop.py': `from anthropic import Anthropic
FAST = "fast"
MODELS = {FAST: "claude-3-5-haiku-20241022", "smart": "claude-opus-4-1"}
def ask(messages, tier=FAST):
    return Anthropic().messages.create(model=MODELS[tier], max_tokens=10, messages=messages)
def smart(messages):
    return Anthropic().messages.create(model=MODELS["smart"], max_tokens=10, messages=messages)
`,
    });
    const calls = r.files.find((f) => f.path === 'app/loop.py')!.calls.filter((c) => c.role !== 'binding');
    assert.deepEqual(calls.map((c) => c.modelResolved), ['claude-3-5-haiku', 'claude-opus-4-1']);
  });
});
