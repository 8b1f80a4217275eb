import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

const lines = async (src: string, path = 'judge.py'): Promise<number[]> => (await detectFile(src, path)).prompts.map((p) => p.line).sort((a, b) => a - b);

describe('texts picked from a table or a list into a prompt template', () => {
  const judge = [
    'import anthropic', //                                                                                  1
    'client = anthropic.Anthropic()', //                                                                    2
    'PROMPTS = {', //                                                                                       3
    '    "v1": """You are a strict fact-checker.\\nEVIDENCE:\\n{evidence}\\nQUESTION: {question}""",', //    4
    '    "v2": """You are a very strict judge of grounding.\\nEVIDENCE:\\n{evidence}\\nQUESTION: {question}""",', // 5
    '}', //                                                                                                 6
    'RENDERERS = {', //                                                                                     7
    '    "chart": """import matplotlib as plt; spec = open({spec_path}); plt.savefig({out_path})""",', //    8
    '}', //                                                                                                 9
    '', //                                                                                                 10
    'def judge(version, question, evidence):', //                                                          11
    '    prompt = PROMPTS[version].format(evidence=evidence, question=question)', //                       12
    '    return client.messages.create(model="claude-3-5-haiku-latest", max_tokens=512, messages=[{"role": "user", "content": prompt}])', // 13
    '', //                                                                                                 14
    'def render(kind, spec_path, out_path):', //                                                           15
    '    program = RENDERERS[kind].format(spec_path=spec_path, out_path=out_path)', //                     16
    '    return program', //                                                                               17
  ].join('\n');

  it('every template of a prompt table formatted by key is a prompt (sent by a recognised request)', async () => {
    const found = await lines(judge);
    assert.ok(found.includes(4) && found.includes(5), `have ${found}`);
  });

  it('the table is read at the format even when the send is not recognised', async () => {
    const found = await lines(judge.replace('client.messages.create(model="claude-3-5-haiku-latest", max_tokens=512, messages=[{"role": "user", "content": prompt}])', 'own_client.generate(prompt)'));
    assert.ok(found.includes(4) && found.includes(5), `have ${found}`);
  });

  it('trap: a table of programs filled the same way is no prompt', async () => {
    assert.ok(!(await lines(judge)).includes(8));
  });

  it('trap: a prompt-named table whose texts have none of the slots the format fills is not read', async () => {
    const found = await lines(judge.replace('.format(evidence=evidence, question=question)', '.format(answer=evidence)').replace('"content": prompt', '"content": "Judge it."'));
    assert.ok(!found.includes(4) && !found.includes(5), `have ${found}`);
  });

  const goldset = [
    'from app.client import OllamaClient', //                                                               1
    'TYPE_GUIDANCE = {', //                                                                                  2
    '    "factoid": "Ask for one specific value, name, part number or figure.",', //                         3
    '    "negative": (', //                                                                                  4
    '        "Ask about a restriction, exclusion or limit that "', //                                        5
    '        "invalidates something."', //                                                                   6
    '    ),', //                                                                                             7
    '}', //                                                                                                  8
    'SIDECARS = {"atlas7": "atlas7_service_manual.facts.json", "hr": "northwind_leave_policy.facts.json"}', // 9
    'COLORS = {"easy": "green", "hard": "red"}', //                                                          10
    'PROMPT = """You write evaluation questions.\\nQuestion type: {qtype}. {type_guidance}\\nColor: {color}"""', // 11
    'STATUS = "Wrote {qtype}: {label} to {path}"', //                                                       12
    '', //                                                                                                  13
    'def generate(client, corpus, qtype, difficulty):', //                                                  14
    '    path = SIDECARS[corpus]', //                                                                       15
    '    prompt = PROMPT.format(qtype=qtype, type_guidance=TYPE_GUIDANCE[qtype], color=COLORS[difficulty])', // 16
    '    print(STATUS.format(qtype=qtype, label=TYPE_GUIDANCE[qtype], path=path))', //                      17
    '    return client.generate_completion(model="qwen3", prompt=prompt)', //                               18
  ].join('\n');

  it('each entry of a table formatted into a prompt template by key is a prompt', async () => {
    const found = await lines(goldset, 'build_goldset.py');
    assert.ok(found.includes(3), `have ${found}`);
    assert.ok(found.some((l) => l >= 4 && l <= 7), `the parenthesized entry (have ${found})`);
  });

  it('trap: single words and file names picked the same way, and a status line, are not prompts', async () => {
    const found = await lines(goldset, 'build_goldset.py');
    assert.ok(!found.includes(9) && !found.includes(10) && !found.includes(12), `have ${found}`);
  });

  it('trap: the same table formatted only into a text not named as a prompt is not read', async () => {
    const found = await lines(goldset.replace('PROMPT = """', 'PAGE = """').replace('PROMPT.format', 'PAGE.format'), 'build_goldset.py');
    assert.ok(!found.includes(3), `have ${found}`);
  });

  const search = [
    'import random', //                                                                                       1
    'mutation_prompts = [', //                                                                                2
    '    """Given the following prompt template for an LLM, write me a better prompt.""",', //              3
    '    """Rewrite the following prompt template but do not use any of the same words""",', //             4
    ']', //                                                                                                  5
    'rates = ["0.1 per cent", "0.5 per cent"]', //                                                          6
    'payloads = ["drop table users", "select all rows here"]', //                                          7
    '', //                                                                                                  8
    'def mutate(llm, template):', //                                                                        9
    '    mutate_prompt_template = """{instruction}\\n\\nInitial prompt:\\n{prompt_template}\\nStart the new prompt with START PROMPT."""', // 10
    '    selected_mutation = random.choice(mutation_prompts)', //                                           11
    '    rate = random.choice(rates)', //                                                                   12
    '    attack = random.choice(payloads)', //                                                              13
    '    print("rate {rate} attack {attack}".format(rate=rate, attack=attack))', //                        14
    '    return llm(mutate_prompt_template.format(prompt_template=template, instruction=selected_mutation))', // 15
  ].join('\n');

  it('each instruction of a list picked at random into a prompt template is a prompt', async () => {
    const found = await lines(search, 'promptsearch.py');
    assert.ok(found.includes(3) && found.includes(4), `have ${found}`);
  });

  it('trap: random picks over data that only reach a log line are not prompts', async () => {
    const found = await lines(search, 'promptsearch.py');
    assert.ok(!found.includes(6) && !found.includes(7), `have ${found}`);
  });
});

