import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

/** openui's fine-tuning set builder: a chat template and a system prompt formatted into each example and written. */
const LLAMA = `import json
import tiktoken

LLAMA3_TEMPLATE = """<|begin_of_text|><|start_header_id|>system<|end_header_id|>

{system_prompt}<|eot_id|><|start_header_id|>user<|end_header_id|>

{prompt}<|eot_id|><|start_header_id|>assistant<|end_header_id|>

{answer}<|eot_id|><|end_of_text|>"""

SYSTEM_PROMPT = """You're a frontend web developer that specializes in tailwindcss.
Given a description or an image, generate HTML with tailwindcss."""

encoding = tiktoken.get_encoding("cl100k_base")


def build(components, path):
    tokens = 0
    with open(path, "w") as evals:
        for comp in components:
            compiled = LLAMA3_TEMPLATE.format(system_prompt=SYSTEM_PROMPT, prompt=comp["prompt"], answer=comp["html"])
            tokens += len(encoding.encode(compiled))
            evals.write(json.dumps({"text": compiled}, ensure_ascii=False) + "\\n")
    print(f"Generated ~{tokens:,} tokens")
`;

/** OpenAI's chat fine-tuning format: message dicts gathered into records, the records written one a line. */
const MESSAGES = `import json

SYSTEM_INSTRUCTION = "Parse IATA Type B messages into structured JSON according to the AHM specification."


def prepare(examples, out_path):
    records = []
    for ex in examples:
        messages = [
            {"role": "system", "content": SYSTEM_INSTRUCTION},
            {"role": "user", "content": ex["message"]},
            {"role": "assistant", "content": json.dumps(ex["parsed"])},
        ]
        records.append({"messages": messages})
    with open(out_path, "w") as f:
        for record in records:
            f.write(json.dumps(record) + "\\n")
`;

/** Traps: the same shapes where the text is also sent, posted as a request body, piped to a CLI or returned. */
const SENT = `import json
import subprocess
import requests
from openai import OpenAI

client = OpenAI()

SYSTEM_PROMPT = "You are a support assistant for the billing team of the company."
JUDGE_PROMPT = "Grade the answer below from one to ten and explain the grade."
CLI_PROMPT = "Summarise the staged changes as one conventional commit message."
REVIEW_PROMPT = "Review the pull request below and list the risky changes first."


def answer(question, log):
    messages = [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": question}]
    log.write(json.dumps({"messages": messages}) + "\\n")
    return client.chat.completions.create(model="gpt-4o-mini", messages=messages)


def judge(answer_text, log):
    body = json.dumps({"prompt": JUDGE_PROMPT + "\\n\\n" + answer_text})
    log.write(body)
    return requests.post("http://localhost:11434/api/generate", data=body)


def commit_message(diff):
    proc = subprocess.Popen(["ollama", "run", "llama3"], stdin=subprocess.PIPE)
    proc.stdin.write((CLI_PROMPT + "\\n" + diff).encode())


def review_prompt(diff, log):
    text = REVIEW_PROMPT.format(diff=diff)
    log.write(text)
    return text
`;

describe('detect: texts written into training data are not prompts (training-data.ts)', () => {
  it("a system prompt and a Llama chat template formatted into each example written to a JSONL file are not prompts", async () => {
    const f = await detectFile(LLAMA, 'eval/to_fine_tune.py');
    assert.deepEqual(f.prompts.map((p) => p.line), []);
  });

  it('message dicts of fine-tuning records appended to a list and written one a line are not prompts', async () => {
    const f = await detectFile(MESSAGES, 'prepare_finetune.py');
    assert.deepEqual(f.prompts.map((p) => p.line), []);
  });

  it('a text also sent, posted as a request body, piped to a CLI or returned stays a prompt though it is written to a log too', async () => {
    const f = await detectFile(SENT, 'app.py');
    const lines = new Set(f.prompts.map((p) => p.line));
    for (const line of [8, 9, 10, 11]) assert.ok(lines.has(line), `line ${line} stays a prompt (have ${[...lines].join(', ')})`);
  });
});
