/**
 * Prompt text that reaches a request through the repository's own TypeScript wrapper taking one options object
 * (`gen.generate({ system, prompt })`, read back as `const { system } = options`), from a helper that returns an
 * object (`return { system: sections.join('\n\n'), sources }`) and from lists the texts are pushed into
 * (src/core/repo/options-fields.ts, sent-texts.ts, extract-texts.ts).
 */
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { getBundledCatalog, resolveModel } from '../../../src/core/catalog';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { scanPaths, type ScanResult } from '../../../src/node/scan';
import { writeWorkspace } from './fixture-scan';

const GENERATOR = `import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';

export interface GenerateOptions {
  system: string;
  prompt: string;
  label?: string;
}

export class Generator {
  async generate(options: GenerateOptions) {
    const { system, prompt } = options;
    console.log(options.label);
    return generateText({ model: openai('gpt-4o-mini'), system, prompt });
  }
}
`;

/** A builder longer than a value helper (its returned object is still read for the texts it carries). */
const BUILDER = `export function buildPrompt(notes: string[], allowSearch: boolean) {
  const sections: string[] = [];
  sections.push(\`You are a careful research assistant. Answer only from the notes you were given.\`);
  if (notes.length) {
    sections.push(\`<notes>
\${notes.join('\\n')}
</notes>\`);
  }
${Array.from({ length: 60 }, (_, i) => `  const filler${i} = ${i};`).join('\n')}
  if (allowSearch) {
    sections.push(\`You may search the web when the notes are not enough to answer.\`);
  }
  return {
    system: sections.concat(describeSources(notes)).join('\\n\\n'),
    sources: describeSources(notes),
  };
}

export function describeSources(notes: string[]) {
  if (!notes.length) return 'undefined';
  return \`\${notes.length} notes\`;
}
`;

const AGENT = `import * as readline from 'readline';
import { Generator } from './generator';
import { buildPrompt } from './builder';

const rl = readline.createInterface({ input: process.stdin, output: process.stdout });

function ask(query: string): Promise<string> {
  return new Promise((resolve) => rl.question(query, resolve));
}

export async function research() {
  const gen = new Generator();
  const notes: string[] = [];
  notes.push(\`Searched the archive for the question and found two matching reports.\`);
  const { system } = buildPrompt(notes, true);
  const question = await ask('Which topic would you like to research today? ');
  return gen.generate({ system, prompt: question, label: 'Research step written to the progress log for people' });
}
`;

const workspace = (files: Record<string, string>): string => writeWorkspace(files, 'tokenomics-options-fields-');

function promptTexts(r: ScanResult, path: string): string[] {
  return (r.files.find((f) => f.path === path)?.prompts ?? []).map((p) => p.preview);
}

describe('repository model: texts sent through a wrapper that takes an options object', () => {
  let dir = '';
  let r: ScanResult;
  before(async () => {
    dir = workspace({ 'generator.ts': GENERATOR, 'builder.ts': BUILDER, 'agent.ts': AGENT });
    r = await scanPaths([dir], { catalog: getBundledCatalog(), assumptions: DEFAULT_ASSUMPTIONS, resolveModel, root: dir, cwd: dir });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("the sections a builder pushes and returns as the object's sent field are prompts of the builder's file", () => {
    const texts = promptTexts(r, 'builder.ts');
    assert.ok(texts.some((t) => t.startsWith('You are a careful research assistant')), texts.join(' | '));
    assert.ok(texts.some((t) => t.startsWith('You may search the web')), texts.join(' | '));
    assert.ok(texts.some((t) => t.startsWith('<notes>')), texts.join(' | '));
  });

  it('a text pushed into a list the builder is given is a prompt of the caller', () => {
    assert.ok(promptTexts(r, 'agent.ts').some((t) => t.startsWith('Searched the archive')), promptTexts(r, 'agent.ts').join(' | '));
  });

  it('trap: a field the wrapper does not send, and a single token a helper returns, are not prompts', () => {
    assert.ok(!promptTexts(r, 'agent.ts').some((t) => t.includes('progress log')), 'label is only logged');
    assert.ok(!promptTexts(r, 'builder.ts').some((t) => t === 'undefined'));
    assert.ok(!promptTexts(r, 'agent.ts').some((t) => t.startsWith('Which topic')), 'the question asked of the person is not what ask() returns');
  });
});