describe('texts picked with .get into a prompt template', () => {
  const src = [
    'from app.llm import ask', //                                                                       1
    'GUIDANCE = {"film": "The topic is a film or a series.", "book": "The topic is a printed book."}', // 2
    'ICONS = {"film": "movie camera icon", "book": "open book icon"}', //                              3
    'SEARCH_PROMPT = """Find review articles about {topic}. {type_guidance}"""', //                    4
    '', //                                                                                             5
    'def search(topic, kind):', //                                                                     6
    '    type_guidance = GUIDANCE.get(kind)', //                                                       7
    '    type_guidance = type_guidance or "none"', //                                                  8
    '    icon = ICONS.get(kind, "")', //                                                               9
    '    print("{icon} {topic}".format(icon=icon, topic=topic))', //                                 10
    '    return ask(SEARCH_PROMPT.format(topic=topic, type_guidance=type_guidance or "none"))', //    11
  ].join('\n');

  it('every entry a .get may pick (through a fallback and a reassigned local) is a prompt', async () => {
    const found = await lines(src, 'search.py');
    assert.ok(found.includes(2), `have ${found}`);
  });

  it('trap: a table picked with .get into a log line is not read', async () => {
    assert.ok(!(await lines(src, 'search.py')).includes(3));
  });
});
