import * as assert from 'node:assert/strict';
import { file, scanTree } from './fixture-scan';

/** The result and exception classes of a tool package (the computer-use idiom). */
const BASE = `from dataclasses import dataclass


@dataclass(kw_only=True, frozen=True)
class ToolResult:
    output: str | None = None
    error: str | None = None
    system: str | None = None


class CLIResult(ToolResult):
    """A ToolResult rendered as CLI output."""


class ToolFailure(ToolResult):
    """A failed ToolResult."""


class ToolError(Exception):
    def __init__(self, message):
        self.message = message


class ConfigError(Exception):
    pass


@dataclass
class Report:
    output: str
`;

/** The collection every tool call of the agent loop runs through: a tool exception becomes the result. */
const COLLECTION = `from .base import ToolError, ToolFailure, ToolResult


class ToolCollection:
    def __init__(self, *tools):
        self.tool_map = {t.name: t for t in tools}

    async def run(self, *, name, tool_input) -> ToolResult:
        tool = self.tool_map.get(name)
        try:
            return await tool(**tool_input)
        except ToolError as e:
            return ToolFailure(error=e.message)
`;

/** A tool: its exception messages and result fields, beside look-alikes that never reach the model. */
const SHELL = `import logging

from .base import CLIResult, ConfigError, Report, ToolError, ToolResult

logger = logging.getLogger(__name__)


class ShellTool:
    async def __call__(self, command=None, restart=False):
        if restart:
            return ToolResult(system="tool has been restarted.")
        if command is None:
            raise ToolError("no command provided.")
        if len(command) > 4000:
            raise ToolError(f"Invalid command: {command[:20]}")
        msg = "The command ran in the sandbox. "
        msg += "Review the output and run the next step."
        logger.info("Tool started in the background for you")
        return CLIResult(output=msg)

    def load(self, path):
        if not path:
            raise ConfigError("The config file is missing a key")
        if path == "-":
            raise ValueError("Reading the config from stdin is not supported")
        return Report(output="The weekly report is ready to be mailed")

    def status(self):
        return CLIResult(output="done")
`;

describe('tool exception and result texts caught into the tool result (tool-error-texts.ts)', () => {
  it('a raised tool exception and the result family fields are tool results once a collection catches them', async () => {
    const r = await scanTree({ 'tools/base.py': BASE, 'tools/collection.py': COLLECTION, 'tools/shell.py': SHELL });
    const lines = file(r, 'tools/shell.py').prompts.map((p) => p.line);
    for (const [line, what] of [
      [11, 'the system note of a ToolResult'],
      [13, 'a ToolError message'],
      [15, 'a ToolError template of two written words'],
      [16, 'the text a CLIResult output local is given'],
      [17, 'the text appended to that local'],
    ] as const) assert.ok(lines.includes(line), `${what} (line ${line}; got ${lines.join(', ')})`);
  });

  it('other exceptions, log lines, classes outside the family and single status words are not (traps)', async () => {
    const r = await scanTree({ 'tools/base.py': BASE, 'tools/collection.py': COLLECTION, 'tools/shell.py': SHELL });
    const lines = file(r, 'tools/shell.py').prompts.map((p) => p.line);
    for (const [line, what] of [
      [18, 'a log line'],
      [23, 'an application exception nobody catches into a result'],
      [25, 'a ValueError'],
      [26, 'a field of a class outside the result family'],
      [29, 'a one-word status'],
    ] as const) assert.ok(!lines.includes(line), `${what} (line ${line}; got ${lines.join(', ')})`);
  });

  it('without a catch into a returned result, a tool exception stays the program failure (trap)', async () => {
    const logged = COLLECTION.replace('return ToolFailure(error=e.message)', 'logger.error(e)\n            raise');
    const trees: Record<string, string>[] = [{ 'tools/base.py': BASE, 'tools/shell.py': SHELL }, { 'tools/base.py': BASE, 'tools/collection.py': logged, 'tools/shell.py': SHELL }];
    for (const files of trees) {
      const r = await scanTree(files);
      const shell = r.files.find((f) => f.path === 'tools/shell.py');
      assert.deepEqual(shell?.prompts.map((p) => p.line) ?? [], []);
    }
  });
});

/** A tool base class and a tool derived from it, whose `execute` returns its helpers' results. */
const FILE_TOOLS = `from pathlib import Path

from .base import Tool


class FileReadTool(Tool):
    async def execute(self, operation, path):
        if operation == "read":
            return await self._read_file(path)
        return f"Error: Unsupported operation '{operation}' for the file tool"

    async def _read_file(self, path):
        if not Path(path).exists():
            return f"Error: File not found at {path}"
        return Path(path).read_text()

    def describe(self):
        return "Reads files from the local disk for you."


class Cache(dict):
    def run(self, key):
        return "The cache has no entry for this key yet."
`;

