/**
 * The shared form pieces: `FormFields` names each field and its test id from its key, shows the
 * form's value and error code there, sends a change to `useForm`'s `set` (which clears that
 * field's code), renders a select for a field with options and skips `false` entries;
 * `FormPanel` shows the sending command's error and does not submit while it is pending; given the
 * form's naming (`useForm(initial, naming)`) and its fields it draws them, and its submit row from
 * `submit`. `ListTable` shows the empty state or the table of a loaded list, nothing while it loads.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ErrorInfo } from '../../../src-main/api/contract.ts';
import { FormFields } from '../../../src-renderer/ui/FormFields.tsx';
import { FormPanel, type Sending } from '../../../src-renderer/ui/FormPanel.tsx';
import { ListTable } from '../../../src-renderer/ui/ListTable.tsx';
import { useForm } from '../../../src-renderer/ui/use-form.ts';

afterEach(cleanup);

function Demo({ sending, onSubmit }: { readonly sending: Sending; readonly onSubmit: () => void }) {
  const form = useForm({ code: 'A1', note: '' });
  return (
    <FormPanel testId="demo-form" title="Demo" sending={sending} onSubmit={onSubmit}>
      <FormFields
        form={form}
        names="demo"
        testIds="demo-form"
        label={(key) => `label ${key}`}
        fields={[
          { key: 'code', type: 'text', maxLength: 5 },
          { key: 'kind', options: [{ value: 'x', label: 'X' }], value: 'x', onChange: () => undefined },
          false,
          { key: 'note', optional: true },
        ]}
      />
      <button type="button" data-testid="refuse" onClick={() => form.refuse({ code: 'validation.required' })} />
      <button type="submit" data-testid="submit" />
    </FormPanel>
  );
}

const idle: Sending = { pending: false, error: null, clearError: () => undefined };

function NamedDemo({ sending, onCancel }: { readonly sending: Sending; readonly onCancel: () => void }) {
  const form = useForm({ code: '' }, { names: 'named', testIds: 'named-form', label: (key) => `label ${key}` });
  return (
    <FormPanel
      testId="named"
      sending={sending}
      onSubmit={() => undefined}
      form={form}
      fields={[{ key: 'code' }]}
      submit={{ testId: 'named-save', label: 'Save', pendingLabel: 'Saving', onCancel, cancelLabel: 'Cancel' }}
    />
  );
}

function Rows({ items, hideEmpty }: { readonly items: readonly string[] | undefined; readonly hideEmpty?: boolean }) {
  return (
    <ListTable
      items={items}
      empty={{ title: 'Nothing yet', body: 'Add one' }}
      hideEmpty={hideEmpty}
      data-testid="rows"
      row={(name) => ({ key: name })}
      columns={[{ head: 'stock.sku.fields.goodsName', cell: (name) => name }]}
    />
  );
}

describe('FormFields and FormPanel', () => {
  it('binds each field to the form by its key and clears a field’s code when it is edited', () => {
    render(<Demo sending={idle} onSubmit={() => undefined} />);
    const code = screen.getByTestId('demo-form-code') as HTMLInputElement;
    expect(code.value).toBe('A1');
    expect(code.id).toBe('field-demo-code');
    expect(code.maxLength).toBe(5);
    expect(screen.getByLabelText('label code')).toBe(code);
    expect(screen.getByTestId('demo-form-kind').tagName).toBe('SELECT');
    expect(screen.getAllByRole('textbox')).toHaveLength(2);

    fireEvent.click(screen.getByTestId('refuse'));
    expect(screen.getByTestId('field-error-demo-code')).toBeTruthy();
    expect(code.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(code, { target: { value: 'B2' } });
    expect(code.value).toBe('B2');
    expect(screen.queryByTestId('field-error-demo-code')).toBeNull();
  });

  it('submits unless the command is pending, and shows its error in a banner', () => {
    const onSubmit = vi.fn();
    const error: ErrorInfo = { code: 'validation.required', params: {} };
    const { rerender } = render(<Demo sending={{ ...idle, error }} onSubmit={onSubmit} />);
    expect(screen.getByTestId('error-banner').getAttribute('data-code')).toBe('validation.required');
    fireEvent.click(screen.getByTestId('submit'));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    rerender(<Demo sending={{ ...idle, pending: true }} onSubmit={onSubmit} />);
    fireEvent.click(screen.getByTestId('submit'));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('error-banner')).toBeNull();
  });

  it('names the fields from the form’s naming and draws the submit row, busy while pending', () => {
    const onCancel = vi.fn();
    const { rerender } = render(<NamedDemo sending={idle} onCancel={onCancel} />);
    const code = screen.getByTestId('named-form-code') as HTMLInputElement;
    expect(code.id).toBe('field-named-code');
    expect(screen.getByLabelText('label code')).toBe(code);
    const save = screen.getByTestId('named-save') as HTMLButtonElement;
    expect(save.textContent).toBe('Save');
    expect(save.disabled).toBe(false);
    fireEvent.click(screen.getByText('Cancel'));
    expect(onCancel).toHaveBeenCalledTimes(1);
    rerender(<NamedDemo sending={{ ...idle, pending: true }} onCancel={onCancel} />);
    expect(save.textContent).toBe('Saving');
    expect(save.disabled).toBe(true);
  });

  it('shows nothing while a list loads, its empty state once empty (unless hidden), else its table', () => {
    const { rerender } = render(<Rows items={undefined} />);
    expect(screen.queryByText('Nothing yet')).toBeNull();
    expect(screen.queryByTestId('rows')).toBeNull();
    rerender(<Rows items={[]} />);
    expect(screen.getByText('Nothing yet')).toBeTruthy();
    rerender(<Rows items={[]} hideEmpty />);
    expect(screen.queryByText('Nothing yet')).toBeNull();
    rerender(<Rows items={['a', 'b']} />);
    expect(screen.getByTestId('rows').querySelectorAll('tbody tr')).toHaveLength(2);
    expect(screen.queryByText('Nothing yet')).toBeNull();
  });
});
