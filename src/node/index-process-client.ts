/**
 * The host's side of a workspace folder's index process (src/node/index-process.ts): forks it on the
 * first `index()`, then sends it the documents to analyse and the files changed on disk, and settles
 * each request with its reply. The catalog is sent again only when the host's catalog object changes.
 * A cancelled analysis (a newer version of the document is coming) is cancelled in the process too, so
 * it goes on with the newer one. If the process dies, every pending request rejects with one line that
 * says so and the index counts as not built (the editor prices documents alone again, as before the
 * build). No `vscode`: the extension host, tests and benches drive it the same way.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../core/catalog/types';
import type { FileReport } from '../core/report/types';
import type { ModelMention } from '../extension/commands/repository-models';
import type { EditorIndex, IndexAnalyzeEnv } from './editor-index';
import { isIndexReply, type IndexBuildOptions, type IndexReply, type IndexRequest } from './index-process-protocol';
import { oneLine } from './scan-process-protocol';

/** The process script: next to this module, in the bundle (`dist/`) and in compiled tests (`out/src/node/`). */
export function indexProcessScript(): string | undefined {
  const path = join(__dirname, 'index-process.js');
  return existsSync(path) ? path : undefined;
}

/** An analysis given up by its caller (a newer version of the document replaced it). */
export class AnalysisCancelled extends Error {
  constructor() {
    super('the analysis was cancelled');
  }
}

/** How often a pending analysis looks at its caller's cancel flag (the flag is a plain boolean, not an event). */
const CANCEL_POLL_MS = 20;
const STDERR_KEEP = 2_000;

interface Pending {
  readonly resolve: (reply: IndexReply) => void;
  readonly reject: (err: Error) => void;
}

export class IndexProcess implements EditorIndex {
  private child?: ChildProcess;
  private building?: Promise<void>;
  private built = false;
  /** Why the process is gone, once it is. */
  private ended?: string;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  private sentCatalog?: Catalog;
  private stderr = '';
  /** How long the last analysis took inside the process (the log and the bench split the host's wait with it). */
  lastAnalysisMs?: number;

  constructor(
    readonly root: string,
    private readonly options: IndexBuildOptions,
    /** Told once when the process ends on its own (a crash, killed by the system), with why. */
    private readonly onExit?: (why: string) => void,
    private readonly script = indexProcessScript(),
  ) {}

  /** The process id while it runs (the bench samples its memory). */
  get pid(): number | undefined {
    return this.ended === undefined ? this.child?.pid : undefined;
  }

  index(): Promise<void> {
    this.building ??= this.start();
    return this.building;
  }

  isBuilt(): boolean {
    return this.built && this.ended === undefined;
  }

  async analyze(text: string, path: string, languageId: string, env: IndexAnalyzeEnv): Promise<FileReport> {
    if (!this.isBuilt()) throw new Error(`the repository index of ${this.root} is not built`);
    if (env.catalog !== this.sentCatalog) {
      this.post({ type: 'catalog', catalog: env.catalog });
      this.sentCatalog = env.catalog;
    }
    const id = this.nextId++;
    let poll: NodeJS.Timeout | undefined;
    if (env.isCancelled) {
      const isCancelled = env.isCancelled;
      poll = setInterval(() => {
        if (!isCancelled()) return;
        clearInterval(poll);
        this.post({ type: 'cancel', id });
      }, CANCEL_POLL_MS);
    }
    try {
      const reply = await this.request(id, { type: 'analyze', id, text, path, languageId, assumptions: env.assumptions });
      if (reply.type === 'report') {
        this.lastAnalysisMs = reply.ms;
        return reply.report;
      }
      if (reply.type === 'cancelled') throw new AnalysisCancelled();
      throw new Error(reply.type === 'error' ? reply.message : `unexpected reply ${reply.type}`);
    } finally {
      clearInterval(poll);
    }
  }

  async fileChanged(path: string): Promise<void> {
    if (this.isBuilt()) this.post({ type: 'changed', path });
  }

  async modelMentions(): Promise<ModelMention[]> {
    if (!this.isBuilt()) return [];
    const id = this.nextId++;
    const reply = await this.request(id, { type: 'mentions', id });
    return reply.type === 'mentions' ? [...reply.mentions] : [];
  }

  dispose(): void {
    if (this.ended === undefined) this.ended = 'disposed';
    this.failPending('the index process was stopped');
    this.child?.kill();
  }

  private start(): Promise<void> {
    if (!this.script) return Promise.reject(new Error('the index process script (index-process.js) is missing beside the extension'));
    if (this.ended !== undefined) return Promise.reject(new Error('the index process was stopped'));
    return new Promise<void>((resolve, reject) => {
      const child = fork(this.script!, [], {
        // Inside VS Code the extension host is Electron: run the child as plain Node (as language clients do).
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
        // Not the host's flags (an inspector port, heap limits meant for the extension host).
        execArgv: [],
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        serialization: 'advanced',
      });
      this.child = child;
      child.stderr?.setEncoding('utf8');
      child.stderr?.on('data', (chunk: string) => (this.stderr = (this.stderr + chunk).slice(-STDERR_KEEP)));
      child.on('message', (m: unknown) => {
        if (!isIndexReply(m)) return;
        if (m.type === 'built') {
          this.built = true;
          resolve();
        } else if (m.type === 'build-failed') {
          reject(new Error(m.message));
          child.kill();
        } else if ('id' in m && m.id !== undefined) {
          const waiting = this.pending.get(m.id);
          this.pending.delete(m.id);
          waiting?.resolve(m);
        }
      });
      child.on('error', (err) => {
        if (!child.pid) reject(new Error(`the index process could not start: ${oneLine(err)}`));
      });
      child.on('exit', (code, signal) => {
        // Node ends a crash with its version line: the error's own line says more.
        const lines = this.stderr.split('\n').map((l) => l.trim()).filter(Boolean);
        const last = [...lines].reverse().find((l) => /^\w*Error\b/.test(l)) ?? lines.at(-1);
        const why = `the index process ${signal ? `was killed (${signal})` : `exited with code ${code}`}${last ? `: ${last}` : ''}`;
        const onItsOwn = this.ended === undefined;
        this.ended ??= why;
        this.failPending(why);
        reject(new Error(why));
        if (onItsOwn) this.onExit?.(why);
      });
      this.post({ type: 'build', root: this.root, options: this.options });
    });
  }

  private request(id: number, message: IndexRequest): Promise<IndexReply> {
    return new Promise<IndexReply>((resolve, reject) => {
      if (this.ended !== undefined) return reject(new Error(this.ended));
      this.pending.set(id, { resolve, reject });
      this.post(message);
    });
  }

  private post(message: IndexRequest): void {
    if (this.ended === undefined && this.child?.connected) this.child.send(message);
  }

  private failPending(why: string): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const p of waiting) p.reject(new Error(why));
  }
}
