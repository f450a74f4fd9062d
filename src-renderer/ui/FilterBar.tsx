/**
 * FilterBar: a list's row of filters from a spec — each a select (`ToolbarSelect`, with an
 * optional first "all" option meaning no filter) or a search box (`ToolbarInput` taking the
 * row's spare width). Labels, "all" texts and placeholders are typed translation keys; `onChange`
 * gets the new value. An element in the list (a date range) stands in the row where it is listed;
 * what else the row holds (a button) follows as children.
 */
import { Fragment, isValidElement, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TKey } from './ColumnTable.tsx';
import type { SelectOption } from './Select.tsx';
import { ToolbarInput } from './ToolbarInput.tsx';
import { ToolbarSelect } from './ToolbarSelect.tsx';

interface FilterBase {
  readonly label: TKey;
  readonly testId: string;
  readonly value: string;
  readonly placeholder?: TKey;
  readonly disabled?: boolean;
  readonly onChange: (value: string) => void;
}

export interface SelectFilter extends FilterBase {
  readonly options: readonly SelectOption[];
  /** The first option's text, value '' (no filter). */
  readonly all?: TKey;
}

export interface SearchFilter extends FilterBase {
  readonly search: true;
  readonly maxLength?: number;
}

export type Filter = SelectFilter | SearchFilter;

export interface FilterBarProps {
  /** The filters in order; an element (a date range) stands in the row as it is. */
  readonly filters: readonly (Filter | ReactElement | false | null)[];
  readonly children?: ReactNode;
}

export function FilterBar({ filters, children }: FilterBarProps) {
  const { t } = useTranslation();
  return (
    <div className="toolbar">
      {filters.map((f, i) => {
        if (!f) return null;
        if (isValidElement(f)) return <Fragment key={i}>{f}</Fragment>;
        const placeholder = f.placeholder === undefined ? undefined : t(f.placeholder);
        return 'search' in f ? (
          <ToolbarInput
            key={f.testId}
            variant="toolbar-search"
            label={t(f.label)}
            testId={f.testId}
            type="search"
            value={f.value}
            maxLength={f.maxLength}
            placeholder={placeholder}
            disabled={f.disabled}
            onChange={f.onChange}
          />
        ) : (
          <ToolbarSelect
            key={f.testId}
            label={t(f.label)}
            testId={f.testId}
            value={f.value}
            all={f.all === undefined ? undefined : t(f.all)}
            placeholder={placeholder}
            disabled={f.disabled}
            options={f.options}
            onChange={(e) => f.onChange(e.target.value)}
          />
        );
      })}
      {children}
    </div>
  );
}
