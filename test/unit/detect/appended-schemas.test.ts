import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

const APPENDED = `from pydantic import BaseModel
from langchain_openai import ChatOpenAI


class Draft(BaseModel):
    """Write a reply to the email in the user's voice."""

    content: str


class Ignore(BaseModel):
    """Call this to ignore the email, only when the user said to."""

    ignore: bool


class Settings(BaseModel):
    """Options of the inbox page, shown to the user only."""

    page_size: int


def draft(state):
    tools = [Draft]
    if state["messages"]:
        tools.append(Ignore)
    shown = [Settings]
    shown.append(Settings)
    return ChatOpenAI(model="gpt-4o").bind_tools(tools).invoke(state["messages"])
`;

describe('detect: schema classes appended to the tool list a request binds (Python)', () => {
  it('reads the docstring of a class appended to the bound list; a list never bound sends nothing', async () => {
    const f = await detectFile(APPENDED, 'draft.py');
    const lines = f.prompts.filter((p) => p.kind === 'tool-description').map((p) => p.line);
    assert.ok(lines.includes(5), 'the listed class');
    assert.ok(lines.includes(11), 'the appended class');
    assert.ok(!lines.some((l) => l >= 17 && l <= 20), 'a class in a list no request binds');
  });
});
