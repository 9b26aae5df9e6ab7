// A plain JavaScript worker (no bundle, no TypeScript): the start-up baseline of worker-startup.bench.ts.
const { parentPort } = require('node:worker_threads');

parentPort.postMessage('ready');
parentPort.on('message', (m) => parentPort.postMessage({ id: m.id, ok: true, value: m.input }));
