/**
 * Issue 15, point 1: later sales from the overseas warehouse carry no customs mode; a quantity-FIFO
 * allocation (independent of the costing method) links each sale to the declaration line its goods
 * left under — the 9810 sold / unsold split. Hand-worked: BN1 (Mar 5) 100 MUG, BN2 (Apr 2) 50 MUG;
 * sales 60 (Mar 20), 70 (Apr 10), 30 (Apr 20) → 60 from BN1; 40 BN1 + 30 BN2; 20 BN2 + 10 undeclared.
 */
import { describe, expect, it } from 'vitest';
import { linkSalesToDeclarations } from '../../../../src-main/core/customs/index.ts';

describe('sale → declaration line, quantity FIFO (point 1)', () => {
  it('links each sale to the lines its goods left under and splits sold / unsold', () => {
    const r = linkSalesToDeclarations(
      [
        { key: 'BN2#1', warehouse: 'US1', sku: 'MUG', date: '2026-04-02', quantity: 50 },
        { key: 'BN1#1', warehouse: 'US1', sku: 'MUG', date: '2026-03-05', quantity: 100 },
        { key: 'BN1#2', warehouse: 'US1', sku: 'CUP', date: '2026-03-05', quantity: 10 },
      ],
      [
        { key: 'S1', warehouse: 'US1', sku: 'MUG', date: '2026-03-20', quantity: 60 },
        { key: 'S2', warehouse: 'US1', sku: 'MUG', date: '2026-04-10', quantity: 70 },
        { key: 'S3', warehouse: 'US1', sku: 'MUG', date: '2026-04-20', quantity: 30 },
        { key: 'S4', warehouse: 'DE1', sku: 'CUP', date: '2026-04-20', quantity: 1 },
      ],
    );
    expect(r.links).toEqual([
      { sale: 'S1', line: 'BN1#1', quantity: 60 },
      { sale: 'S2', line: 'BN1#1', quantity: 40 },
      { sale: 'S2', line: 'BN2#1', quantity: 30 },
      { sale: 'S3', line: 'BN2#1', quantity: 20 },
    ]);
    expect(r.lines).toEqual([
      { line: 'BN1#1', declared: 100, sold: 100, unsold: 0 },
      { line: 'BN1#2', declared: 10, sold: 0, unsold: 10 },
      { line: 'BN2#1', declared: 50, sold: 50, unsold: 0 },
    ]);
    expect(r.undeclared).toEqual([
      { sale: 'S3', quantity: 10 },
      { sale: 'S4', quantity: 1 },
    ]);
  });

  it('a sale before the goods were declared does not take them', () => {
    const r = linkSalesToDeclarations(
      [{ key: 'BN1#1', warehouse: 'US1', sku: 'MUG', date: '2026-03-05', quantity: 5 }],
      [{ key: 'S0', warehouse: 'US1', sku: 'MUG', date: '2026-03-01', quantity: 2 }],
    );
    expect([r.links, r.undeclared]).toEqual([[], [{ sale: 'S0', quantity: 2 }]]);
  });
});
