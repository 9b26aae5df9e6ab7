import { allOf, defineLesson, evidenceIf, formatMs, isMain, runLessonMain } from '@course/runtime';
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
    out.claim(
      'Output is a stream: the parent reads it while the child is still running',
      evidenceIf(
        s.beforeInput.length > 0 && s.afterInput.length > 0,
        `${s.beforeInput.length} line(s) read before the child had its input, ${s.afterInput.length} after`,
      ),
    );
    out.say(
      "A parent must keep reading: once the pipe's buffer is full, the child blocks in its next write.",
    );

    out.heading('exec vs execFile: a shell or not');
    const e = await shellVsExecFile();
    out.say(`exec('echo ' + name) printed ${JSON.stringify(e.viaShell)}`);
    out.say(`execFile('echo', [name]) printed ${JSON.stringify(e.viaExecFile)}`);
    out.claim(
      'exec hands the string to /bin/sh (pipes, globs... and injection); execFile/spawn pass arguments as they are',
      evidenceIf(
        e.viaShell !== e.viaExecFile,
        `the same name printed ${JSON.stringify(e.viaShell)} through the shell, ${JSON.stringify(e.viaExecFile)} without it`,
      ),
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
    const squaresRight = t.answers.every((a, i) =>
      a.squares.every((v, j) => v === (batches[i]?.[j] ?? Number.NaN) ** 2),
    );
    out.claim(
      'Every message is serialized and copied: the child works on copies, in its own memory, on its own event loop',
      evidenceIf(
        t.childPid !== t.parentPid && t.answers.length === batches.length && squaresRight,
        `child ${t.childPid} (not this process, ${t.parentPid}) answered all ${t.answers.length} of ${batches.length} batches with their squares`,
      ),
    );

    out.heading('A child that crashes');
    const c = await crashAndNotice();
    out.say(`The parent was told: ${c.message.split('\n')[0]}`);
    out.say(
      `  ...and the child's own words: ${c.message.split('\n').find((l) => l.startsWith('Error:')) ?? '(no stderr)'}`,
    );
    out.claim(
      'Listen for exit (or use runChild): a crash then rejects a promise instead of leaving the parent waiting forever',
      evidenceIf(
        c.exitCode !== 0 && c.message.length > 0,
        `the promise rejected with the child's exit (code ${c.exitCode}) and its stderr`,
      ),
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
      `Parent SIGKILLed; its forked child (alive before: ${o.childAliveBeforeKill}) exited ${formatMs(o.childExitedAfterMs)} later.`,
    );
    out.say(
      'It exits because it watches its IPC channel: the course preloads a guard into every child it forks that',
    );
    out.say(
      'exits when the channel closes. A plain fork() without such a listener would live on as an orphan.',
    );
    const p = await processGroupKill();
    out.say(
      `Killing only a spawned shell left its background sleep running: ${p.grandchildSurvivedLeaderKill}`,
    );
    out.say(`process.kill(-pgid) on the detached group ended it: ${p.grandchildGoneAfterGroupKill}`);
    out.claim(
      'The OS does not kill children with their parent: watch the IPC channel (fork) or kill the process group (spawn, detached)',
      allOf(
        evidenceIf(
          o.childAliveBeforeKill && Number.isFinite(o.childExitedAfterMs),
          `the guarded child exited ${formatMs(o.childExitedAfterMs)} after its parent was killed`,
        ),
        evidenceIf(
          p.grandchildSurvivedLeaderKill && p.grandchildGoneAfterGroupKill,
          `killing the shell alone left its sleep running: ${p.grandchildSurvivedLeaderKill}; killing the group ended it: ${p.grandchildGoneAfterGroupKill}`,
        ),
      ),
    );
  },
});

if (isMain(__filename)) runLessonMain(lesson);
