/**
 * Worker thread of the build pipeline (customs-pipeline.ts): runs the jobs it is handed
 * (customs-build-job.ts) one at a time and posts each reply back.
 */
import { parentPort } from 'node:worker_threads';
import { isDomainError } from '../../core/domain-error.ts';
import { runBuildJob, type WorkerJob, type WorkerReply } from './customs-build-job.ts';

parentPort?.on('message', (job: WorkerJob) => {
  runBuildJob(job).then(
    (reply) => parentPort!.postMessage(reply),
    (e: unknown) =>
      parentPort!.postMessage({
        job: job.job,
        ok: false,
        reason: String(isDomainError(e) ? `${e.code} ${JSON.stringify(e.params)}` : ((e as Error)?.message ?? e)),
      } satisfies WorkerReply),
  );
});
