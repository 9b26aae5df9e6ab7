// Snippet 1: the script itself, then the queues it filled.
setTimeout(() => console.log('A'), 0);
Promise.resolve().then(() => console.log('B'));
console.log('C');
process.nextTick(() => console.log('D'));
queueMicrotask(() => console.log('E'));
console.log('F');
