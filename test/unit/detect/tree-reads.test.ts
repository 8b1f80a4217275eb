/**
 * The shared tree machinery that detection's speed rests on must see the same tree as a plain
 * tree-sitter cursor: the one walk (run inside wasm) visits the wanted nodes in document order,
 * and a node's kept `type` / `endIndex` are what tree-sitter itself answers.
 */
import * as assert from 'node:assert/strict';
import { parse, type SyntaxNode, type SyntaxTree } from '../../../src/core/detect/parser';
import { walk } from '../../../src/core/detect/syntax';

const PYTHON = `import anthropic
client = anthropic.Anthropic()

def ask(question, model="claude-sonnet-4-5"):
    messages = [{"role": "user", "content": f"Q: {question}"}]
    while True:
        r = client.messages.create(model=model, max_tokens=100, messages=messages)
        if r.stop_reason != "tool_use":
            return r.content[0].text
        for block in r.content:
            messages.append({"role": "assistant", "content": str(block)})

class Agent:
    def run(self, task):
        return ask(f"{task} (" + str(len(task)) + ")")
`;

const TYPESCRIPT = `import OpenAI from 'openai';
const client = new OpenAI();
export async function run(diff: string) {
  const messages: any[] = [{ role: 'system', content: 'Review.' }, { role: 'user', content: diff }];
  for (let turn = 0; turn < 3; turn++) {
    const r = await client.chat.completions.create({ model: 'gpt-4.1', messages });
    if (!r.choices[0].message.tool_calls) return r.choices[0].message.content;
    messages.push(r.choices[0].message);
  }
  return (await helper(messages as never)) satisfies string;
}
const helper = async (m: unknown[]) => String(m.length);
`;

/** Reference: every node in document order, read with a cursor (no kept reads involved). */
function cursorWalk(tree: SyntaxTree): { id: number; type: string; start: number; end: number }[] {
  const out: { id: number; type: string; start: number; end: number }[] = [];
  const cursor = tree.walk();
  for (;;) {
    out.push({ id: cursor.nodeId, type: cursor.nodeType, start: cursor.startIndex, end: cursor.endIndex });
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        cursor.delete();
        return out;
      }
    }
  }
}

async function parsed(text: string, grammar: 'python' | 'typescript'): Promise<SyntaxTree> {
  const tree = await parse(text, grammar, { timeoutMs: 10_000 });
  assert.ok(tree);
  return tree;
}

describe('detect: tree reads', () => {
  for (const [grammar, text, wanted] of [
    ['python', PYTHON, ['call', 'dictionary', 'assignment', 'while_statement', 'for_statement', 'default_parameter', 'function_definition']],
    ['typescript', TYPESCRIPT, ['call_expression', 'new_expression', 'object', 'for_statement', 'variable_declarator', 'arrow_function']],
  ] as const) {
    it(`the one walk visits the wanted ${grammar} nodes in document order, as a cursor does`, async () => {
      const tree = await parsed(text, grammar);
      try {
        const want = new Set<string>(wanted);
        const expected = cursorWalk(tree).filter((n) => want.has(n.type));
        const seen: SyntaxNode[] = [];
        walk(tree, want, (n) => seen.push(n));
        assert.ok(expected.length >= 8, `the sample has wanted nodes (${expected.length})`);
        assert.deepEqual(
          seen.map((n) => ({ id: n.id, type: n.type, start: n.startIndex, end: n.endIndex })),
          expected,
        );
      } finally {
        tree.delete();
      }
    });

    it(`a ${grammar} node's kept type and end are tree-sitter's own, however often they are read`, async () => {
      const tree = await parsed(text, grammar);
      try {
        const types = tree.language.types;
        const stack: SyntaxNode[] = [tree.rootNode];
        let checked = 0;
        while (stack.length) {
          const n = stack.pop()!;
          for (let i = 0; i < 3; i++) {
            assert.equal(n.type, types[n.typeId] || 'ERROR');
            assert.equal(n.endIndex, n.startIndex + n.text.length);
          }
          checked++;
          for (const c of n.children) if (c) stack.push(c);
        }
        assert.ok(checked > 50);
      } finally {
        tree.delete();
      }
    });
  }
});
