// Preloaded into each snippet's process: the IPC channel the course's startChild opens (and the
// orphan guard listening on it) would keep the process alive after the snippet is done. Unref it so
// the process ends when the snippet's own work ends, as `node <snippet>` would.
'use strict';
process.channel?.unref();
