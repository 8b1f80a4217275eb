import * as assert from 'node:assert/strict';
import { scanTree } from './fixture-scan';

/** A FastMCP server module with no LLM word (anthropic-quickstarts `agents/tools/calculator_mcp.py`). */
const SERVER = `"""Simple calculator tool for basic math operations."""

import math

from mcp.server import FastMCP

mcp = FastMCP("Calculator")


@mcp.tool(name="calculator")
def calculator(number1: float, number2: float, operator: str) -> str:
    """Performs basic calculations with two numbers.

    Args:
        number1: First number in the calculation
        operator: Operation symbol to perform (+, -, *, /)
    """
    return str(math.fsum([number1, number2]))
`;

/** The same decorated function in a module that is no MCP server (a task registry). */
const REGISTRY = `import math

from tasks import registry

app = registry.App("calculator")


@app.tool(name="calculator")
def calculator(number1: float, number2: float, operator: str) -> str:
    """Performs basic calculations with two numbers.

    Args:
        number1: First number in the calculation
    """
    return str(math.fsum([number1, number2]))
`;

describe('MCP server modules are read though they hold no LLM word (tool-function-hints.ts)', () => {
  it('the docstring of an @mcp.tool function of a FastMCP server is a tool description', async () => {
    for (const server of [SERVER, SERVER.replace('from mcp.server import FastMCP', 'from fastmcp import FastMCP')]) {
      const r = await scanTree({ 'tools/calculator_mcp.py': server });
      const f = r.files.find((x) => x.path === 'tools/calculator_mcp.py');
      assert.ok(f?.prompts.some((p) => p.line === 12), `the tool docstring (got ${(f?.prompts ?? []).map((p) => p.line).join(', ')})`);
    }
  });

  it('a decorated function of a module that is no MCP server stays unread (trap)', async () => {
    const r = await scanTree({ 'tools/registry.py': REGISTRY });
    const f = r.files.find((x) => x.path === 'tools/registry.py');
    assert.deepEqual(f?.prompts.map((p) => p.line) ?? [], []);
  });
});
