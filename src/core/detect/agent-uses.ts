/**
 * Uses of an agent elsewhere in the file: `agent.run("task")`, `run_sync`, `generate`, `stream` (the task is a
 * user prompt) and `agent.as_tool(tool_description=…)` (a tool description). The agent is one this file defines,
 * or a value named as an agent (`specialist_agent = AGENTS.get(kind)`) in a file that defines agents.
 */
import type { SyntaxNode } from './parser';
import { classifyCall, type CallRule } from './frameworks';
import { isCallNode } from './model-uses';
import { CONFIDENCE, type PromptReader } from './prompt-reader';
import type { CallArgs, Collected, LanguageSyntax } from './syntax';

export class AgentUses {
  constructor(
    private readonly syntax: LanguageSyntax,
    private readonly collected: Collected,
    private readonly prompts: PromptReader,
  ) {}

  /**
   * `agent.run("task")`, `agent.run_sync(…)`, `agent.generate(…)` on an agent defined in this file: the task text is a
   * user prompt. `agent.as_tool(tool_description=…)`: a tool description.
   */
  visit(node: SyntaxNode, callee: string, getArgs: () => CallArgs): void {
    const method = /\.(run|run_sync|run_stream|arun|generate|stream|invoke|ainvoke|kickoff|as_tool|asTool)$/.exec(callee)?.[1];
    if (!method) return;
    const receiver = this.syntax.receiver(node);
    if (!receiver || !(this.isAgentValue(receiver) || (this.namesAnAgent(receiver) && this.fileDefinesAgents()))) return;
    const args = getArgs();
    if (method === 'as_tool' || method === 'asTool') {
      const d = args.named.get('tool_description') ?? args.named.get('toolDescription') ?? args.named.get('description');
      if (d) this.prompts.promptsFrom(d, 'tool-description', CONFIDENCE.position, `${method} description`);
      return;
    }
    const input = args.positional[0] ?? args.named.get('prompt') ?? args.named.get('user_prompt') ?? args.named.get('input') ?? args.named.get('task');
    if (input && (input.type !== 'object' || this.syntax.language === 'python')) {
      this.prompts.promptsFrom(input, 'user-template', CONFIDENCE.position, `task of ${callee}`);
    }
  }

  private isAgentValue(node: SyntaxNode): boolean {
    const target = this.syntax.resolve(node);
    return isCallNode(target) && this.ruleOf(target)?.role === 'agent';
  }

  /** `specialist_agent = SPECIALIST_MAP.get(specialty)`, a parameter `agent`: named as an agent, made elsewhere. */
  private namesAnAgent(node: SyntaxNode): boolean {
    return /(^|_)agent$|[a-z]Agent$|^agent$/.test(this.syntax.name(node) ?? '');
  }

  private definesAgents?: boolean;

  private fileDefinesAgents(): boolean {
    return (this.definesAgents ??= this.collected.calls.some((c) => this.ruleOf(c)?.role === 'agent'));
  }

  private ruleOf(call: SyntaxNode): CallRule | undefined {
    return classifyCall(this.syntax.callee(call), {
      imports: this.collected.imports,
      language: this.syntax.language,
      argNames: () => new Set(this.syntax.args(call).named.keys()),
      firstArgIsModelString: () => false,
    });
  }
}
