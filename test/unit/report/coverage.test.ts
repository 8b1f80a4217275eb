/**
 * A repository whose prompts the scan found but whose requests it could not follow (a raw HTTP post to a URL of
 * its own) does not read as a bill of nothing: the CLI's notes and the report view carry the core's one note.
 */
import * as assert from 'node:assert/strict';
import { unsentPromptsNote } from '../../../src/core/report/coverage';
import { scanTables } from '../../../src/core/report/tables';
import { reportData } from '../../../src/extension/webviews/report/view-model';
import { scanTree } from '../repo/fixture-scan';

const SYSTEM = `SYSTEM_PROMPT = """You are a research assistant. Summarise the paper the user sends in five bullet points, citing sections."""\n`;

/** The request goes to an endpoint the scan cannot tell is a model's: nothing sends the prompt as far as it knows. */
const RAW_POST = `import requests
from prompts import SYSTEM_PROMPT


def summarise(text, endpoint, payload_builder):
    return requests.post(endpoint, json=payload_builder(SYSTEM_PROMPT, text)).json()
`;

const SDK = `from openai import OpenAI
from prompts import SYSTEM_PROMPT

client = OpenAI()


def summarise(text):
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": text}])
`;

function notesOf(tables: ReturnType<typeof scanTables>): readonly string[] {
  return tables[0].notes ?? [];
}

describe('coverage: prompts found with no request that sends them', () => {
  it('says so on the CLI and in the report view, one core-built text', async () => {
    const scan = await scanTree({ 'app/prompts.py': SYSTEM, 'app/summarise.py': RAW_POST });
    assert.equal(scan.totals.calls, 0);
    assert.ok(scan.totals.prompts >= 1, 'the prompt is found');
    const note = unsentPromptsNote(scan);
    assert.ok(note, 'a note');
    assert.match(note!, /^Found \d+ prompts? in runtime code but no request that sends (it|them): /);
    assert.ok(notesOf(scanTables(scan)).includes(note!), 'the CLI prints it under the total');
    assert.equal(reportData(scan, [], 0).coverageNote, note, 'the report view gets the same text');
  });

  it('traps: no note where a request sends the prompts, where nothing was found, or for a test-only prompt', async () => {
    const sent = await scanTree({ 'app/prompts.py': SYSTEM, 'app/summarise.py': SDK });
    assert.ok(sent.totals.calls > 0);
    assert.equal(unsentPromptsNote(sent), undefined);
    assert.equal(reportData(sent, [], 0).coverageNote, undefined);
    assert.ok(!notesOf(scanTables(sent)).some((n) => n.startsWith('Found ')));
    const empty = await scanTree({ 'app/math.py': 'def add(a, b):\n    return a + b\n' });
    assert.equal(unsentPromptsNote(empty), undefined);
    const testOnly = await scanTree({ 'tests/test_prompts.py': SYSTEM });
    assert.equal(unsentPromptsNote(testOnly), undefined, 'a prompt in a test is not the application missing its requests');
  });
});
