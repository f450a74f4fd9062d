/**
 * One click between the company workspace and a training sandbox (issue 18): the host shows the
 * other workspace (`training.workspace.switch`) and the whole page loads again, so no answer, form
 * or selection of the workspace left behind survives into the one shown.
 */
import { useMutation } from '../../app/use-query.ts';

export function useWorkspaceSwitch() {
  const m = useMutation('training.workspace.switch');
  const switchTo = async (to: 'company' | 'sandbox', name?: string): Promise<void> => {
    const r = await m.run(name === undefined ? { to } : { to, name });
    if (r.ok) window.location.reload();
  };
  return { switchTo, pending: m.pending, error: m.error, clearError: m.clearError };
}
