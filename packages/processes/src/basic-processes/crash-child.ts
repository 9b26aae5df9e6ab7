// Throws when asked for work: an uncaught exception ends the process with exit code 1.
process.once('message', () => {
  throw new Error('the child crashed while working');
});
