import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { estimateForSite } from '../../../src/core/estimate';
import { formatFigure } from '../../../src/core/format/estimate';
import { offeringFacts } from '../../../src/extension/catalog-facts';
import { lensSpecs } from '../../../src/extension/codelens/titles';
import { modelHoverMarkdown, siteHoverMarkdown } from '../../../src/extension/hover/content';
import { hoverMarkdownFor, hoverTargetAt } from '../../../src/extension/hover/targets';
import { analysed, ASSUMPTIONS, CATALOG, ONE_CALL, positionOf, UNBOUNDED_LOOP } from './analysed';

const URI = 'file:///w/src/agent.ts';

async function hoverAt(text: string, needle: string, offset = 0, word?: string) {
  const report = await analysed(text);
  const at = positionOf(text, needle, offset);
  const target = hoverTargetAt(report, at.line, at.column, word);
  assert.ok(target, `a site under ${needle}`);
  return { report, target, md: hoverMarkdownFor(report, target, CATALOG, ASSUMPTIONS, URI, []) };
}

describe('extension/hover where users point (core-built reports)', () => {
  it('on the call (callee and arguments): the lens figure, the model from code with its line, assumptions with sources', async () => {
    const { report, target, md } = await hoverAt(ONE_CALL, 'completions.create');
    assert.equal(target.kind, 'call');
    const lens = lensSpecs(report, CATALOG, ASSUMPTIONS).find((l) => l.siteId === target.site.id)!;
    const figure = lens.title.split(' · ')[0];
    assert.equal(figure, '$0.00081/call (0.00036–0.0012)');
    const sections = md.split('\n\n');
    assert.equal(sections[0], '**Tokenomics** · openai call');
    assert.match(sections[1], /^\*\*\$0\.00081\/call \(0\.00036–0\.0012\)\*\* · 82 in → 60 out · /);
    assert.equal(sections[2], 'Model: **gpt\\-4o** (from code, line 7) via openai');
    assert.equal(sections[3], 'Monthly: $0.24 at 10 calls a day');
    assert.ok(md.includes('- output\\: 60 tokens \\(from code; the output cap set in the code\\)'), md);
    assert.ok(md.includes('- traffic\\: 10 a day \\(setting\\)'), md);
    assert.match(md, /\[Compare providers…\]\(command:tokenomics\.compareProviders\?%5B%7B%22uri%22%3A%22file%3A%2F%2F%2Fw%2Fsrc%2Fagent\.ts%22%2C%22siteId%22%3A%22c7\.10%22/);
    assert.match(md, /\[Set an assumption…\]\(command:tokenomics\.setAssumption\?/);
  });

  it('on a prompt identifier at its use and its declaration: the call figure, then the prompt share labelled as such', async () => {
    const use = await hoverAt(ONE_CALL, 'content: SYSTEM_PROMPT', 12, 'SYSTEM_PROMPT');
    const declaration = await hoverAt(ONE_CALL, 'SYSTEM_PROMPT =', 3, 'SYSTEM_PROMPT');
    for (const { target, md } of [use, declaration]) {
      assert.equal(target.kind, 'prompt');
      const sections = md.split('\n\n');
      assert.equal(sections[0], '**Tokenomics** · system prompt SYSTEM\\_PROMPT');
      assert.match(sections[1], /^\*\*\$0\.00081\/call \(0\.00036–0\.0012\)\*\* · 82 in → 60 out/, 'the call figure, as its lens');
      assert.equal(sections[2], 'This prompt: **21 tokens** · exact, o200k_base');
      assert.equal(sections[3], "Its share of the figure above: 26% of the call's input tokens, <$0.0001 as input");
    }
  });

  it('a prompt two calls send (a shared tool description) says so and whose figure it shows', async () => {
    const text = readFileSync(join(__dirname, '..', '..', '..', '..', 'examples', 'ts-agent', 'review-agent.ts'), 'utf8');
    const report = await analysed(text, 'ts-agent/review-agent.ts');
    const at = positionOf(text, 'Read a file of the repository');
    const target = hoverTargetAt(report, at.line, at.column)!;
    assert.equal(target.kind, 'prompt');
    const first = report.calls.find((c) => c.promptIds.includes(target.site.id))!;
    assert.equal(report.calls.filter((c) => c.promptIds.includes(target.site.id)).length, 2);
    const md = hoverMarkdownFor(report, target, CATALOG, ASSUMPTIONS, URI, []);
    assert.ok(md.includes(`Sent by 2 calls of this file; the figure above is the first one's (line ${first.line})`), md);
  });

  it('inside the prompt text: the same figure', async () => {
    const { target, md } = await hoverAt(ONE_CALL, 'careful reviewer');
    assert.equal(target.kind, 'prompt');
    assert.match(md, /\*\*\$0\.00081\/call \(0\.00036–0\.0012\)\*\*/);
  });

  it('on a loop statement: the task figure, the model marked as assumed, the steps assumption with its source', async () => {
    const { target, md } = await hoverAt(UNBOUNDED_LOOP, 'while (true)');
    assert.equal(target.kind, 'loop');
    const sections = md.split('\n\n');
    assert.equal(sections[0], '**Tokenomics** · agent loop');
    assert.match(sections[1], /^\*\*\$0\.004\/task \(0\.00038–0\.10\)\*\* · 825 in → 300 out · 3 steps/);
    assert.equal(sections[2], 'Model: **gpt\\-4\\.1** (assumed\\: openai default \\(chosen at run time\\: parameter model of run\\)) via openai');
    assert.ok(md.includes('- steps\\: 3 steps \\(setting; assumed; nothing in the code bounds the loop\\)'), md);
    assert.ok(!md.includes('**model**'), 'the variable `model` is never shown as a model name');
  });

  it('the call inside a loop says its cost is counted in the task, not again', async () => {
    const { md } = await hoverAt(UNBOUNDED_LOOP, 'completions.create');
    assert.ok(md.includes('Monthly: counted in the figure of its task (l5\\.3), not again on its own'), md);
  });

  it('nothing where no site is', async () => {
    const report = await analysed(ONE_CALL);
    assert.equal(hoverTargetAt(report, 1, 1, 'OpenAI'), undefined);
  });

  it('renders hostile text inert: no raw HTML, only our own command links', async () => {
    const report = await analysed(ONE_CALL);
    const e = estimateForSite(report, report.calls[0].id, CATALOG, ASSUMPTIONS)!;
    const hostile = { ...e, model: { ...e.model, id: '<img src=x onerror=alert(1)>[x](command:workbench.action.terminal.new)' } };
    const md = siteHoverMarkdown({ estimate: hostile, title: 'call', alternatives: [], link: { uri: URI, siteId: e.siteId } });
    assert.ok(!md.includes('<img'));
    assert.ok(!md.includes('](command:workbench'));
    assert.equal(md.match(/\]\(command:/g)?.length, 2, 'compare and set-assumption links only');
    assert.equal(formatFigure(hostile), '$0.00081/call (0.00036–0.0012)');
  });

  it('describes a model: prices per offering, context, date; an unknown one is unpriced', () => {
    const offering = CATALOG.offerings.find((o) => o.id === 'openai/gpt-4.1')!;
    const md = modelHoverMarkdown('gpt-4.1', [offeringFacts(CATALOG, offering)]);
    assert.equal(md.split('\n\n')[0], '**Tokenomics** · GPT\\-4\\.1 · context 1,000,000');
    assert.ok(md.includes('| openai | $2.00/M | $0.50/M | $8.00/M | n/a | 2025\\-01\\-01 |'), md);
    assert.equal(modelHoverMarkdown('gpt-9', []), '**Tokenomics** · gpt\\-9: not in the catalog (unpriced)');
  });
});
