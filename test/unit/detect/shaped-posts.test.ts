import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

const requestsOf = async (src: string[]) => (await detectFile(src.join('\n') + '\n', 'bridge.py')).calls.filter((c) => c.role !== 'binding');

describe('detect: raw HTTP posts recognised by what they send (Python)', () => {
  it('a payload unpacked from a payload builder of the file, posted to a configured endpoint: a request', async () => {
    const calls = await requestsOf([
      'import requests',
      'from .bridge_all import model_info',
      'def generate_payload(inputs, llm_kwargs, history, system_prompt, stream):',
      '    headers = {"Authorization": f"Bearer {llm_kwargs[\'api_key\']}"}',
      '    messages = [{"role": "system", "content": system_prompt}, {"role": "user", "content": inputs}]',
      '    payload = {',
      '        "model": llm_kwargs["llm_model"],',
      '        "messages": messages,',
      '        "temperature": llm_kwargs["temperature"],',
      '        "stream": stream,',
      '    }',
      '    return headers, payload',
      'def predict_no_ui_long_connection(inputs, llm_kwargs, history=[], sys_prompt=""):',
      '    headers, payload = generate_payload(inputs, llm_kwargs, history, system_prompt=sys_prompt, stream=True)',
      '    endpoint = model_info[llm_kwargs["llm_model"]]["endpoint"]',
      '    response = requests.post(endpoint, headers=headers, json=payload, stream=True, timeout=30)',
      '    return response',
    ]);
    assert.deepEqual(calls.map((c) => [c.line, c.framework]), [[16, 'http']]);
  });

  it('a method building the payload on self, keys added by subscript: a request', async () => {
    const calls = await requestsOf([
      'import requests',
      'class Planner:',
      '    def build(self, text):',
      '        payload = {"messages": [{"role": "user", "content": []}], "max_tokens": 300}',
      '        payload["messages"][0]["content"].append({"type": "text", "text": text})',
      '        return self.headers, payload',
      '    def plan(self, text):',
      '        headers, payload = self.build(text)',
      '        return requests.post(self.gpt4v_endpoint, headers=headers, json=payload)',
    ]);
    assert.deepEqual(calls.map((c) => c.line), [9]);
  });

  it('an image payload posted to an address built by replacing the chat path: an image request on its model', async () => {
    const calls = await requestsOf([
      'import requests',
      'def gen_image(llm_kwargs, prompt, resolution="1024x1024", model="dall-e-2"):',
      '    chat_endpoint = llm_kwargs["endpoint"]',
      "    img_endpoint = chat_endpoint.replace('chat/completions', 'images/generations')",
      '    url = img_endpoint',
      "    data = {'prompt': prompt, 'n': 1, 'size': resolution, 'model': model}",
      '    return requests.post(url, json=data)',
    ]);
    assert.deepEqual(calls.map((c) => [c.line, c.kind]), [[7, 'image']]);
  });

  it('a whisper payload sent with uploaded files: a transcription', async () => {
    const calls = await requestsOf([
      'import requests',
      'def transcribe(url, path, parse_prompt):',
      '    files = {"file": open(path, "rb")}',
      '    data = {"model": "whisper-1", "prompt": parse_prompt, "response_format": "text"}',
      '    return requests.post(url, files=files, data=data).text',
    ]);
    assert.deepEqual(calls.map((c) => [c.line, c.kind, c.model]), [[5, 'transcription', 'whisper-1']]);
  });

  it('traps: webhook, search, OAuth and model-pull posts, and messages with nothing of a model beside them, are not requests', async () => {
    const calls = await requestsOf([
      'import requests, httpx, json',
      'def notify(webhook_url, text):',
      '    requests.post(webhook_url, json={"text": text, "username": "bot"})',
      'def search(url, query):',
      '    payload = {"q": query, "num": 10}',
      '    return requests.post(url, headers={}, data=json.dumps(payload))',
      'def token(url, code):',
      '    return httpx.post(url, data={"grant_type": "authorization_code", "code": code})',
      'def pull(api_base, model_name):',
      '    requests.post(f"{api_base}/api/pull", json={"name": model_name})',
      'def relay(url, messages):',
      '    requests.post(url, json={"messages": messages, "channel": "general"})',
      'def forward(url, payload):',
      '    requests.post(url, json=payload)',
    ]);
    assert.deepEqual(calls.map((c) => c.line), []);
  });

  it('a payload builder returning a dict of other keys, unpacked beside headers: not a request', async () => {
    const calls = await requestsOf([
      'import requests',
      'def build(body):',
      '    return {"Authorization": "x"}, {"body": body, "labels": ["bug"]}',
      'def comment(url, body):',
      '    headers, payload = build(body)',
      '    return requests.post(url, headers=headers, json=payload)',
    ]);
    assert.deepEqual(calls.map((c) => c.line), []);
  });
});
