import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

const LIBRARIES = `from langchain_core.prompts import FewShotPromptTemplate, PromptTemplate, AIMessagePromptTemplate
from openai import pydantic_function_tool
from agents import Agent, handoff
from haystack.components.builders import PromptBuilder
from haystack.dataclasses import ChatMessage
from autogen import AssistantAgent
from llama_index.core.program import LLMTextCompletionProgram

few = FewShotPromptTemplate(examples=[], example_prompt=PromptTemplate.from_template("Q: {q} A: {a}"), prefix="Answer the questions like the examples below.", suffix="Question: {input}")
turn = AIMessagePromptTemplate.from_template("I will answer using the documents about {topic}.")
weather = pydantic_function_tool(Weather, name="weather", description="Look up the weather for a city today.")
desk = handoff(billing, tool_description_override="Hand the conversation to the billing desk.")
builder = PromptBuilder(template="Given the documents, answer the question {{question}} carefully.")
system = ChatMessage.from_system("You are a careful research assistant.")
coder = AssistantAgent(name="coder", system_message="You are a senior Python engineer who writes tests.", llm_config={})
program = LLMTextCompletionProgram.from_defaults(output_cls=Album, prompt_template_str="Generate an example album about {topic}.")
`;

/** The same names defined by the repository itself: nothing a library sends. */
const OWN = `def handoff(agent, tool_description_override=None):
    return agent


class AssistantAgent:
    def __init__(self, system_message):
        self.system_message = system_message


desk = handoff(billing, tool_description_override="Hand the conversation to the billing desk.")
coder = AssistantAgent(system_message="You are a senior Python engineer who writes tests.")
`;

describe('detect: prompt arguments of library constructors tabled from their source (Python)', () => {
  it('reads few-shot prefix/suffix, assistant templates, tool and handoff descriptions, builders, system messages and program prompts', async () => {
    const f = await detectFile(LIBRARIES, 'chains.py');
    const at = (line: number): string[] => f.prompts.filter((p) => p.line === line).map((p) => p.kind);
    assert.ok(at(9).includes('instructions') && at(9).includes('user-template'), 'prefix and suffix');
    assert.deepEqual(at(10), ['few-shot']);
    assert.deepEqual(at(11), ['tool-description']);
    assert.deepEqual(at(12), ['tool-description']);
    assert.deepEqual(at(13), ['user-template']);
    assert.deepEqual(at(14), ['system']);
    assert.deepEqual(at(15), ['system']);
    assert.deepEqual(at(16), ['user-template']);
  });

  it("leaves a repository's own handoff() and AssistantAgent alone", async () => {
    const f = await detectFile(OWN, 'own.py');
    assert.ok(!f.prompts.some((p) => p.line >= 10), f.prompts.map((p) => `${p.line}:${p.kind}`).join(' '));
  });
});
