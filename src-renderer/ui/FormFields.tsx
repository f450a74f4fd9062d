/**
 * FormFields: a form's fields from a list — each a text input (`TextField`) or, given
 * `options`, a `Select` (`SelectField`) — bound to a `useForm`: the field shows the form's
 * value and error code for its key, and a change goes to `form.set`. A field whose value lives
 * elsewhere (a typed choice) passes its own `value` and `onChange`. Entries that are `false`
 * or `null` (a field this case does not have) are skipped. Field names are `<names>-<key>` (or
 * the key), test ids `<testIds>-<key>`, unless the entry names its own; the prefixes and the
 * label function come from the form's naming (`useForm(initial, naming)`) unless given here.
 */
import type { InputHTMLAttributes } from 'react';
import type { SelectOption } from './Select.tsx';
import { SelectField } from './SelectField.tsx';
import { TextField } from './TextField.tsx';
import type { FieldNaming } from './use-form.ts';

export interface FieldSpec<K extends string> {
  readonly key: K;
  /** The label; by default `label(key)` of the list. */
  readonly label?: string;
  readonly help?: string;
  readonly optional?: boolean;
  readonly name?: string;
  readonly testId?: string;
  /** The key of the error code shown here (default: `key`). */
  readonly errorKey?: string;
  /** A select's options; without them the field is a text input. */
  readonly options?: readonly SelectOption[];
  readonly placeholder?: string;
  readonly disabled?: boolean;
  readonly className?: string;
  readonly type?: string;
  readonly inputMode?: InputHTMLAttributes<HTMLInputElement>['inputMode'];
  readonly maxLength?: number;
  /** The value when it is not one of the form's (default: `form.values[key]`). */
  readonly value?: string;
  /** What a change does (default: `form.set(key, value)`). */
  readonly onChange?: (value: string) => void;
}

/** What the fields need of the form (a `useForm` result). */
export interface FieldsForm<K extends string = string> {
  readonly values: Readonly<Record<string, string>>;
  // Methods (not function-typed properties), so a form over a narrower key union fits.
  set(key: string, value: string): void;
  of(key: string): string | null;
  readonly naming?: FieldNaming<K>;
}

export interface FormFieldsProps<K extends string> extends Partial<FieldNaming<K>> {
  readonly form: FieldsForm;
  readonly fields: readonly (FieldSpec<K> | false | null)[];
}

export function FormFields<K extends string>({ form, fields, ...own }: FormFieldsProps<K>) {
  const { names, testIds = '', label } = { ...form.naming, ...own };
  return (
    <>
      {fields.map((spec) => {
        if (!spec) return null;
        const { key, errorKey = key, options, value = form.values[key] ?? '', onChange, ...rest } = spec;
        const common = {
          ...rest,
          label: spec.label ?? label?.(key) ?? key,
          name: spec.name ?? (names === undefined ? key : `${names}-${key}`),
          testId: spec.testId ?? `${testIds}-${key}`,
          errorCode: form.of(errorKey),
          value,
          onChange: onChange ?? ((v: string) => form.set(key, v)),
        };
        return options ? <SelectField key={key} {...common} options={options} /> : <TextField key={key} {...common} />;
      })}
    </>
  );
}
