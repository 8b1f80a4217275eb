import * as assert from 'node:assert/strict';
import { classifyPath, detectFile } from '../../../src/core/detect';

describe('detect: prompt and instruction files', () => {
  it('classifies paths', () => {
    const kinds = (p: string) => {
      const c = classifyPath(p);
      return c ? (c.type === 'code' ? c.grammar : c.kind) : undefined;
    };
    assert.equal(kinds('src/agent.ts'), 'typescript');
    assert.equal(kinds('src/types.d.ts'), undefined);
    assert.equal(kinds('app/page.tsx'), 'tsx');
    assert.equal(kinds('x.cjs'), 'javascript');
    assert.equal(kinds('agent.py'), 'python');
    assert.equal(kinds('AGENTS.md'), 'instructions');
    assert.equal(kinds('pkg/CLAUDE.md'), 'instructions');
    assert.equal(kinds('.github/copilot-instructions.md'), 'instructions');
    assert.equal(kinds('.cursor/rules/style.mdc'), 'instructions');
    assert.equal(kinds('.cursorrules'), 'instructions');
    assert.equal(kinds('prompts/review.prompt'), 'dotprompt');
    assert.equal(kinds('x/y.prompty'), 'prompty');
    assert.equal(kinds('templates/q.j2'), 'jinja');
    assert.equal(kinds('config/agents.yaml'), 'crewai-agents');
    assert.equal(kinds('config/tasks.yml'), 'crewai-tasks');
    assert.equal(kinds('prompts/system.md'), 'prompt-text');
    assert.equal(kinds('prompts/README.md'), undefined);
    assert.equal(kinds('docs/guide.md'), undefined);
    assert.equal(kinds('image.png'), undefined);
  });

  it('reads a Dotprompt file: front matter model and output cap, role sections, {{placeholders}}', async () => {
    const text = [
      '---',
      'model: googleai/gemini-2.5-flash',
      'config:',
      '  maxOutputTokens: 400',
      '---',
      '{{role "system"}}',
      'You review pull requests.',
      '{{role "user"}}',
      'Review this diff: {{diff}}',
      '',
    ].join('\n');
    const f = await detectFile(text, 'prompts/review.prompt');
    assert.equal(f.kind, 'prompt-file');
    assert.equal(f.fileModel, 'googleai/gemini-2.5-flash');
    assert.equal(f.fileMaxOutputTokens, 400);
    assert.deepEqual(
      f.prompts.map((p) => [p.kind, p.line, p.text.trim(), p.placeholders]),
      [
        ['system', 6, 'You review pull requests.', []],
        ['user-template', 8, 'Review this diff: {{diff}}', ['diff']],
      ],
    );
  });

  it('reads a Prompty file: model configuration and system/user sections', async () => {
    const text = [
      '---',
      'name: Basic',
      'model:',
      '  api: chat',
      '  configuration:',
      '    type: azure_openai',
      '    azure_deployment: gpt-4o-mini',
      '  parameters:',
      '    max_tokens: 128',
      '---',
      'system:',
      'You are an AI assistant who helps people find information.',
      '',
      'user:',
      '{{question}}',
    ].join('\n');
    const f = await detectFile(text, 'chat.prompty');
    assert.equal(f.fileModel, 'gpt-4o-mini');
    assert.equal(f.fileMaxOutputTokens, 128);
    assert.deepEqual(
      f.prompts.map((p) => [p.kind, p.line]),
      [
        ['system', 11],
        ['user-template', 14],
      ],
    );
  });

  it('reads coding-agent instruction files as one instructions prompt', async () => {
    const f = await detectFile('# Repo rules\n\nRun `npm test` before committing.\n', 'AGENTS.md');
    assert.equal(f.kind, 'instructions');
    assert.equal(f.prompts.length, 1);
    assert.equal(f.prompts[0].kind, 'instructions');
    assert.deepEqual([f.prompts[0].line, f.prompts[0].endLine], [1, 4]);
  });

  it('reads CrewAI agents.yaml and tasks.yaml field by field, with the llm named', async () => {
    const agents = ['researcher:', '  role: >', '    {topic} Senior Data Researcher', '  goal: Uncover developments in {topic}', '  backstory: You find the latest news.', '  llm: openai/gpt-4o', ''].join('\n');
    const a = await detectFile(agents, 'src/crew/config/agents.yaml');
    assert.equal(a.kind, 'crewai-config');
    assert.equal(a.fileModel, 'openai/gpt-4o');
    assert.deepEqual(
      a.prompts.map((p) => [p.line, p.kind, p.text.trim()]),
      [
        [2, 'system', '{topic} Senior Data Researcher'],
        [4, 'system', 'Uncover developments in {topic}'],
        [5, 'system', 'You find the latest news.'],
      ],
    );
    const t = await detectFile('research_task:\n  description: Research {topic}\n  expected_output: A list of 10 bullet points\n', 'tasks.yaml');
    assert.deepEqual(
      t.prompts.map((p) => p.kind),
      ['user-template', 'instructions'],
    );
  });

  it('reports malformed YAML and front matter as issues, never throws', async () => {
    const y = await detectFile('a: [unclosed\n  b: c\n', 'agents.yaml');
    assert.ok(y.issues.some((i) => i.code === 'parse-error'));
    const p = await detectFile('---\nmodel: [\n---\nHello {{name}}\n', 'x.prompt');
    assert.ok(p.issues.some((i) => i.code === 'parse-error'));
    assert.equal(p.prompts.length, 1);
  });
});
