/**
 * Which calls send a bill of their own. A binding (a model constructor) sends nothing; an implementation (the
 * request inside the repository's own chat-model class) runs only as part of the invokes that are priced as
 * sites. Both are listed on their line, and neither is added to a file's or a workspace's monthly cost.
 */
export function billedRole(role: 'request' | 'binding' | 'implementation' | undefined): boolean {
  return role === undefined || role === 'request';
}
