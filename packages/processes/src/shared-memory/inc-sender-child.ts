// Sends `n` increment messages to the parent, which owns the counter (no shared state, no lock).
process.once('message', (n: number) => {
  for (let i = 0; i < n; i++) process.send!('inc');
  process.send!('done');
});
