type Env = Record<string, string | undefined>;
/** The Chromium executable to drive (CHROMIUM_PATH, else a system install), or undefined. */
export declare function chromiumPath(env?: Env): string | undefined;
/** The `redis-server` executable on PATH, or undefined. */
export declare function findRedisServer(pathVar?: string): string | undefined;
/** One line naming the Node version and the tools found with their versions on disk (part of `pnpm test`'s cache key). */
export declare function systemToolsKey(env?: Env): string;
