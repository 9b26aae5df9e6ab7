import { mulberry32 } from '@course/runtime/random';

/**
 * The explorer's schedulers: who takes the next step, among the threads that can. A choice is a
 * participant index, or `timeout(p)`: participant p's timed wait ends by timing out (offered only
 * when no thread can run otherwise, see explore.ts).
 */

export type Choice = number;
const TIMEOUT = 64;
export const timeoutChoice = (p: number): Choice => p | TIMEOUT;
export const isTimeout = (c: Choice): boolean => (c & TIMEOUT) !== 0;
export const participantOf = (c: Choice): number => c & ~TIMEOUT;

/** One schedule's decisions. */
export interface ScheduleChooser {
  /** Pick one of `options` (never empty) for step `step` (0-based); `last` took the previous step. */
  choose(options: readonly Choice[], step: number, last: number | undefined): Choice;
}

/** Hands out one chooser per schedule; `undefined` when it has nothing left to try. */
export interface Strategy {
  readonly name: string;
  next(schedule: number): ScheduleChooser | undefined;
  /** Told after each schedule how many steps it took (PCT sizes its change points by it). */
  finished(steps: readonly Choice[]): void;
}

/** A per-schedule seed from the exploration's seed: schedule k of seed s is the same everywhere. */
function scheduleSeed(seed: number, schedule: number): number {
  return (Math.imul(seed, 0x9e3779b1) ^ Math.imul(schedule + 1, 0x85ebca6b)) >>> 0;
}

/** Uniform random: every step, any runnable thread with equal chance. */
export function randomStrategy(seed: number): Strategy {
  return {
    name: 'random',
    next(schedule) {
      const random = mulberry32(scheduleSeed(seed, schedule));
      return { choose: (options) => options[Math.floor(random() * options.length)] as Choice };
    },
    finished() {},
  };
}

/**
 * PCT (Burckhardt, Kothari, Musuvathi, Nagarakatte: "A Randomized Scheduler with Probabilistic
 * Guarantees of Finding Bugs", ASPLOS 2010). Each thread gets a random distinct priority; the
 * highest-priority runnable thread always runs; at `depth - 1` random steps the running thread drops
 * below all others. A bug that needs `depth` ordering constraints among n threads and k steps is found
 * by one schedule with probability at least 1 / (n · k^(depth-1)). k is the longest schedule seen so
 * far (as Shuttle and Coyote do), starting from `initialSteps`.
 */
export function pctStrategy(seed: number, participants: number, depth = 3, initialSteps = 50): Strategy {
  let maxSteps = initialSteps;
  return {
    name: `pct(depth ${depth})`,
    next(schedule) {
      const random = mulberry32(scheduleSeed(seed, schedule));
      const order = Array.from({ length: participants }, (_, i) => i);
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j] as number, order[i] as number];
      }
      const priority = new Array<number>(participants);
      order.forEach((p, rank) => {
        priority[p] = depth + rank;
      });
      const changes = new Map<number, number>(); // step -> the priority the running thread drops to
      for (let d = depth - 1; d >= 1 && changes.size < maxSteps; d--) {
        let at: number;
        do at = Math.floor(random() * maxSteps);
        while (changes.has(at));
        changes.set(at, d);
      }
      const best = (options: readonly Choice[]) =>
        options.reduce((a, b) =>
          (priority[participantOf(b)] as number) > (priority[participantOf(a)] as number) ? b : a,
        );
      return {
        choose(options, step) {
          const drop = changes.get(step);
          if (drop !== undefined) priority[participantOf(best(options))] = drop;
          return best(options);
        },
      };
    },
    finished(steps) {
      maxSteps = Math.max(maxSteps, steps.length);
    },
  };
}

/**
 * Bounded exhaustive search (depth-first, stateless, as CHESS does): every schedule with at most
 * `preemptions` pre-emptions (switching away from a thread that could have gone on), each once.
 * Relies on a run being a deterministic function of its choices, which the explorer guarantees.
 */
