// Answers each IPC request with the squares of its numbers and the pid that did the work.
process.on('message', (m: { id: number; numbers: number[] }) => {
  process.send!({ id: m.id, squares: m.numbers.map((n) => n * n), pid: process.pid });
});
process.send!('ready');
