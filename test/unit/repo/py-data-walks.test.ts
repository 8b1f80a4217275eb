import * as assert from 'node:assert/strict';
import { file, scanTree } from './fixture-scan';

const HEAD = ['from openai import OpenAI', '', 'client = OpenAI()', '', ''];
const ASK = (arg: string) => `client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": ${arg}}])`;

describe('Python loops that walk data by position are no agent loops', () => {
  it('while cursor < len(book): … cursor += n walks the book; a list the body appends to is still a work queue', async () => {
    const r = await scanTree({
      'app/walk.py': [
        ...HEAD,
        'def run(book):',
        '    cursor = 0',
        '    out = []',
        '    while cursor < len(book):',
        '        batch = "\\n".join(book[cursor : cursor + 10])',
        '        cursor += 10',
        `        out.append(${ASK('batch')})`,
        '    return out',
      ].join('\n'),
      'app/queue.py': [
        ...HEAD,
        'def run(tasks):',
        '    i = 0',
        '    while i < len(tasks):',
        `        r = ${ASK('tasks[i]')}`,
        '        tasks.append(r.choices[0].message.content)',
        '        i += 1',
      ].join('\n'),
    });
    assert.deepEqual(file(r, 'app/walk.py').agentLoops, []);
    assert.equal(file(r, 'app/queue.py').agentLoops.length, 1);
  });

  it('a progress counter handed back through a helper that asks is no carried work; a draft handed back is', async () => {
    const helper = ['def process(item, index):', `    ${ASK('item')}`, '    return index + 1', '', '', 'def revise(draft, note):', `    return ${ASK('draft + note')}.choices[0].message.content`, '', ''];
    const r = await scanTree({
      'app/book.py': [...HEAD, ...helper, 'def run(items):', '    index = 0', '    for item in items:', '        index = process(item, index)', '    return index'].join('\n'),
      'app/draft.py': [...HEAD, ...helper, 'def run(notes, draft):', '    for note in notes:', '        draft = revise(draft, note)', '    return draft'].join('\n'),
    });
    assert.deepEqual(file(r, 'app/book.py').agentLoops.filter((l) => l.line === 16), []);
    assert.equal(file(r, 'app/draft.py').agentLoops.filter((l) => l.line === 16).length, 1);
  });
});
