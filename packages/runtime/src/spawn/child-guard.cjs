// Preloaded (--require) into every child started by startChild.
// Hazard it closes: a forked child whose parent died (SIGKILL, crash) keeps running as an orphan.
// The IPC channel closes when the parent goes, whatever killed it; the child then exits too.
'use strict';
if (typeof process.send === 'function') {
  process.once('disconnect', () => {
    process.exit(process.exitCode ?? 0);
  });
}
