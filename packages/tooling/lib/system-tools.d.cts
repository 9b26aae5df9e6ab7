type Env = Record<string, string | undefined>;
/** The Chromium executable to drive (CHROMIUM_PATH, else a system install), or undefined. */
export declare function chromiumPath(env?: Env): string | undefined;
/** The `redis-server` executable on PATH, or undefined. */
export declare function findRedisServer(pathVar?: string): string | undefined;
/** One line naming the tools found and their versions on disk (the cache key of `pnpm test`). */
export declare function systemToolsKey(env?: Env): string;
