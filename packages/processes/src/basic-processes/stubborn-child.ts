// Ignores SIGTERM (a stuck handler, a busy loop...): only SIGKILL ends it.
process.on('SIGTERM', () => process.send!('ignoring SIGTERM'));
process.send!('ready');
setInterval(() => {}, 1_000);
