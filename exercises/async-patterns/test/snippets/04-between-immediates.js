// Snippet 4: two setImmediate callbacks; the first one queues a nextTick and a promise callback.
setImmediate(() => {
  console.log('A');
  process.nextTick(() => console.log('B'));
  Promise.resolve().then(() => console.log('C'));
});
setImmediate(() => console.log('D'));
