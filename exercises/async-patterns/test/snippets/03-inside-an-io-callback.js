// Snippet 3: everything scheduled from inside an I/O callback (a file read finished).
const { readFile } = require('node:fs');

readFile(__filename, () => {
  setTimeout(() => console.log('A'), 0);
  setImmediate(() => console.log('B'));
  process.nextTick(() => console.log('C'));
  Promise.resolve().then(() => console.log('D'));
  console.log('E');
});
