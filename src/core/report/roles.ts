/**
 * Which calls send a bill of their own. A binding (a model constructor) sends nothing; an implementation (the
 * request inside the repository's own chat-model class) runs only as part of the invokes that are priced as
 * sites. A relay (a server route forwarding the app's own SDK requests, repo/relays.ts) is the same request
 * as its senders, billed there. All are listed on their line, and none is added to a file's or a workspace's
 * monthly cost.
 */
/**
 * The role the repository gives a detected call: the request inside its own chat-model class, or a relay of the
 * app's own SDK requests (repo/relays.ts), which runs on their model and is listed as relaying them.
 */
export function repoRole<C extends { readonly id: string; readonly role?: string; readonly relays?: readonly string[] }>(
  repo: { isImplementation?(path: string, callId: string): boolean; relayOf?(path: string, callId: string): readonly { path: string; line: number }[] | undefined } | undefined,
  path: string,
  call: C,
): C {
  if (call.role || !repo) return call;
  if (repo.isImplementation?.(path, call.id)) return { ...call, role: 'implementation' };
  const senders = repo.relayOf?.(path, call.id);
  return senders?.length ? { ...call, role: 'relay', relays: senders.map((s) => `${s.path}:${s.line}`) } : call;
}

export function billedRole(role: 'request' | 'binding' | 'implementation' | 'relay' | undefined): boolean {
  return role === undefined || role === 'request';
}

/**
 * A call that adds its own line to the monthly figure: a billed role, not priced as a step of a task. The
 * report's totals, the status bar's site count and the editor's per-call budget checks all ask this, so that
 * no surface counts a site the totals leave out.
 */
export function billsOnItsOwn(call: { readonly role?: 'request' | 'binding' | 'implementation' | 'relay'; readonly stepOf?: string }): boolean {
  return !call.stepOf && billedRole(call.role);
}
