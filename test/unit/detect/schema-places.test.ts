import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';
import { file, scanTree } from '../repo/fixture-scan';

/**
 * A schema class reaches the request through Gemini's spellings: `response_schema=` of a config call, a config dict,
 * a local bound to the class first. A described class given to an HTTP response model or written to a database is
 * sent to no model.
 */
const GEMINI = `from google import genai
from google.genai import types
from pydantic import BaseModel, Field


class Finding(BaseModel):
    """One located object, matched to the request that asked for it."""

    request_id: str = Field(description="The request id copied unchanged from the input.")
    box: list[float] | None = Field(description="Bounds normalized to 0-1000, or null when absent.")


class FindingBatch(BaseModel):
    findings: list[Finding] = Field(description="Exactly one finding for every request id.")


class Caption(BaseModel):
    """A caption for the picture, written for a screen reader."""

    text: str = Field(description="One sentence describing what the picture shows.")


class Summary(BaseModel):
    """A summary of the page in plain words."""

    body: str = Field(description="Three sentences at most, no markdown.")


class UserRow(BaseModel):
    """A stored user of the application."""

    email: str = Field(description="The user's login address, unique per account.")


client = genai.Client()


async def locate(prompt: str):
    return await client.aio.models.generate_content(
        model="gemini-2.5-flash",
        contents=prompt,
        config=types.GenerateContentConfig(response_mime_type="application/json", response_schema=FindingBatch),
    )


def caption(image):
    return client.models.generate_content(model="gemini-2.5-flash", contents=[image], config={"response_schema": Caption})


def summarize(page: str):
    schema = Summary
    return client.models.generate_content(model="gemini-2.5-flash", contents=page, config=types.GenerateContentConfig(response_schema=schema))


def save(row: UserRow, schema):
    store.insert(table="users", row=row.model_dump(), response_schema=schema)
`;

describe('detect: schema classes sent through config objects and locals (Gemini response_schema)', () => {
  it('response_schema of a config call, of a config dict and through a local bound to the class are schema uses', async () => {
    const f = await detectFile(GEMINI, 'locate.py');
    const uses = (f.facts?.schemaUses ?? []).flatMap((u) => u.names);
    assert.deepEqual(uses.sort(), ['Caption', 'FindingBatch', 'Summary']);
    const described = f.prompts.filter((p) => p.kind === 'tool-description').map((p) => p.name ?? p.line);
    assert.ok(!f.prompts.some((p) => p.line >= 36 && p.line <= 39), 'UserRow is not sent (a parameter named schema names no class)');
    assert.ok(described.length >= 3, `three schemas described in the file (got ${JSON.stringify(described)})`);
  });

  it('repository: the schema sent and the class nested in its field are prompts; the stored row is not', async () => {
    const r = await scanTree({ 'app/locate.py': GEMINI });
    const lines = file(r, 'app/locate.py')
      .prompts.filter((p) => p.kind === 'tool-description')
      .map((p) => p.line)
      .sort((a, b) => a - b);
    assert.deepEqual(lines, [6, 13, 17, 23]);
  });
});
