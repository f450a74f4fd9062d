/**
 * `ColumnTable` draws a table from its columns: a header per column (its translation key,
 * visually hidden for an actions column, `num` for numbers), each row's `<tr>` from `row` (key,
 * test id, `data-*`), each cell styled as its column says (`num`, `mono`, `translate="no"` for
 * text from outside the app, a row header, the row's own attributes) and what `below` adds under
 * a row. `ListTable` shows a one-line empty note with its test id. `FilterBar` draws selects and
 * a search box from their spec and sends the new value.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ColumnTable } from '../../../src-renderer/ui/ColumnTable.tsx';
import { FilterBar } from '../../../src-renderer/ui/FilterBar.tsx';
import { ListTable } from '../../../src-renderer/ui/ListTable.tsx';

afterEach(cleanup);

interface Line {
  readonly id: number;
  readonly code: string;
  readonly qty: number;
}

const LINES: readonly Line[] = [
  { id: 1, code: 'A-1', qty: 3 },
  { id: 2, code: 'B-2', qty: 0 },
];

describe('ColumnTable', () => {
  it('draws headers, rows and cells from the column list', () => {
    render(
      <ColumnTable
        data-testid="lines"
        rows={LINES}
        row={(l) => ({ key: l.id, 'data-testid': `line-${l.id}`, 'data-qty': l.qty })}
        below={(l) => (l.qty === 0 ? <tr data-testid={`below-${l.id}`} /> : null)}
        columns={[
          { head: 'stock.columns.sku', rowHead: true, cell: (l) => l.code },
          { head: 'stock.sku.fields.itemNo', mono: true, code: true, cell: (l) => l.code },
          {
            head: 'stock.columns.quantity',
            num: true,
            td: (l) => ({ className: l.qty === 0 ? 'muted' : undefined, 'data-testid': `qty-${l.id}` }),
            cell: (l, i) => `${l.qty}#${i}`,
          },
          false,
          { head: 'stock.actions.actions', hiddenHead: true, cell: () => 'edit' },
        ]}
      />,
    );
    const heads = [...screen.getByTestId('lines').querySelectorAll('thead th')];
    expect(heads.map((h) => h.textContent)).toEqual([
      'stock.columns.sku',
      'stock.sku.fields.itemNo',
      'stock.columns.quantity',
      'stock.actions.actions',
    ]);
    expect(heads[2]?.className).toBe('num');
    expect(heads[3]?.querySelector('.visually-hidden')).toBeTruthy();

    const row = screen.getByTestId('line-2');
    expect(row.getAttribute('data-qty')).toBe('0');
    const cells = [...row.children];
    expect(cells[0]?.tagName).toBe('TH');
    expect(cells[0]?.getAttribute('scope')).toBe('row');
    expect(cells[1]?.className).toBe('mono');
    expect(cells[1]?.getAttribute('translate')).toBe('no');
    expect(screen.getByTestId('qty-2').className).toBe('num muted');
    expect(screen.getByTestId('qty-1').className).toBe('num');
    expect(screen.getByTestId('qty-2').textContent).toBe('0#1');
    expect(screen.getByTestId('below-2')).toBeTruthy();
    expect(screen.queryByTestId('below-1')).toBeNull();
  });

  it('shows a list’s empty note with its test id', () => {
    render(
      <ListTable
        items={[]}
        empty={{ note: 'No lines', testId: 'lines-empty' }}
        row={(l: Line) => ({ key: l.id })}
        columns={[{ head: 'stock.columns.sku', cell: (l) => l.code }]}
      />,
    );
    expect(screen.getByTestId('lines-empty').textContent).toBe('No lines');
  });
});

describe('FilterBar', () => {
  it('draws a select (with its "all" option) and a search box, and sends the new values', () => {
    const onType = vi.fn();
    const onQ = vi.fn();
    render(
      <FilterBar
        filters={[
          {
            label: 'customsDesk.documents.type',
            testId: 'f-type',
            value: '',
            all: 'customsDesk.documents.allTypes',
            options: [{ value: 'order', label: 'Order' }],
            onChange: onType,
          },
          null,
          {
            search: true,
            label: 'customsDesk.documents.search',
            testId: 'f-q',
            value: '',
            maxLength: 9,
            onChange: onQ,
          },
        ]}
      />,
    );
    const select = screen.getByTestId('f-type') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['', 'order']);
    fireEvent.change(select, { target: { value: 'order' } });
    expect(onType).toHaveBeenCalledWith('order');
    const q = screen.getByTestId('f-q') as HTMLInputElement;
    expect(q.type).toBe('search');
    expect(q.maxLength).toBe(9);
    fireEvent.change(q, { target: { value: 'x' } });
    expect(onQ).toHaveBeenCalledWith('x');
  });
});
