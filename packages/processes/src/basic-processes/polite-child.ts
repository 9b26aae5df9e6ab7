// Handles SIGTERM: finishes its clean-up, says so, and exits 0 (graceful shutdown).
process.on('SIGTERM', () => {
  process.send!('cleaned up', () => process.exit(0));
});
process.send!('ready');
setInterval(() => {}, 1_000);
