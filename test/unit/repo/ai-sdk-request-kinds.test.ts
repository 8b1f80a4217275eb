import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../src/node/scan';
import { scanTree } from './fixture-scan';

function calls(r: ScanResult, path: string) {
  const f = r.files.find((x) => x.path === path);
  assert.ok(f, `${path} reported (have ${r.files.map((x) => x.path).join(', ')})`);
  return f.calls;
}

const missing = (c: { costPerCall: { kind: string; missing?: readonly string[] } }): string => (c.costPerCall.kind === 'unpriced' ? (c.costPerCall.missing ?? []).join(' ') : '');

describe('AI SDK request functions of every kind (ai-sdk-surface)', () => {
  it('transcribe (under an aliased import), rerank, generateSpeech, generateImage and embedMany are requests on their model; only the embedding is priced', async () => {
    const r = await scanTree({
      'app/voice.ts': `import { experimental_transcribe as transcribe, experimental_generateSpeech as speak } from 'ai'
import { elevenlabs } from '@ai-sdk/elevenlabs'
import { openai } from '@ai-sdk/openai'
export async function toText(audio: Uint8Array) {
  const { text } = await transcribe({ model: elevenlabs.transcription('scribe_v1'), audio })
  return text
}
export async function toSpeech(text: string) {
  return speak({ model: openai.speech('tts-1'), text, voice: 'alloy' })
}
`,
      'app/search.ts': `import { rerank, generateImage, embedMany, tool } from 'ai'
import { cohere } from '@ai-sdk/cohere'
import { openai } from '@ai-sdk/openai'
import { z } from 'zod'
export const searchTool = tool({
  description: 'Search the catalog',
  inputSchema: z.object({ query: z.string() }),
  execute: async ({ query }) => {
    const docs = ['a', 'b', 'c']
    const { ranking } = await rerank({ model: cohere.reranking('rerank-v3.5'), query, documents: docs, topN: 2 })
    return ranking
  },
})
export const picture = (prompt: string) => generateImage({ model: openai.image('gpt-image-1'), prompt })
export const vectors = (values: string[]) => embedMany({ model: openai.textEmbeddingModel('text-embedding-3-small'), values })
`,
    });
    const voice = calls(r, 'app/voice.ts');
    const stt = voice.find((c) => c.line === 5);
    assert.equal(stt?.model ?? stt?.modelResolved, 'scribe_v1');
    assert.match(missing(stt!), /per minute of audio/);
    const tts = voice.find((c) => c.line === 9);
    assert.equal(tts?.model ?? tts?.modelResolved, 'tts-1');
    assert.match(missing(tts!), /text to speech/);
    const search = calls(r, 'app/search.ts');
    const reranked = search.find((c) => c.line === 10);
    assert.equal(reranked?.model ?? reranked?.modelResolved, 'rerank-v3.5');
    assert.match(missing(reranked!), /per search/);
    assert.match(missing(search.find((c) => c.line === 14)!), /per image/);
    const embedded = search.find((c) => c.line === 15);
    assert.equal(embedded?.costPerCall.kind, 'priced');
    assert.ok(r.totals.unpriced?.some((u) => u.path === 'app/search.ts' && u.line === 10), JSON.stringify(r.totals.unpriced));
  });

  it('look-alikes: a rerank or transcribe of another library or of the repository itself is no AI SDK request', async () => {
    const r = await scanTree({
      'lib/rank.ts': `import { rerank } from './local-ranker'
import { transcribe } from 'some-audio-lib'
export async function order(query: string, docs: string[], audio: Uint8Array) {
  const text = await transcribe({ model: 'base', audio })
  return rerank({ model: 'bm25', query, documents: docs })
}
`,
      'lib/local-ranker.ts': `export async function rerank(o: { model: string; query: string; documents: string[] }) {
  return o.documents.filter((d) => d.includes(o.query))
}
`,
    });
    assert.deepEqual(r.files.find((x) => x.path === 'lib/rank.ts')?.calls ?? [], []);
  });
});
