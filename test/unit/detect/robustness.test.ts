import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';
import { detectFixture } from './helpers';

describe('detect: bad input', () => {
  it('finds what it can in a file with syntax errors and says so', async () => {
    const f = await detectFixture('broken.py');
    assert.equal(f.calls.length, 1);
    assert.equal(f.calls[0].model, 'gpt-4o');
    assert.equal(f.prompts[0].text, 'You are a helpful assistant that answers in French.');
    assert.equal(f.issues.length, 1);
    assert.equal(f.issues[0].code, 'parse-error');
    assert.equal(f.issues[0].line, 4);
  });

  it('a bare & in a JSX attribute string (a URL with a query) is valid TSX, not a syntax error; a real error still is', async () => {
    const page = [
      "import OpenAI from 'openai';",
      'const client = new OpenAI();',
      'export const Footer = () => (',
      '  <a href="https://example.com/?utm_source=app&utm_medium=referral&utm_campaign=demo" target="_blank">powered by</a>',
      ');',
      "export const ask = (q: string) => client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });",
    ].join('\n');
    const clean = await detectFile(page, 'Footer.tsx');
    assert.deepEqual(clean.issues, []);
    assert.equal(clean.calls.length, 1);
    const broken = await detectFile(page.replace('target="_blank">', 'target="_blank"'), 'Footer.tsx');
    assert.ok(broken.issues.some((i) => i.code === 'parse-error'), 'an unclosed tag is still reported');
  });

  it('never throws on empty, binary-looking, unsupported or truncated input', async () => {
    for (const [text, path] of [
      ['', 'a.ts'],
      ['\u0000\u0001\u0002openai', 'a.py'],
      ['{{{{ ((( `${', 'b.ts'],
      ['"""', 'c.py'],
      ['anything', 'image.png'],
      ['---\n', 'x.prompt'],
    ]) {
      const f = await detectFile(text, path);
      assert.ok(Array.isArray(f.prompts), path);
    }
  });

  it('skips files over the size cap with an issue', async () => {
    const f = await detectFile('openai '.repeat(100), 'big.ts', undefined, { maxChars: 100 });
    assert.equal(f.truncated, true);
    assert.equal(f.issues[0].code, 'file-skipped');
  });

  it('stops a parse that is cancelled', async () => {
    const text = 'const prompt = "You are a helpful assistant";\n'.repeat(20_000);
    const f = await detectFile(text, 'huge.ts', undefined, { isCancelled: () => true });
    assert.equal(f.truncated, true);
    assert.match(f.issues[0].message, /cancelled/);
  });

  it('caps the number of sites per file', async () => {
    const text = Array.from({ length: 30 }, (_, i) => `SYSTEM_PROMPT_${i} = "You are assistant number ${i}, be helpful and brief."`).join('\n');
    const f = await detectFile(text, 'many.py', undefined, { maxSitesPerFile: 10 });
    assert.equal(f.prompts.length, 10);
    assert.equal(f.truncated, true);
  });

  it('does not parse files with no sign of model use', async () => {
    const f = await detectFile('export const add = (a: number, b: number) => a + b;\n', 'math.ts');
    assert.deepEqual([f.prompts.length, f.calls.length, f.issues.length], [0, 0, 0]);
  });
});
