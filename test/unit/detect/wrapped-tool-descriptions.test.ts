import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';
import { scanTree } from '../repo/fixture-scan';

const WRAPPERS = `from llama_index.core.tools import FunctionTool
from langchain_core.tools import Tool


def _stub(*args, **kwargs):
    raise NotImplementedError("runs on the server")


def _server_tool(name: str, description: str) -> FunctionTool:
    return FunctionTool.from_defaults(name=name, description=description, fn=_stub)


def _helper_tool(fn, name, description=None):
    return FunctionTool.from_defaults(fn, name, description or fn.__doc__)


class Toolbox:
    def make(self, name, text):
        return Tool(name=name, func=_stub, description=text)

    def build(self):
        return [self.make("calc", text="Evaluates an arithmetic expression and returns the result.")]


SEARCH_TOOL = _server_tool("search", "Search the knowledge base for passages about one topic at a time.")
FETCH_TOOL = _helper_tool(_stub, "fetch", description="Fetch the text of a web page by its address.")
LOG = print("Search the knowledge base for passages about one topic at a time.")
SHORT = _server_tool("noop", "placeholder")
`;

describe('tool descriptions passed to a wrapper of a tool constructor (wrapped-tool-descriptions-py.ts)', () => {
  it('reads what callers pass in the parameter that becomes the description, by position, keyword and through a method', async () => {
    const f = await detectFile(WRAPPERS, 'tools.py');
    const tools = f.prompts.filter((p) => p.kind === 'tool-description').map((p) => p.line).sort((a, b) => a - b);
    assert.deepEqual(tools, [22, 25, 26]);
  });

  it('a module-level tool that no module names again is not offered, so its description is no prompt', async () => {
    const used = 'from app.tools import SEARCH_TOOL\n\ndef tools():\n    return [SEARCH_TOOL]\n';
    const r = await scanTree({ 'app/tools.py': WRAPPERS, 'app/agent.py': used });
    const lines = (r.files.find((x) => x.path === 'app/tools.py')?.prompts ?? []).filter((p) => p.kind === 'tool-description').map((p) => p.line).sort((a, b) => a - b);
    assert.deepEqual(lines, [22, 25]);
  });
});
