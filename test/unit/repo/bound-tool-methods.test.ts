import * as assert from 'node:assert/strict';
import { file, scanTree } from './fixture-scan';

/** The builder class: its public methods are the builder agent's tools; an unlisted method and a private one are not. */
const BUILDER = `class NotesBuilder:
    """Notes builder kept by the app."""

    def __init__(self, cache):
        self._cache = cache

    def load_notes(self, folder: str) -> str:
        """Load the notes of a folder so the agent can answer questions about them."""
        if not folder:
            return "No folder was given, ask the user which folder holds the notes."
        self._cache.folder = folder
        return "Loaded."

    def summarize_notes(self, topic: str) -> str:
        """Summarize the loaded notes on one topic for the user."""
        return f"Summary requested for {topic}; call load_notes first if nothing is loaded."

    def export_notes(self, path: str) -> str:
        """Export the notes to a file on disk for the user to download."""
        return "The notes could not be written to that path, pick another one."

    def _reset(self):
        """Reset the cache of the builder between sessions of the app."""
        return "The cache was reset for a new session of the builder."
`;

/** The agent's tools: bound methods listed per branch, each turned into a tool by a comprehension. */
const LOADER = `from typing import Callable, List

from llama_index.agent import OpenAIAgent
from llama_index.tools import FunctionTool
from notes.builder import NotesBuilder


def builder_tools(builder: NotesBuilder, extended: bool) -> List[FunctionTool]:
    if extended:
        fns: List[Callable] = [builder.load_notes, builder.summarize_notes]
    else:
        fns = [builder.load_notes]
    return [FunctionTool.from_defaults(fn=fn) for fn in fns]


def builder_agent(builder: NotesBuilder):
    return OpenAIAgent.from_tools(builder_tools(builder, True))


def export_button(builder: NotesBuilder):
    actions = [builder.export_notes]
    return [print(a) for a in actions]
`;

describe('methods of a class handed bound to a function-tool converter (builder agents)', () => {
  it('each listed method: its docstring is the tool description and its written result texts are tool results', async () => {
    const r = await scanTree({ 'notes/builder.py': BUILDER, 'notes/loader.py': LOADER });
    const prompts = file(r, 'notes/builder.py').prompts;
    const at = (line: number) => prompts.find((p) => p.line === line);
    assert.equal(at(8)?.kind, 'tool-description', `load_notes docstring (got ${prompts.map((p) => p.line).join(', ')})`);
    assert.equal(at(15)?.kind, 'tool-description', 'summarize_notes docstring (the other branch)');
    assert.ok(at(10), 'the guidance load_notes returns when no folder is given');
    assert.ok(at(16), 'the template summarize_notes returns');
  });

  it('a status word, an unlisted method, a private method and a list nobody converts add nothing (traps)', async () => {
    const r = await scanTree({ 'notes/builder.py': BUILDER, 'notes/loader.py': LOADER });
    const lines = file(r, 'notes/builder.py').prompts.map((p) => p.line);
    for (const [line, why] of [
      [2, 'the class docstring'],
      [12, "'Loaded.' is a status"],
      [19, 'export_notes is listed for a button, not a converter'],
      [20, 'export_notes returns to the UI'],
      [24, 'a private method'],
    ] as const) assert.ok(!lines.includes(line), `${why} (got ${lines.join(', ')})`);
  });

  it('a method given with its own description keeps its docstring to itself', async () => {
    const loader = LOADER.replace('FunctionTool.from_defaults(fn=fn)', 'FunctionTool.from_defaults(fn=fn, description="Builder step.")');
    const r = await scanTree({ 'notes/builder.py': BUILDER, 'notes/loader.py': loader });
    const builder = r.files.find((f) => f.path === 'notes/builder.py');
    assert.ok(!builder?.prompts.some((p) => p.line === 8));
  });

  it('a local built from the class and a single bound method given directly are followed too', async () => {
    const loader = `from langchain_core.tools import StructuredTool
from notes.builder import NotesBuilder

builder = NotesBuilder(cache=None)
tool = StructuredTool.from_function(builder.export_notes)
`;
    const r = await scanTree({ 'notes/builder.py': BUILDER, 'notes/tools.py': loader });
    const lines = file(r, 'notes/builder.py').prompts.map((p) => p.line);
    assert.ok(lines.includes(19) && lines.includes(20), `export_notes docstring and result (got ${lines.join(', ')})`);
    assert.ok(!lines.includes(8), `load_notes is not handed over here (got ${lines.join(', ')})`);
  });
});
