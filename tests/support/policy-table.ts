import { expect } from 'vitest';
import { AppError } from '@/lib/errors';
import { assertCan, type Action } from '@/lib/policy/rules';
import type { MaybeViewer } from '@/lib/policy/types';

// Shared by the policy tables: rows are whitespace-separated cells, one per column.
// 'Y' allowed; 'n' not_found; 'f' forbidden; 'u' unauthenticated; '-' not applicable.
export type Cell = 'Y' | 'n' | 'f' | 'u' | '-';

export function cellsOf<C extends string>(row: string, columns: readonly C[]): Record<C, Cell> {
  const cells = row.trim().split(/\s+/);
  expect(cells, `row "${row}"`).toHaveLength(columns.length);
  return Object.fromEntries(columns.map((column, index) => [column, cells[index] as Cell])) as Record<C, Cell>;
}

/** What assertCan does, observed (not predicted): 'Y' when it returns, else the AppError code as a cell. */
export function observe<A extends Action>(viewer: MaybeViewer, action: A, resource: Parameters<typeof assertCan<A>>[2]): Cell {
  try {
    assertCan(viewer, action, resource);
    return 'Y';
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const cell = ({ not_found: 'n', forbidden: 'f', unauthenticated: 'u' } as const)[error.code as 'not_found' | 'forbidden' | 'unauthenticated'];
    if (!cell) throw error;
    return cell;
  }
}
