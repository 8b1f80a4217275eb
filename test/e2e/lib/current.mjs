// The session the spec files drive; set by run.mjs before mocha loads them.
let current;

export function setSession(session) {
  current = session;
}

export function session() {
  if (!current) throw new Error('no e2e session: run the specs through test/e2e/run.mjs');
  return current;
}
