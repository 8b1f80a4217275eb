import * as assert from 'node:assert/strict';
import { detectFile, type DetectedCall, type DetectedFile } from '../../../src/core/detect';

const at = (f: DetectedFile, line: number): DetectedCall | undefined => f.calls.find((c) => c.line === line);
const requests = (f: DetectedFile): DetectedCall[] => f.calls.filter((c) => c.role !== 'binding' && !c.agent);

describe('detect: LangChain legacy chains and requests passed as callables', () => {
  it('a chain is not a request; running it is, on the model of its llm= (run, arun, a streaming helper, calling the chain)', async () => {
    const src = `from langchain import LLMChain, PromptTemplate
from langchain.chat_models import ChatOpenAI
from lanarky.responses import StreamingResponse

llm = ChatOpenAI(model_name="gpt-4o-mini", max_tokens=400)
prompt = PromptTemplate(template="Summarize for {reader}: {text}", input_variables=["reader", "text"])

def summarize(text):
    chain = LLMChain(llm=llm, prompt=prompt)
    return chain.run(reader="a manager", text=text)

async def summarize_async(text):
    chain = LLMChain(llm=llm, prompt=prompt)
    return await chain.arun(reader="a child", text=text)

def stream_summary(text):
    return StreamingResponse.from_chain(LLMChain(llm=llm, prompt=prompt), {"reader": "anyone", "text": text})

def summarize_called(text):
    chain = LLMChain(llm=llm, prompt=prompt)
    return chain({"reader": "a lawyer", "text": text})
`;
    const f = await detectFile(src, 'app/summaries.py');
    assert.equal(at(f, 5)?.role, 'binding');
    assert.deepEqual(
      requests(f).map((c) => [c.line, c.model]),
      [
        [10, 'gpt-4o-mini'],
        [14, 'gpt-4o-mini'],
        [17, 'gpt-4o-mini'],
        [21, 'gpt-4o-mini'],
      ],
    );
    assert.equal(at(f, 9), undefined, 'the LLMChain constructor is not a call');
    assert.ok(at(f, 10)!.promptIds.length >= 1, "the chain's prompt is linked to the request");
  });

  it('a chain over a model handed in is a request whose model the repository pass follows', async () => {
    const src = `from langchain import LLMChain

class Writer:
    def __init__(self, model):
        self.model = model

    async def write(self, topic):
        chain = LLMChain(llm=self.model, prompt=topic_prompt)
        return await chain.apredict(topic=topic)
`;
    const f = await detectFile(src, 'app/writer.py');
    const req = at(f, 9);
    assert.ok(req, 'the apredict is a request');
    assert.equal(req.model, undefined);
    // `self.model` is the constructor's parameter: its callers say which model.
    assert.deepEqual([req.modelRef?.kind, req.modelRef?.param?.function, req.modelRef?.param?.name], ['param', 'Writer.__init__', 'model']);
  });

  it('a request method handed to a function that calls it: the call that receives it is the request; a function that keeps it is not', async () => {
    const src = `from langchain import LLMChain
from langchain.agents import Tool

async def with_retries(func, *args, attempts=3, **kwargs):
    for _ in range(attempts):
        try:
            return await func(*args, **kwargs)
        except TimeoutError:
            pass

def remember(callback):
    HANDLERS.append(callback)

class Analyst:
    def __init__(self, model):
        self.model = model

    async def analyze(self, messages, functions):
        return await with_retries(self.model.apredict_messages, messages, functions=functions)

    async def plan(self, goal):
        chain = LLMChain(llm=self.model, prompt=plan_prompt)
        return await with_retries(func=chain.arun, goal=goal)

    def tools(self):
        chain = LLMChain(llm=self.model, prompt=plan_prompt)
        remember(chain.arun)
        register_handler(chain.run)
        return [Tool(name="plan", func=chain.run, description="Plans the work.")]
`;
    const f = await detectFile(src, 'app/analyst.py');
    assert.deepEqual(
      requests(f).map((c) => c.line),
      [19, 23],
      'the two handler calls; remember() only stores the callable, register_handler() and Tool() keep it for later',
    );
    assert.deepEqual([at(f, 19)!.modelRef?.param?.function, at(f, 23)!.modelRef?.param?.function], ['Analyst.__init__', 'Analyst.__init__']);
  });

  it('legacy chat-model methods on a model are requests; an unrelated run() or generate() is not', async () => {
    const src = `from transformers import AutoModelForCausalLM

class Bot:
    def __init__(self, llm, parser, runner):
        self.llm = llm
        self.parser = parser
        self.runner = runner
        self.local = AutoModelForCausalLM.from_pretrained("gpt2")

    def reply(self, messages):
        answer = self.llm.predict_messages(messages)
        self.runner.run(answer)
        self.local.generate(messages)
        return self.parser.run(answer.content)
`;
    const f = await detectFile(src, 'app/bot.py');
    assert.deepEqual(
      requests(f).map((c) => [c.line, c.modelRef?.param?.function]),
      [[11, 'Bot.__init__']],
    );
  });

  it('the model field set on the model object before the request, in the same function, is the model of that request', async () => {
    const src = `from langchain import LLMChain

class Chat:
    def __init__(self, model):
        self.model = model

    def answer(self, question):
        self.model.model_name = "gpt-4o"
        chain = LLMChain(llm=self.model, prompt=answer_prompt)
        return chain.run(question=question)

    def maybe(self, question, long):
        if long:
            self.model.model_name = "gpt-4.1"
        chain = LLMChain(llm=self.model, prompt=answer_prompt)
        return chain.run(question=question)
`;
    const f = await detectFile(src, 'app/chat.py');
    assert.deepEqual([at(f, 10)?.model, at(f, 10)?.modelOrigin?.line], ['gpt-4o', 8]);
    assert.equal(at(f, 16)?.model, undefined, 'a switch inside a branch may not run: the model stays the object’s');
    assert.equal(at(f, 16)?.modelRef?.param?.function, 'Chat.__init__');
  });
});

