import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';
import { mayAccumulateText } from '../../../src/core/detect/accumulated-texts-py';
import { file, scanTree } from './fixture-scan';

const UTILS = `def format_sources(sources_list, include_raw_content=True):
    formatted_text = "Sources:\\n\\n"
    for source in sources_list:
        formatted_text += f"Source {source['title']}:\\n===\\n"
        formatted_text += f"URL: {source['url']}\\n===\\n"
        formatted_text += (
            f"Most relevant content from source: {source['content']}\\n===\\n"
        )
        if include_raw_content:
            formatted_text += f"Full source content: {source['raw_content']}\\n\\n"
    return formatted_text.strip()


def format_all_notes(completed_notes):
    formatted_str = ""
    for idx, notes in enumerate(completed_notes, 1):
        formatted_str += f"""
Note: {idx}:
Notes from research:
{notes}"""
    return formatted_str


def format_report(rows):
    report = "Run report:\\n"
    for row in rows:
        report += f"Row {row['id']} finished in {row['seconds']} seconds\\n"
    return report


def join_ids(items):
    out = ""
    for item in items:
        out += item["id"] + ", "
    return out


def format_links(links):
    text = "Links:\\n"
    for link in links:
        text += f"Link to the page: {link}\\n"
    return text
`;

const GRAPH = `from langchain_anthropic import ChatAnthropic
from agent.utils import format_sources, format_all_notes, format_report, join_ids, format_links
from agent.prompts import INFO_PROMPT, EXTRACTION_PROMPT

llm = ChatAnthropic(model="claude-3-5-sonnet-latest")
LOG_LINE = "{links}"


def research(state):
    source_str = format_sources(state.docs)
    p = INFO_PROMPT.format(content=source_str, ids=join_ids(state.docs))
    print(format_report(state.rows))
    print(LOG_LINE.format(links=format_links(state.links)))
    return llm.invoke(p)


def extract(state):
    system_prompt = EXTRACTION_PROMPT.format(notes=format_all_notes(state.notes))
    return llm.invoke([{"role": "system", "content": system_prompt}])
`;

const PROMPTS = `INFO_PROMPT = """You are doing web research on a company. Use the sources below.

<sources>
{content}
</sources>

Ids: {ids}
"""

EXTRACTION_PROMPT = """Extract the facts from these notes into the schema.

{notes}
"""
`;

describe('formatting helpers that accumulate a text for a prompt template (accumulated-texts-py.ts)', () => {
  it('records the pieces a helper accumulates with += and returns; a helper that writes only ids and separators has none', async () => {
    const detected = await detectFile(UTILS, 'agent/utils.py');
    const byFn = Object.fromEntries((detected.facts?.builderTexts ?? []).map((b) => [b.fn, (b.accumulated ?? []).map((t) => t.line)]));
    assert.deepEqual(byFn.format_sources, [2, 4, 5, 7, 10], 'the one-word header goes with the written pieces');
    assert.deepEqual(byFn.format_all_notes, [17]);
    assert.equal(byFn.join_ids, undefined, 'no words: nothing recorded');
  });

  it('parses a file naming no model when a name it accumulates with += of a string is returned, not for other returns', () => {
    assert.equal(mayAccumulateText('def f(xs):\n    out = ""\n    for x in xs:\n        out += f"Item {x}"\n    return out.strip()\n'), true);
    assert.equal(mayAccumulateText('def f(xs):\n    total = 0\n    for x in xs:\n        label += "x"\n    return total\n'), false);
  });

  it('records `.format(key=helper(…))` and `.format(key=local)` splices of imported helpers with the template name', async () => {
    const detected = await detectFile(GRAPH, 'agent/graph.py');
    assert.deepEqual(
      detected.facts?.builderSplices?.map((s) => [s.fn, s.template]),
      [
        ['format_sources', 'INFO_PROMPT'],
        ['join_ids', 'INFO_PROMPT'],
        ['format_links', 'LOG_LINE'],
        ['format_all_notes', 'EXTRACTION_PROMPT'],
      ],
    );
  });

  it('reports the pieces of helpers spliced into a sent prompt where they are written; printed helpers and non-prompt templates are not', async () => {
    const r = await scanTree({ 'agent/utils.py': UTILS, 'agent/graph.py': GRAPH, 'agent/prompts.py': PROMPTS });
    const utils = file(r, 'agent/utils.py');
    assert.deepEqual(
      utils.prompts.map((p) => p.line).sort((a, b) => a - b),
      [2, 4, 5, 7, 10, 17],
      'format_sources and format_all_notes; never format_report (printed), format_links (a log template) nor join_ids',
    );
  });
});
