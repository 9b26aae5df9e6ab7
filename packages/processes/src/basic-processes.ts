import { defineLesson, formatMs, isMain, runLessonMain } from '@course/runtime';
import { crashAndNotice, forkAndTalk } from './basic-processes/fork-ipc';
import { gracefulShutdown } from './basic-processes/graceful-shutdown';
import { parentKilledChildFollows, processGroupKill } from './basic-processes/orphans';
import { exitCodesAndSignals, shellVsExecFile, spawnAndStream } from './basic-processes/shell-commands';

export const lesson = defineLesson({
  id: 'processes/basic-processes',
  title: 'Basic processes: spawn, exec, fork and IPC',
  summary:
    'Start child processes, stream their output, talk over IPC, notice crashes, shut down cleanly, leave no orphans.',
  concepts: [
    'child_process.spawn',
    'exec vs execFile',
    'fork + IPC',
    'exit codes and signals',
    'graceful shutdown',
    'process groups',
  ],
  docs: 'docs/concepts/node-model.md',
  run: async ({ quick, out }) => {
    out.heading('spawn: any program, with pipes, streamed while it runs');
    const s = await spawnAndStream();
    out.say(`Before we wrote to its stdin we had already read: ${JSON.stringify(s.beforeInput)}`);
    out.say(
      `After it read our "hello": ${JSON.stringify(s.afterInput)}; stderr: ${JSON.stringify(s.stderr.trim())}; exit code ${s.code}`,
    );
    out.takeaway(
      'Output is a stream: a parent reads it (and must read it, or a full 64 KiB pipe blocks the child) while the child runs.',
    );

    out.heading('exec vs execFile: a shell or not');
    const e = await shellVsExecFile();
    out.say(`exec('echo ' + name) printed ${JSON.stringify(e.viaShell)}`);
    out.say(`execFile('echo', [name]) printed ${JSON.stringify(e.viaExecFile)}`);
    out.takeaway(
      'exec hands the string to /bin/sh (pipes, globs... and injection); execFile/spawn pass arguments as they are.',
    );

    out.heading('How a child ended: exit codes and signals');
    const x = await exitCodesAndSignals();
    out.say(`sh -c 'exit 7'           -> code ${x.normal.code}, signal ${x.normal.signal}`);
    out.say(`sleep 30, sent SIGKILL    -> code ${x.killed.code}, signal ${x.killed.signal}`);
    out.say(
      `execFile with timeout 200 -> killed ${x.timedOut.killed} by ${x.timedOut.signal} after ${formatMs(x.timedOut.ms)}`,
    );
    out.say(`a program that is missing -> 'error' event with code ${x.missing.code}, no exit code at all`);

    out.heading('fork: a Node child with an IPC channel');
    const batches = quick
      ? [
          [1, 2, 3],
          [4, 5],
        ]
      : [[1, 2, 3], [4, 5], [6, 7, 8, 9], [10]];
    const t = await forkAndTalk(batches);
    out.say(
      `Parent ${t.parentPid} sent ${batches.length} batches to child ${t.childPid}; answers: ${JSON.stringify(t.answers.map((a) => a.squares))}`,
    );
    out.takeaway(
      'Every message is serialized and copied: the child works on copies, in its own memory, on its own event loop.',
    );

    out.heading('A child that crashes');
    const c = await crashAndNotice();
    out.say(`The parent was told: ${c.message.split('\n')[0]}`);
    out.say(
      `  ...and the child's own words: ${c.message.split('\n').find((l) => l.startsWith('Error:')) ?? '(no stderr)'}`,
    );
    out.takeaway(
      'Listen for exit (or use runChild): a crash then rejects a promise instead of leaving the parent waiting forever.',
    );

    out.heading('Graceful shutdown: SIGTERM, then SIGKILL after a deadline');
    const g = await gracefulShutdown(300);
    out.say(`polite child: cleaned up = ${g.polite.cleanedUp}, exit code ${g.polite.status.code}`);
    out.say(
      `stubborn child: saw SIGTERM = ${g.stubborn.sawSigterm}, ended by ${g.stubborn.status.signal} after ${formatMs(g.stubborn.tookMs)} (grace ${g.stubborn.graceMs} ms)`,
    );

    out.heading('No orphans');
    const o = await parentKilledChildFollows();
    out.say(
      `Parent SIGKILLed; its forked child (alive before: ${o.childAliveBeforeKill}) exited ${formatMs(o.childExitedAfterMs)} later, because it watches its IPC channel.`,
    );
    const p = await processGroupKill();
    out.say(
      `Killing only a spawned shell left its background sleep running: ${p.grandchildSurvivedLeaderKill}`,
    );
    out.say(`process.kill(-pgid) on the detached group ended it: ${p.grandchildGoneAfterGroupKill}`);
    out.takeaway(
      'The OS does not kill children with their parent: watch the IPC channel (fork) or kill the process group (spawn, detached).',
    );
  },
});

if (isMain(__filename)) runLessonMain(lesson);
