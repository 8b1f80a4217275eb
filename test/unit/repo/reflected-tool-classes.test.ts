import * as assert from 'node:assert/strict';
import { scanTree } from './fixture-scan';

/** A tool family whose abstract base names no model (its module gets no facts) and whose tools are found by reflection. */
const base = [
  'from abc import ABC, abstractmethod',
  'class BaseTool(ABC):',
  '    @property',
  '    @abstractmethod',
  '    def input_schema(self): ...',
].join('\n');

const tool = [
  'from tools.base import BaseTool', //                                                   1
  '', //                                                                                  2
  'class ReaderTool(BaseTool):', //                                                       3
  '    name = "reader"', //                                                               4
  '    description = "Reads a file from the disk and returns its content."', //          5
  '', //                                                                                  6
  '    input_schema = {', //                                                              7
  '        "type": "object",', //                                                         8
  '        "properties": {"path": {"type": "string", "description": "Path of the file to read from the disk."}},', // 9
  '    }', //                                                                             10
].join('\n');

const loader = (guard: string): string =>
  [
    'import importlib, inspect, pkgutil',
    'import anthropic',
    'from tools.base import BaseTool',
    'client = anthropic.Anthropic()',
    'def load_tools():',
    '    tools = []',
    '    for _, name, _ in pkgutil.iter_modules(["tools"]):',
    '        module = importlib.import_module(f"tools.{name}")',
    '        for _, obj in inspect.getmembers(module):',
    `            if ${guard}:`,
    '                tool_instance = obj()',
    '                tools.append({"name": tool_instance.name, "description": tool_instance.description, "input_schema": tool_instance.input_schema})',
    '    return tools',
    'def chat(messages):',
    '    return client.messages.create(model="claude-3-5-sonnet-20240620", max_tokens=100, messages=messages, tools=load_tools())',
  ].join('\n');

describe('tool classes found by reflection (issubclass of a base) send their schema attributes', () => {
  it('the schema property descriptions of a subclass found by issubclass, the base in a module without facts', async () => {
    const r = await scanTree({ 'tools/__init__.py': '', 'tools/base.py': base, 'tools/reader.py': tool, 'main.py': loader('inspect.isclass(obj) and issubclass(obj, BaseTool) and obj is not BaseTool') });
    const lines = r.files.find((f) => f.path === 'tools/reader.py')?.prompts.map((p) => p.line) ?? [];
    assert.ok(lines.includes(9), `the path parameter's description (have ${lines})`);
  });

  it('trap: the same dict built from objects of no tool family reads nothing', async () => {
    const r = await scanTree({ 'tools/__init__.py': '', 'tools/base.py': base, 'tools/reader.py': tool, 'main.py': loader('inspect.isclass(obj) and obj.__name__.endswith("Tool")') });
    const lines = r.files.find((f) => f.path === 'tools/reader.py')?.prompts.map((p) => p.line) ?? [];
    assert.ok(!lines.includes(9), `no guard names the base (have ${lines})`);
  });
});
