// A cluster worker: an HTTP server that answers with the pid that served the request. All workers
// listen on the same port; the cluster primary owns the socket and hands connections round-robin.
import { createServer } from 'node:http';

createServer((_req, res) => {
  res.setHeader('connection', 'close');
  res.end(String(process.pid));
}).listen(0, '127.0.0.1');
