// Snippet 2: a nextTick queued from inside a promise callback, and a promise chain.
Promise.resolve()
  .then(() => {
    console.log('A');
    process.nextTick(() => console.log('B'));
  })
  .then(() => console.log('C'));
Promise.resolve().then(() => console.log('D'));
process.nextTick(() => console.log('E'));
