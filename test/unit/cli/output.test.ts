import * as assert from 'node:assert/strict';
import { csvField, jsonEnvelope, renderCsv, renderMarkdown, renderOutput, renderText, type Table } from '../../../src/cli/output';

const TABLE: Table = {
  title: 'Two models',
  columns: [{ header: 'model' }, { header: 'cost', align: 'right' }],
  rows: [
    ['gpt-4.1', { text: '$0.024', raw: 0.024 }],
    ['a|b, "c"', { text: 'unpriced', raw: null }],
  ],
  notes: ['basis: test'],
};

describe('cli output', () => {
  it('text: aligned columns, right-aligned numbers, title and notes', () => {
    assert.equal(
      renderText(TABLE),
      ['Two models', '', 'model         cost', '--------  --------', 'gpt-4.1     $0.024', 'a|b, "c"  unpriced', '', 'basis: test', ''].join('\n'),
    );
  });

  it('text: ≈ and ★ count as one column', () => {
    const t = renderText({ columns: [{ header: 'a' }, { header: 'b' }], rows: [['≈1k', '★'], ['10k', 'x']] });
    assert.equal(t, 'a    b\n---  -\n≈1k  ★\n10k  x\n');
  });

  it('markdown: escaped pipes, alignment row', () => {
    assert.equal(
      renderMarkdown(TABLE),
      ['**Two models**', '', '| model | cost |', '| --- | ---: |', '| gpt-4.1 | $0.024 |', '| a\\|b, "c" | unpriced |', '', 'basis: test  ', ''].join('\n'),
    );
  });

  it('csv: RFC 4180 quoting, CRLF, raw values', () => {
    assert.equal(renderCsv(TABLE), 'model,cost\r\ngpt-4.1,0.024\r\n"a|b, ""c""",\r\n');
    assert.equal(csvField('line\nbreak'), '"line\nbreak"');
    assert.equal(csvField('plain'), 'plain');
  });

  it('json: versioned envelope with the catalog provenance', () => {
    const out = renderOutput('json', { tables: [TABLE], json: jsonEnvelope({ asOf: '2026-01-01', source: 'x' }, 'test', { a: 1 }) });
    assert.deepEqual(JSON.parse(out), { version: 1, command: 'test', catalog: { asOf: '2026-01-01', source: 'x' }, a: 1 });
  });
});

describe('cli output: markdown notes', () => {
  it('notes that start like list items or headings stay plain text', () => {
    const md = renderMarkdown({ columns: [{ header: 'a' }], rows: [], notes: ['* assumed speed', '# 1 rank', 'plain'] });
    assert.ok(md.endsWith('\\* assumed speed  \n\\# 1 rank  \nplain  \n'), md);
  });
});
