/**
 * Which calls send a bill of their own. A binding (a model constructor) sends nothing; an implementation (the
 * request inside the repository's own chat-model class) runs only as part of the invokes that are priced as
 * sites. Both are listed on their line, and neither is added to a file's or a workspace's monthly cost.
 */
export function billedRole(role: 'request' | 'binding' | 'implementation' | undefined): boolean {
  return role === undefined || role === 'request';
}

/**
 * A call that adds its own line to the monthly figure: a billed role, not priced as a step of a task. The
 * report's totals, the status bar's site count and the editor's per-call budget checks all ask this, so that
 * no surface counts a site the totals leave out.
 */
export function billsOnItsOwn(call: { readonly role?: 'request' | 'binding' | 'implementation'; readonly stepOf?: string }): boolean {
  return !call.stepOf && billedRole(call.role);
}
