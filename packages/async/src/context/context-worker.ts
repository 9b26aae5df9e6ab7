import { AsyncLocalStorage } from 'node:async_hooks';
import { parentPort } from 'node:worker_threads';
import { contextAtWorkerStart, serveWithContext } from './into-a-worker';

// A worker is a fresh isolate: no store of the parent's exists here. It reports that, then serves
// requests whose id travels inside the message and is re-entered with its own AsyncLocalStorage.
serveWithContext(parentPort!, new AsyncLocalStorage<string>(), contextAtWorkerStart());
