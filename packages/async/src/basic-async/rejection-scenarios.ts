/**
 * Ways to (mis)handle a rejected promise. Each runs in a fresh child process, because since Node 15
 * an unhandled rejection crashes the process (`--unhandled-rejections=throw`, the default).
 *
 * - `unhandled`: a rejection nobody handles. The process exits with code 1.
 * - `awaited`: the same rejection awaited inside try/catch. Handled; the process lives on.
 * - `late-handler`: a handler attached one macrotask later. Too late: the check runs once the
 *   microtask queue is drained, and the process is already gone.
 * - `forgotten-promise`: `async` work started without `await`/`.catch` in a loop (the `forEach(async …)`
 *   hazard): its failure is unhandled.
 */
export function runRejectionScenario(scenario: string, send: (m: unknown) => void): void {
  const fail = () => Promise.reject(new Error(`boom (${scenario})`));
  let handled: string | undefined;
  switch (scenario) {
    case 'unhandled':
      void fail();
      break;
    case 'awaited':
      void (async () => {
        try {
          await fail();
        } catch (e) {
          handled = (e as Error).message;
        }
      })();
      break;
    case 'late-handler': {
      const p = fail();
      setTimeout(() => p.catch(() => (handled = 'late')), 10);
      break;
    }
    case 'forgotten-promise':
      [1, 2].forEach(async (n) => {
        if (n === 2) await fail();
      });
      break;
    default:
      throw new Error(
        `Unknown scenario "${scenario}": expected unhandled, awaited, late-handler or forgotten-promise`,
      );
  }
  // If the process is still alive a while later, say so (and whether the rejection was handled).
  setTimeout(() => send({ survived: true, handled }), 100);
}
