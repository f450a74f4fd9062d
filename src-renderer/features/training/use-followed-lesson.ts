/**
 * The lesson the trainee follows beside every screen (issue 18 point 2): `training.lesson.status`
 * checks it read-only (no attempt recorded) after every change; `follow(n)` chooses it (null: none),
 * kept in the sandbox's progress record. In a company workspace nothing is read.
 */
import { useMutation, useQuery } from '../../app/use-query.ts';
import { EVERY_AREA } from './lesson-vocabulary.ts';

export function useFollowedLesson(inSandbox: boolean) {
  const status = useQuery('training.lesson.status', inSandbox ? {} : null, { areas: EVERY_AREA });
  const choose = useMutation('training.lesson.choose');
  const follow = async (lesson: number | null): Promise<void> => {
    // the choice is kept beside the ledger, not in it: no `ledger.changed` follows, so read again here
    const r = await choose.run({ lesson });
    if (r.ok) status.refetch();
  };
  return { status, follow, pending: choose.pending, error: choose.error, clearError: choose.clearError };
}