const TOOL_BASE = `from dataclasses import dataclass


@dataclass
class Tool:
    name: str

    async def execute(self, **kwargs) -> str:
        raise NotImplementedError("Tool subclasses must implement execute method")
`;

const TOOL_UTIL = `async def execute_single_tool(call, tool_dict):
    response = {"type": "tool_result", "tool_use_id": call.id}
    result = await tool_dict[call.name].execute(**call.input)
    response["content"] = str(result)
    return response
`;

describe('tool classes run through a map by the tool call name (py-tool-map-methods.ts)', () => {
  it('what a derived tool class returns from the dispatched method and its helpers is a tool result', async () => {
    const r = await scanTree({ 'tools/base.py': TOOL_BASE, 'tools/file_tools.py': FILE_TOOLS, 'utils/tool_util.py': TOOL_UTIL });
    const lines = file(r, 'tools/file_tools.py').prompts.map((p) => p.line);
    assert.ok(lines.includes(10), `the execute method's error (got ${lines.join(', ')})`);
    assert.ok(lines.includes(14), `the helper's error execute returns (got ${lines.join(', ')})`);
    assert.ok(!lines.includes(18), `a method the map never runs (got ${lines.join(', ')})`);
    assert.ok(!lines.includes(23), `a run method of a class below a library class only (got ${lines.join(', ')})`);
  });

  it('without a module running a tool map item by name, the same classes add nothing (trap)', async () => {
    const util = TOOL_UTIL.replace('tool_dict[call.name].execute', 'handlers[call.kind].execute');
    const r = await scanTree({ 'tools/base.py': TOOL_BASE, 'tools/file_tools.py': FILE_TOOLS, 'utils/tool_util.py': util });
    const f = r.files.find((x) => x.path === 'tools/file_tools.py');
    assert.deepEqual(f?.prompts.map((p) => p.line) ?? [], []);
  });
});

/** An edit tool whose results carry what its own helpers return (the computer-use `_make_output` idiom). */
const EDIT = `from .base import CLIResult, Report, ToolError, ToolResult


class EditTool:
    async def __call__(self, command, path, text=""):
        if command == "view":
            return CLIResult(output=self._make_output(text, str(path)))
        if command == "plan":
            return ToolResult(output=f"Plan created for {path}\\n\\n{self._format_plan(text)}")
        success_msg = f"The file {path} has been edited. "
        success_msg += self._make_output(text, f"a snippet of {path}")
        return CLIResult(output=success_msg)

    def export(self, path):
        return Report(output=self._summary(path))

    def _make_output(self, file_content, file_descriptor):
        return (
            f"Here's the result of running \`cat -n\` on {file_descriptor}:\\n"
            + file_content
            + "\\n"
        )

    def _format_plan(self, plan):
        output = f"Plan progress: {plan} steps completed so far\\n"
        output += "Steps:\\n"
        return output

    def _summary(self, path):
        return f"The weekly summary of {path} is attached here"

    def _unused(self):
        return "This helper text is never given to any result"

    def check(self, path):
        if not path:
            raise ToolError("The path parameter is required here")
`;

describe('texts a tool class helper returns into a result field (py-tool-helper-texts.ts)', () => {
  it('the helper returns and the texts of its returned local are tool results', async () => {
    const r = await scanTree({ 'tools/base.py': BASE, 'tools/collection.py': COLLECTION, 'tools/edit.py': EDIT });
    const lines = file(r, 'tools/edit.py').prompts.map((p) => p.line);
    for (const [line, what] of [
      [19, 'the _make_output header'],
      [25, 'the text the returned local of _format_plan is given'],
    ] as const) assert.ok(lines.includes(line), `${what} (line ${line}; got ${lines.join(', ')})`);
  });

  it('a helper given to a class outside the family, one nobody gives, and a one-word line are not (traps)', async () => {
    const r = await scanTree({ 'tools/base.py': BASE, 'tools/collection.py': COLLECTION, 'tools/edit.py': EDIT });
    const lines = file(r, 'tools/edit.py').prompts.map((p) => p.line);
    for (const [line, what] of [
      [26, 'a one-word line of the returned local'],
      [30, 'a helper returned into a class outside the result family'],
      [33, 'a helper nobody gives to a result'],
    ] as const) assert.ok(!lines.includes(line), `${what} (line ${line}; got ${lines.join(', ')})`);
  });

  it('without a collection catching into the result family, helper texts add nothing (trap)', async () => {
    const r = await scanTree({ 'tools/base.py': BASE, 'tools/edit.py': EDIT });
    const f = r.files.find((x) => x.path === 'tools/edit.py');
    assert.ok(!(f?.prompts ?? []).some((p) => p.line === 19 || p.line === 25), `got ${(f?.prompts ?? []).map((p) => p.line).join(', ')}`);
  });
});
