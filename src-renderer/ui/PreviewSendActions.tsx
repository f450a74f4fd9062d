/**
 * PreviewSendActions: the action row of a two-step send — first a preview (a dry run: built and
 * validated, nothing stored), then the send itself, which the caller enables only while a clean
 * preview of what is on screen stands. `onRun(true)` previews, `onRun(false)` sends.
 */
import type { ReactNode } from 'react';
import { Button } from './Button.tsx';

export interface PreviewSendActionsProps {
  /** The test ids of the preview and the send buttons. */
  readonly testIds: readonly [preview: string, send: string];
  readonly previewLabel: ReactNode;
  readonly sendLabel: ReactNode;
  /** A request is under way: both buttons wait. */
  readonly busy: boolean;
  /** False while what is on screen cannot be previewed yet (unsaved edits …). */
  readonly canPreview?: boolean;
  /** True once a clean preview of what is on screen stands. */
  readonly canSend: boolean;
  readonly onRun: (dryRun: boolean) => void;
}

export function PreviewSendActions({
  testIds,
  previewLabel,
  sendLabel,
  busy,
  canPreview = true,
  canSend,
  onRun,
}: PreviewSendActionsProps) {
  return (
    <div className="form-actions">
      <Button data-testid={testIds[0]} disabled={busy || !canPreview} onClick={() => onRun(true)}>
        {previewLabel}
      </Button>
      <Button variant="primary" data-testid={testIds[1]} disabled={busy || !canSend} onClick={() => onRun(false)}>
        {sendLabel}
      </Button>
    </div>
  );
}