describe('detect: the openai module API before 1.0', () => {
  it('Embedding.create / ChatCompletion.create with engine= (Azure) or model=; an ORM class named Embedding is not a request', async () => {
    const src = `import openai
from app.models import Embedding, Completion

MODEL = "text-embedding-ada-002"

def embed(texts):
    res = openai.Embedding.create(input=texts, engine=MODEL)
    return [r["embedding"] for r in res["data"]]

def ask(question):
    return openai.ChatCompletion.create(engine="gpt-4", messages=[{"role": "user", "content": question}])

def complete(text):
    return openai.Completion.create(model="gpt-3.5-turbo-instruct", prompt="Continue the story: " + text)

def save(vector, text):
    Embedding.create(vector=vector, text=text)
    Completion.create(text=text)
`;
    const f = await detectFile(src, 'app/legacy.py');
    assert.deepEqual(
      f.calls.map((c) => [c.line, c.model, c.kind]),
      [
        [7, 'text-embedding-ada-002', 'embedding'],
        [11, 'gpt-4', undefined],
        [14, 'gpt-3.5-turbo-instruct', undefined],
      ],
    );
  });

  it('Embedding imported from openai counts', async () => {
    const f = await detectFile(`from openai import Embedding\n\ndef embed(t):\n    return Embedding.create(input=[t], model="text-embedding-3-small")\n`, 'app/e.py');
    assert.deepEqual(
      f.calls.map((c) => [c.line, c.model, c.kind]),
      [[4, 'text-embedding-3-small', 'embedding']],
    );
  });
});

describe('detect: parameter descriptions of a function-calling schema built per tool', () => {
  it('a tool dict whose description comes from elsewhere still sends the parameter descriptions written in it; a validation schema without a tool name is not a prompt', async () => {
    const src = `def tool_function(tool):
    """The function specification sent to the OpenAI API."""
    return {
        "name": tool.name,
        "description": tool.description,
        "parameters": {
            "type": "object",
            "properties": {
                "reasoning": {
                    "type": "string",
                    "description": "How the task will be done with this function, and any concern you have.",
                },
                "arg": {"type": "string", "description": tool.arg_description},
            },
        },
    }

FORM = {
    "description": form_description,
    "parameters": {"type": "object", "properties": {"email": {"type": "string", "description": "The email address of the account owner."}}},
}
`;
    const f = await detectFile(src, 'app/functions.py');
    assert.deepEqual(
      f.prompts.map((p) => [p.line, p.kind]),
      [[11, 'tool-description']],
    );
  });
});

describe('detect: the Human/Assistant turn format of legacy text completions', () => {
  it('a text with both turn markers is a prompt where it is returned or assigned; a text mentioning one is not', async () => {
    const src = `from pydantic import BaseModel

class TurnPrompt(BaseModel):
    human: str
    assistant: str

    def to_string(self) -> str:
        return (
            f"""\\n\\nHuman: {self.human}\\n\\nAssistant: {self.assistant}"""
        )

GREETING = "Human: hello there, this is the support desk speaking"
`;
    const f = await detectFile(src, 'app/turns.py');
    assert.deepEqual(
      f.prompts.map((p) => [p.line, p.kind]),
      [[9, 'user-template']],
    );
  });

  it('a retrieval chain built by its factory (RetrievalQA.from_chain_type, ConversationalRetrievalChain.from_llm by position) is a request where it runs, on its llm; a look-alike factory of another library is not', async () => {
    const src = `from langchain.chains import RetrievalQA, ConversationalRetrievalChain
from langchain_openai import ChatOpenAI
from mylib.qa import RetrievalQA as MyQA

llm = ChatOpenAI(model="gpt-4o-mini")

def answer(store, question):
    qa = RetrievalQA.from_chain_type(llm=llm, chain_type="stuff", retriever=store.as_retriever())
    return qa.invoke({"query": question})

def converse(store, question, history):
    chain = ConversationalRetrievalChain.from_llm(llm, store.as_retriever())
    return chain({"question": question, "chat_history": history})

def mine(store, question):
    qa = MyQA.from_chain_type(llm=llm, retriever=store)
    return qa.run(question)
`;
    const f = await detectFile(src, 'app/qa.py');
    assert.deepEqual(
      requests(f).map((c) => [c.line, c.model]),
      [
        [9, 'gpt-4o-mini'],
        [13, 'gpt-4o-mini'],
      ],
    );
  });
});
