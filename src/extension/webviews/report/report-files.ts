/**
 * The files that hold the Cost report's whole reports (scan-summary.ts): one private temporary
 * folder per view host, one file per scan, only the shown report's file kept. A scan that is
 * cancelled, superseded or fails has its file deleted (its process may have written part of it);
 * the folder goes when the host is disposed. No `vscode`: unit-tested.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class ReportFiles {
  private folder?: string;
  private count = 0;
  private kept?: string;

  constructor(private readonly parent: string = tmpdir()) {}

  /** A fresh path for the next scan's report (the folder is made, mode 0700, on first use). */
  next(): string {
    this.folder ??= mkdtempSync(join(this.parent, 'tokenomics-report-'));
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

function remove(file: string): void {
  rmSync(file, { force: true });
}
