import { doSequentially, type IoItem, type ShareReport } from './io-item';

// A child process that does its share of the I/O job one item at a time, then reports its own costs.
process.once('message', (items: IoItem[]) => {
  void doSequentially(items).then((bytes) => {
    const cpu = process.cpuUsage();
    const report: ShareReport = {
      bytes,
      cpuMs: (cpu.user + cpu.system) / 1000,
      rssBytes: process.memoryUsage().rss,
    };
    process.send!(report);
  });
});
