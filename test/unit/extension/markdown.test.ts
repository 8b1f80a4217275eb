import * as assert from 'node:assert/strict';
import { codeBlock, commandLink, escapeMarkdown } from '../../../src/extension/present/markdown';

describe('extension/markdown', () => {
  it('escapes HTML and Markdown link syntax from code so it renders inert', () => {
    assert.equal(escapeMarkdown('<img src=x onerror=alert(1)>'), '&lt;img src=x onerror=alert\\(1\\)&gt;');
    assert.equal(escapeMarkdown('[x](command:evil)'), '\\[x\\]\\(command\\:evil\\)');
    assert.equal(escapeMarkdown('a\nb'), 'a b');
  });

  it('fences a code block longer than any backtick run inside', () => {
    assert.equal(codeBlock('a ``` b'), '````text\na ``` b\n````');
    assert.equal(codeBlock('plain'), '```text\nplain\n```');
  });

  it('builds a command link whose arguments cannot close the link', () => {
    const link = commandLink('Compare', 'tokenomics.compareProviders', [{ uri: 'file:///a (1).ts', siteId: 'p1' }]);
    assert.equal(link, '[Compare](command:tokenomics.compareProviders?%5B%7B%22uri%22%3A%22file%3A%2F%2F%2Fa%20%281%29.ts%22%2C%22siteId%22%3A%22p1%22%7D%5D)');
    const args = link.slice(link.indexOf('?') + 1, -1);
    assert.deepEqual(JSON.parse(decodeURIComponent(args)), [{ uri: 'file:///a (1).ts', siteId: 'p1' }]);
  });
});
