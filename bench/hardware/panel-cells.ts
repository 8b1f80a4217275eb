/**
 * The Compare panel's self-hosted cells that issue 16 asks to check against public
 * measurements: gpt-oss-120b, Qwen3-30B-A3B and Llama 3.3 70B on one H100, two H100s and an
 * Apple M-series machine. Pure functions: which rows of bench/hardware/measurements.json
 * measure a cell (same architecture, same hardware class and count), the model's error on
 * each (the same `errorRows` the validation tables use), and whether the cell comes out
 * within the validation error of each row's category.
 */
import { findAccelerator } from '../../src/core/hardware';
import type { Category, DataSet, ErrorRow, Summary } from './calibrate';

export type PanelHardware = '1 × H100' | '2 × H100' | 'Apple M-series';

export interface PanelCell {
  readonly model: string;
  /** Catalog ids whose rows measure this model: the same architecture under another name. */
  readonly sameArchitecture: readonly string[];
  readonly hardware: PanelHardware;
}

const FAMILIES: readonly { model: string; sameArchitecture: readonly string[] }[] = [
  { model: 'gpt-oss-120b', sameArchitecture: ['gpt-oss-120b'] },
  // Qwen3-Coder-30B-A3B has Qwen3-30B-A3B's config (48 layers, 128 experts, 8 per token).
  { model: 'qwen3-30b-a3b', sameArchitecture: ['qwen3-30b-a3b', 'qwen3-coder-30b-a3b'] },
  // Llama 3 / 3.1 / 3.3 70B share one architecture; the data records Llama 3 70B rows as llama-3.1-70b.
  { model: 'llama-3.3-70b', sameArchitecture: ['llama-3.3-70b', 'llama-3.1-70b'] },
];

const HARDWARE: readonly PanelHardware[] = ['1 × H100', '2 × H100', 'Apple M-series'];

export const PANEL_CELLS: readonly PanelCell[] = FAMILIES.flatMap((f) => HARDWARE.map((hardware) => ({ ...f, hardware })));

/** H100 SXM and PCIe both count as "an H100"; the count must match the cell. */
export function hardwareMatches(cell: PanelHardware, acceleratorId: string, count: number): boolean {
  if (cell === 'Apple M-series') return findAccelerator(acceleratorId)?.kind === 'apple';
  const h100 = acceleratorId === 'h100-sxm' || acceleratorId === 'h100-pcie';
  return h100 && count === (cell === '1 × H100' ? 1 : 2);
}

export interface CellRow {
  readonly row: ErrorRow;
  /** The validation p90 of the row's category in this run: the error the cell must stay within. */
  readonly bound: number;
  readonly within: boolean;
}

export interface CellCoverage {
  readonly cell: PanelCell;
  readonly rows: readonly CellRow[];
  /** Rows from sources the fit never saw. */
  readonly validationRows: number;
  /** Every validation row within its category's validation p90 (false when there is none). */
  readonly withinValidationError: boolean;
}

export function validationP90(summaries: readonly Summary[]): Record<Category, number> {
  const p90 = {} as Record<Category, number>;
  for (const s of summaries) if (s.set === 'validation' && s.group === 'all') p90[s.category] = s.p90;
  return p90;
}

/** The public measurements of each panel cell, with the model's error on each. */
export function panelCoverage(rows: readonly ErrorRow[], summaries: readonly Summary[]): CellCoverage[] {
  const p90 = validationP90(summaries);
  return PANEL_CELLS.map((cell) => {
    const matched: CellRow[] = rows
      .filter((r) => r.ape !== undefined && cell.sameArchitecture.includes(r.m.model) && hardwareMatches(cell.hardware, r.m.accelerator, r.m.accelerators))
      .map((row) => ({ row, bound: p90[row.m.category], within: (row.ape as number) <= p90[row.m.category] }));
    const validation = matched.filter((c) => c.row.set === ('validation' satisfies DataSet));
    return {
      cell,
      rows: matched,
      validationRows: validation.length,
      withinValidationError: validation.length > 0 && validation.every((c) => c.within),
    };
  });
}