export function dfsStrategy(preemptions = 2): Strategy {
  // For each step of the current schedule: the options in the order tried, and which one is next.
  const stack: { options: Choice[]; pick: number }[] = [];
  let started = false;
  return {
    name: `dfs(≤ ${preemptions} pre-emptions)`,
    next() {
      if (started) {
        // Backtrack: the deepest step that still has an option not tried.
        let top = stack[stack.length - 1];
        while (top && top.pick + 1 >= top.options.length) {
          stack.pop();
          top = stack[stack.length - 1];
        }
        if (!top) return undefined;
        top.pick++;
      }
      started = true;
      let used = 0;
      return {
        choose(options, step, last) {
          const lastCanGo = last !== undefined && options.includes(last);
          let frame = stack[step];
          if (!frame) {
            // The thread that just ran goes on first (no pre-emption), then the others.
            const ordered = lastCanGo ? [last, ...options.filter((o) => o !== last)] : [...options];
            frame = { options: lastCanGo && used >= preemptions ? [last] : ordered, pick: 0 };
            stack.push(frame);
          }
          const choice = frame.options[frame.pick];
          if (choice === undefined || !options.includes(choice)) {
            throw new Error(
              'explorer: a replayed prefix took a different path: the run is not deterministic',
            );
          }
          if (lastCanGo && choice !== last) used++;
          return choice;
        },
      };
    },
    finished(steps) {
      stack.length = Math.min(stack.length, steps.length);
    },
  };
}

/** Exactly one schedule: the choices of a failing run, from its replay string. */
export function replayStrategy(choices: readonly Choice[]): Strategy {
  let done = false;
  return {
    name: 'replay',
    next() {
      if (done) return undefined;
      done = true;
      return {
        choose(options, step) {
          const choice = choices[step];
          if (choice === undefined || !options.includes(choice)) {
            throw new Error(
              `explorer: the replayed schedule does not fit this run at step ${step + 1} ` +
                `(it wants ${choice === undefined ? 'nothing more' : describeChoice(choice)}, the runnable ones are ${options.map(describeChoice).join(', ')}): ` +
                'the code or the test changed since the schedule was printed',
            );
          }
          return choice;
        },
      };
    },
    finished() {},
  };
}

function describeChoice(c: Choice): string {
  return `${isTimeout(c) ? 'time-out of ' : ''}thread ${participantOf(c)}`;
}

/**
 * The compact replay string of a schedule: one letter per step (a = participant 0; upper case = its
 * timed wait times out), runs of one letter as letter + count: `a3b2Ab` is a a a b b (time-out a) b.
 */
export function encodeSchedule(choices: readonly Choice[]): string {
  let out = '';
  for (let i = 0; i < choices.length; ) {
    const c = choices[i] as Choice;
    let run = 1;
    while (choices[i + run] === c) run++;
    const p = participantOf(c);
    const letter = String.fromCharCode((isTimeout(c) ? 65 : 97) + p);
    out += run > 1 ? `${letter}${run}` : letter;
    i += run;
  }
  return out;
}

/** The choices of a replay string (see encodeSchedule); throws naming the bad character. */
export function decodeSchedule(text: string): Choice[] {
  const choices: Choice[] = [];
  const re = /([a-pA-P])(\d*)/y;
  let at = 0;
  while (at < text.length) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m)
      throw new Error(
        `COURSE_SCHEDULE: unexpected "${text[at]}" at position ${at + 1} of "${text}" (expected a letter a-p or A-P, optionally followed by a count)`,
      );
    const letter = m[1] as string;
    const upper = letter <= 'Z';
    const p = letter.toLowerCase().charCodeAt(0) - 97;
    const count = m[2] ? Number(m[2]) : 1;
    for (let i = 0; i < count; i++) choices.push(upper ? timeoutChoice(p) : p);
    at = re.lastIndex;
  }
  return choices;
}
