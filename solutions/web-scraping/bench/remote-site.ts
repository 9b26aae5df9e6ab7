import { join } from 'node:path';
import { type ChildHandle, startChild, withTimeout } from '@course/runtime';

export type SiteRequest =
  | { type: 'start'; pages: number; latencyMs: number; failOnceEndingIn?: number }
  | { type: 'reset' }
  | { type: 'stats' }
  | { type: 'close' };
export type SiteReply =
  | { type: 'started'; url: string }
  | { type: 'reset' }
  | { type: 'stats'; maxInFlight: number; total: number }
  | { type: 'closed' };

/** The test site served by a child process (`site-child.ts`), driven over IPC one request at a time. */
export class RemoteSite {
  private constructor(
    private readonly handle: ChildHandle,
    readonly url: string,
  ) {}

  /**
   * Start a plain site of `pages` pages answering after `latencyMs`; with `failOnceEndingIn`, the
   * pages whose number ends in that digit answer 500 once (10% of them).
   */
  static async start(options: Omit<Extract<SiteRequest, { type: 'start' }>, 'type'>): Promise<RemoteSite> {
    const handle = startChild(join(__dirname, 'site-child.ts'), { stdio: 'inherit' });
    const started = await ask(handle, { type: 'start', ...options });
    if (started.type !== 'started') throw new Error(`site child: expected "started", got ${started.type}`);
    return new RemoteSite(handle, started.url);
  }

  async reset(): Promise<void> {
    await ask(this.handle, { type: 'reset' });
  }

  async stats(): Promise<{ maxInFlight: number; total: number }> {
    const s = await ask(this.handle, { type: 'stats' });
    if (s.type !== 'stats') throw new Error(`site child: expected "stats", got ${s.type}`);
    return s;
  }

  async close(): Promise<void> {
    await ask(this.handle, { type: 'close' }).catch(() => {});
    await this.handle.stop();
  }
}

function ask(handle: ChildHandle, request: SiteRequest): Promise<SiteReply> {
  const answer = new Promise<SiteReply>((resolve) =>
    handle.child.once('message', (m: SiteReply) => resolve(m)),
  );
  handle.child.send(request);
  return withTimeout(answer, 30_000, `the site child to answer "${request.type}"`);
}
