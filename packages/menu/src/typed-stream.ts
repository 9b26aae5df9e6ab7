import { asTyped } from '@course/runtime';

/**
 * A stream that writes lesson output with every `` `pnpm …` `` command in it as this learner types
 * it (see asTyped), so a lesson names each command once, the way the docs write it.
 */
export function typedStream(stream: { write(s: string): unknown }): { write(s: string): unknown } {
  return { write: (s: string) => stream.write(asTyped(s)) };
}
