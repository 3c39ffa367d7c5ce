// Runs dynalite in a worker thread of the local runtime's process: still in-process, but its LevelDB
// and request handling get their own core instead of sharing the event loop with the handlers.
import type { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import dynalite from 'dynalite';

const { path, port } = workerData as { path: string; port: number };
const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });

server.once('error', (error) => parentPort?.postMessage({ error: String(error) }));
server.listen(port, '127.0.0.1', () => {
  parentPort?.postMessage({ port: (server.address() as AddressInfo).port });
});
parentPort?.on('message', (message) => {
  if (message === 'close') server.close(() => parentPort?.postMessage('closed'));
});
