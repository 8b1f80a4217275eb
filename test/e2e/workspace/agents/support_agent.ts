// Fixture for the end-to-end suite: a hand-written OpenAI tool loop with no step limit.
import OpenAI from 'openai';

const client = new OpenAI();

const SYSTEM_PROMPT = `You are a patient support agent for Acme Cloud. Answer billing and account
questions using the tools provided. Quote invoice numbers exactly, never guess a refund amount,
and hand over to a human when the customer asks for one.`;

const tools = [
  {
    type: 'function' as const,
    function: {
      name: 'lookup_invoice',
      description: 'Fetch one invoice by its number.',
      parameters: { type: 'object', properties: { number: { type: 'string' } }, required: ['number'] },
    },
  },
];

export async function answer(question: string): Promise<string> {
  const messages: any[] = [
    { role: 'system', content: SYSTEM_PROMPT },
    { role: 'user', content: question },
  ];
  while (true) {
    const response = await client.chat.completions.create({ model: 'gpt-4o', messages, tools });
    const message = response.choices[0].message;
    messages.push(message);
    if (!message.tool_calls?.length) return message.content ?? '';
    for (const call of message.tool_calls) {
      messages.push({ role: 'tool', tool_call_id: call.id, content: JSON.stringify({ status: 'paid' }) });
    }
  }
}
