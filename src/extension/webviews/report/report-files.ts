/**
 * The files that hold the Cost report's whole reports and their rows (scan-summary.ts): one private temporary
 * folder per view host, one file per scan, only the shown report's file kept. A scan that is
 * cancelled, superseded or fails has its file deleted (its process may have written part of it);
 * the folder goes when the host is disposed. A window that was killed never disposes its host: its
 * folder is named by its process id, and the next host to make one removes the folders whose process
 * is gone. No `vscode`: unit-tested.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rowsFileFor } from '../../../node/report-rows';

export class ReportFiles {
  private folder?: string;
  private count = 0;
  private kept?: string;

  constructor(private readonly parent: string = tmpdir()) {}

  /** A fresh path for the next scan's report (the folder is made, mode 0700, on first use). */
  next(): string {
    if (!this.folder) {
      removeOrphans(this.parent);
      this.folder = mkdtempSync(join(this.parent, `${PREFIX}${process.pid}-`));
    }
    return join(this.folder, `report-${++this.count}.json`);
  }

  /** The report now shown: its file stays, the one shown before is deleted. */
  keep(file: string): void {
    if (this.kept && this.kept !== file) remove(this.kept);
    this.kept = file;
  }

  /** A scan whose report is not shown: its file, if written, is deleted. */
  discard(file: string): void {
    if (file !== this.kept) remove(file);
  }

  dispose(): void {
    if (this.folder) rmSync(this.folder, { recursive: true, force: true });
    this.folder = undefined;
    this.kept = undefined;
  }
}

const PREFIX = 'tokenomics-report-';

/** Folders of hosts whose process has exited (a killed window): their reports are nobody's. */
export function removeOrphans(parent: string): void {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^tokenomics-report-(\d+)-/.exec(name)?.[1]);
    if (!pid || pid === process.pid || alive(pid)) continue;
    try {
      rmSync(join(parent, name), { recursive: true, force: true });
    } catch {
      // Another user's folder, or one being removed: not ours to insist on.
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A report's file and the file of its view's rows (report-rows.ts) beside it. */
function remove(file: string): void {
  rmSync(file, { force: true });
  rmSync(rowsFileFor(file), { force: true });
}
