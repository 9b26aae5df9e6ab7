// A plain JavaScript worker speaking the pool's protocol: the baselines (raw round trip, .js start-up).
const { parentPort } = require('node:worker_threads');

parentPort.postMessage('ready');
parentPort.on('message', (m) => parentPort.postMessage({ id: m.id, ok: true, value: m.input }));
