/**
 * Loaded into the measured worker with `node --expose-gc --require` (bench/worker.ts). The workflows run in
 * a worker thread of their own (the SDK's reusable V8 context), whose heap the main thread cannot see: on
 * SIGWINCH (SIGUSR2 would stop the Temporal runtime, SIGUSR1 open the inspector) every thread collects its garbage and reports its heap over a BroadcastChannel, and the main
 * thread writes them all, with the process's RSS, to the file RITO_BENCH_SONDA names.
 */
const { BroadcastChannel, isMainThread, threadId } = require('node:worker_threads');
const fs = require('node:fs');
const v8 = require('node:v8');

const canal = new BroadcastChannel('rito-bench-sonda-memoria');
canal.unref();

function medir() {
  if (typeof global.gc === 'function') global.gc();
  const h = v8.getHeapStatistics();
  // The young generation's size: it grows with the allocation rate up to its bound, whatever the number of workflows.
  const jovem = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  return { threadId, heapUsado: h.used_heap_size, heapTotal: h.total_heap_size, jovem: jovem ? jovem.space_size : 0 };
}

if (isMainThread) {
  // Every thread says hello when it starts: a measurement waits for all of them (a GC of a large heap takes seconds).
  const threads = new Set();
  let medidas = null;
  let escrever = () => {};
  canal.onmessage = (m) => {
    if (!m.data) return;
    if (m.data.tipo === 'ola') threads.add(m.data.threadId);
    if (m.data.tipo === 'medida' && medidas) {
      medidas.push(m.data.medida);
      if (medidas.length > threads.size) escrever();
    }
  };
  process.on('SIGWINCH', () => {
    medidas = [medir()];
    const arquivo = process.env.RITO_BENCH_SONDA;
    const limite = setTimeout(() => escrever(), 60_000);
    escrever = () => {
      clearTimeout(limite);
      if (arquivo) fs.writeFileSync(arquivo, JSON.stringify({ rss: process.memoryUsage().rss, threads: threads.size + 1, medidas }));
      medidas = null;
      escrever = () => {};
    };
    canal.postMessage({ tipo: 'medir' });
    if (threads.size === 0) escrever();
  });
} else {
  canal.onmessage = (m) => {
    if (m.data && m.data.tipo === 'medir') canal.postMessage({ tipo: 'medida', medida: medir() });
  };
  canal.postMessage({ tipo: 'ola', threadId });
}
