// A BullMQ worker process: REDIS_URL=redis://host:6379 [QUEUE=…] [CONCURRENCY=…] node|ts-node this file.
import { runQueueWorkerFromEnv } from './worker-process';

runQueueWorkerFromEnv();
