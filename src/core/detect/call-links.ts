/**
 * Linking calls to what they send and use: the prompts written inside a call or reachable through its
 * arguments (two levels of names), and a chat model constructed here and handed to an agent (the agent
 * prices it; the constructor is then a step of that agent, not a call of its own).
 */
import type { SyntaxNode } from './parser';
import type { CallRule } from './frameworks';
import type { Mutable, SiteRegistry } from './sites';
import { contains, type CallArgs, type LanguageSyntax } from './syntax';
import type { DetectedCall } from './types';

export interface CallInfo {
  readonly node: SyntaxNode;
  readonly rule: CallRule;
  readonly call: Mutable<DetectedCall>;
  readonly args: CallArgs;
}

export class CallLinker {
  constructor(
    private readonly syntax: LanguageSyntax,
    private readonly sites: SiteRegistry,
    private readonly calls: readonly CallInfo[],
  ) {}

  link(): void {
    this.linkPrompts();
    this.linkModelConstructors();
  }

  /** A call sends the prompts written inside it and those its arguments refer to (two levels of names). */
  private linkPrompts(): void {
    for (const info of this.calls) {
      const ranges = this.relevantNodes(info.node);
      const ids = new Set(info.call.promptIds);
      for (const n of ranges) for (const id of this.sites.promptsWithin(n.startIndex, n.endIndex)) ids.add(id);
      info.call.promptIds = [...ids];
    }
  }

  private readonly relevant = new Map<number, SyntaxNode[]>();

  private relevantNodes(call: SyntaxNode): SyntaxNode[] {
    let cached = this.relevant.get(call.id);
    if (!cached) {
      cached = this.computeRelevantNodes(call);
      this.relevant.set(call.id, cached);
    }
    return cached;
  }

  private computeRelevantNodes(call: SyntaxNode): SyntaxNode[] {
    const out: SyntaxNode[] = [call];
    const seen = new Set<number>([call.id]);
    let frontier: SyntaxNode[] = [call];
    for (let level = 0; level < 2 && frontier.length; level++) {
      const next: SyntaxNode[] = [];
      for (const n of frontier) {
        for (const id of n.descendantsOfType(['identifier', 'shorthand_property_identifier'])) {
          if (!id) continue;
          const target = this.syntax.resolve(id);
          if (target.id === id.id || seen.has(target.id)) continue;
          if (contains(target, call)) continue;
          seen.add(target.id);
          out.push(target);
          next.push(target);
          if (out.length > 60) return out;
        }
      }
      frontier = next;
    }
    return out;
  }

  /** `llm = ChatOpenAI(…)` passed to `create_react_agent(llm, …)`: the agent prices it; the constructor is not a call of its own. */
  private linkModelConstructors(): void {
    const agents = this.calls.filter((c) => c.call.agent);
    for (const m of this.calls) {
      if (m.rule.role !== 'model') continue;
      for (const a of agents) {
        if (a === m) continue;
        const nodes = this.relevantNodes(a.node);
        if (nodes.some((n) => contains(n, m.node))) {
          m.call.usedBy = a.call.id;
          if (!a.call.model && m.call.model) {
            a.call.model = m.call.model;
            a.call.providerHint = m.call.providerHint;
          }
          break;
        }
      }
    }
  }
}
