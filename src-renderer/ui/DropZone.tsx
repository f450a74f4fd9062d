/**
 * DropZone: the file chooser of the import screens — a large `dropzone` label around a hidden
 * file input, with the choose button's text shown in it (and read out for the input). Whatever
 * else the zone shows (a drop hint, the chosen file's name and size) is its children; the label's
 * own attributes (`data-testid`, drag-and-drop handlers) pass through, and `active` highlights
 * it while a file is dragged over it.
 */
import type { LabelHTMLAttributes, ReactNode } from 'react';

export interface DropZoneProps extends Omit<LabelHTMLAttributes<HTMLLabelElement>, 'className' | 'onChange'> {
  /** The choose button's text. */
  readonly chooseLabel: string;
  /** The file input's test id. */
  readonly inputTestId: string;
  readonly accept: string;
  readonly disabled: boolean;
  readonly onChoose: (file: File | null) => void;
  /** Clears the input after each choice, so choosing the same file again is noticed. */
  readonly clearAfterChoice?: boolean;
  readonly active?: boolean;
  readonly children?: ReactNode;
}

export function DropZone({
  chooseLabel,
  inputTestId,
  accept,
  disabled,
  onChoose,
  clearAfterChoice = false,
  active = false,
  children,
  ...label
}: DropZoneProps) {
  return (
    <label className={active ? 'dropzone dropzone-active' : 'dropzone'} {...label}>
      <input
        type="file"
        className="visually-hidden"
        aria-label={chooseLabel}
        data-testid={inputTestId}
        accept={accept}
        disabled={disabled}
        onChange={(e) => {
          onChoose(e.target.files?.[0] ?? null);
          if (clearAfterChoice) e.target.value = '';
        }}
      />
      <span className="dropzone-button" aria-hidden="true">
        {chooseLabel}
      </span>
      {children}
    </label>
  );
}
