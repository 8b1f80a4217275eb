import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

const lines = async (src: string): Promise<number[]> => (await detectFile(src, 'novelty.py')).prompts.map((p) => p.line).sort((a, b) => a - b);

describe('values the function builds and formats into a prompt template', () => {
  const src = [
    'from app.llm import ask', //                                                              1
    'search_prompt = """Round {round}. Here are the results of your last query:\\n{results}"""', // 2
    'status_line = "Round {round}: {results}"', //                                             3
    '',
    'def check(idea, queries, engine):', //                                                      5
    '    results = ""', //                                                                        6
    '    for j, query in enumerate(queries):', //                                                  7
    '        papers = engine.search(query)', //                                                   8
    '        if not papers:', //                                                                  9
    '            results = "No papers were found for this query."', //                           10
    '            continue', //                                                                    11
    '        rows = []', //                                                                       12
    '        for i, p in enumerate(papers):', //                                                  13
    '            rows.append("""{i}: {title}. Number of citations: {cites}""".format(i=i, title=p["title"], cites=p["cites"]))', // 14
    '        results = "\\n\\n".join(rows)', //                                                    15
    '        print(status_line.format(round=j, results=results))', //                             16
    '        ask(search_prompt.format(round=j, results=results), idea=idea)', //                  17
  ].join('\n');

  it('the texts a local takes and the templates appended to the list it is joined from are prompts', async () => {
    const found = await lines(src);
    assert.ok(found.includes(10), `the no-result text (have ${found})`);
    assert.ok(found.includes(14), `the row template (have ${found})`);
  });

  it('trap: the same values formatted into a text not named as a prompt (a status line) are not prompts', async () => {
    const onlyStatus = src.replace('        ask(search_prompt.format(round=j, results=results), idea=idea)', '        ask(idea)');
    const found = await lines(onlyStatus);
    assert.ok(!found.includes(10) && !found.includes(14), `have ${found}`);
  });

  it('a parameter formatted into a prompt brings no text', async () => {
    const found = await lines(src);
    assert.ok(!found.includes(5));
  });

  it('trap: values formatted into a page template (`TEMPLATE.format(…)`) are not prompts', async () => {
    const page = src.replace(/search_prompt/g, 'PAGE_TEMPLATE');
    const found = await lines(page);
    assert.ok(!found.includes(10) && !found.includes(14), `have ${found}`);
  });
});
