import { runPbkdf2Waves } from './pbkdf2-waves';

// Runs in its own process so that UV_THREADPOOL_SIZE (read once, at the pool's first use) is ours to set.
process.once(
  'message',
  (m: { jobs: number; jobMs: number }) => void runPbkdf2Waves(m.jobs, m.jobMs).then((r) => process.send!(r)),
);
