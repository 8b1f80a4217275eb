import * as assert from 'node:assert/strict';
import { file, scanTree } from './fixture-scan';

/** A tool module: a result type, a tool function and a helper with look-alike returns nobody hands to the agent. */
const WEATHER_TOOL = `from typing import Any, Dict

from agent.types import StepResult
from agent.http import fetch_days


async def run_forecast(args, *, api_key):
    if not api_key:
        return StepResult(
            ok=False,
            result={"error": "The forecast service needs a WEATHER_KEY to answer."},
            summary={"error": "Missing the weather service key"},
        )
    try:
        days = await fetch_days(args["city"], api_key)
    except Exception as exc:
        return StepResult(ok=False, result={"error": f"Forecast failed: {exc}"}, summary={"error": f"Failed: {exc}"})
    payload = {
        "content": "Daily forecasts for the next week are listed below, warmest first.",
        "days": days,
    }
    if not days:
        payload["error"] = "No forecast days came back for this city, try another."
    return StepResult(ok=True, result=payload, summary={"count": len(days)})


def describe_backup(path):
    return {"error": "The backup folder could not be opened for writing."}
`;

/** The agent runtime: the model's tool call is dispatched by its name to the imported function. */
const RUNTIME = `from tools.weather import run_forecast, describe_backup
from openai import OpenAI

client = OpenAI()


class Runtime:
    async def execute(self, tool_call):
        if tool_call.name == "forecast":
            return await run_forecast(tool_call.arguments, api_key=self.key)
        return None


def backup_status(path):
    print(describe_backup(path))


def pick(dataset_name, path):
    if dataset_name == "backups":
        return describe_backup(path)
`;

/** A tool handed over by keyword to a tool object in the same module. */
const REGISTRY = `from openai import OpenAI


class Tool:
    def __init__(self, name, definition, execute):
        self.name = name
        self.execute = execute


async def _exec_open(agent, path=""):
    if agent.current is None:
        return OpenOutput(content="", error="No file is open yet. Use the open command first.")
    return OpenOutput(content=agent.read(path))


def _render_status(agent):
    return OpenOutput(content="", error="No file is open in the status bar right now.")


TOOLS = [Tool(name="open", definition={}, execute=_exec_open)]
`;

describe('texts a Python tool function returns to the model (dispatched or registered tools)', () => {
  it('a tool dispatched by name from another module: its result texts are prompts, its UI summary is not', async () => {
    const r = await scanTree({ 'tools/weather.py': WEATHER_TOOL, 'agent/runtime.py': RUNTIME });
    const lines = file(r, 'tools/weather.py').prompts.map((p) => p.line);
    assert.ok(lines.includes(11), `the missing-key error result (got ${lines.join(', ')})`);
    assert.ok(lines.includes(19), `the result content of a local dict returned (got ${lines.join(', ')})`);
    assert.ok(lines.includes(23), `the error a returned dict is given (got ${lines.join(', ')})`);
    assert.ok(!lines.includes(12), `the summary shown in the UI is not sent (got ${lines.join(', ')})`);
    assert.ok(!lines.includes(17), `a short label in front of an exception reports the program's failure (got ${lines.join(', ')})`);
  });

  it('a template written for the model (four words or more) is a tool result too', async () => {
    const r = await scanTree({ 'tools/weather.py': WEATHER_TOOL.replace('f"Forecast failed: {exc}"', 'f"The forecast service failed ({exc}); answer from what you know."'), 'agent/runtime.py': RUNTIME });
    assert.ok(file(r, 'tools/weather.py').prompts.some((p) => p.line === 17));
  });

  it('a helper with the same shape that no branch on a tool name returns adds no prompt (trap)', async () => {
    const r = await scanTree({ 'tools/weather.py': WEATHER_TOOL, 'agent/runtime.py': RUNTIME });
    const lines = file(r, 'tools/weather.py').prompts.map((p) => p.line);
    assert.ok(!lines.includes(28), `describe_backup is printed, or picked by a data set's name, never dispatched by a tool's name (got ${lines.join(', ')})`);
  });

  it('a function handed to a tool object by keyword: its error text is a prompt; an unregistered look-alike is not', async () => {
    const r = await scanTree({ 'agent/registry.py': REGISTRY });
    const lines = file(r, 'agent/registry.py').prompts.map((p) => p.line);
    assert.ok(lines.includes(12), `the error of the registered tool (got ${lines.join(', ')})`);
    assert.ok(!lines.includes(17), `the status helper is no tool (got ${lines.join(', ')})`);
  });
});
