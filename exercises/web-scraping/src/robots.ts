/** The rules of one robots.txt for one user agent. */
export interface RobotsRules {
  /** Whether the crawler may fetch this path (with its query string, e.g. `/search?q=1`). */
  isAllowed(pathAndQuery: string): boolean;
}

/** Everything allowed: what a missing robots.txt (404) means. */
export const ALLOW_ALL: RobotsRules = { isAllowed: () => true };
/** Nothing allowed: what an unreachable robots.txt (5xx, no answer) means (RFC 9309 §2.3.1.4). */
export const DISALLOW_ALL: RobotsRules = { isAllowed: () => false };

/**
 * Task 5. Parse robots.txt (RFC 9309) for one user agent.
 *
 * - Lines are `field: value`; field names are case-insensitive; `#` starts a comment.
 * - A group is one or more `User-agent` lines followed by `Allow`/`Disallow` rules. The crawler obeys
 *   the group whose user-agent token matches its own name (case-insensitive, the token being a
 *   prefix of the name: token `course` matches `course-crawler`), else the `*` group, else nothing
 *   is disallowed. Several groups for the same agent are merged.
 * - A rule's path matches from the start of the path; `*` matches any characters, a final `$`
 *   anchors the end. An empty `Disallow:` disallows nothing.
 * - The most specific (longest) matching rule wins; on a tie, `Allow` wins. No match: allowed.
 *
 * @example
 * const rules = parseRobots('User-agent: *\nDisallow: /private/\nAllow: /private/open', 'course-crawler');
 * rules.isAllowed('/private/3');    // false
 * rules.isAllowed('/private/open'); // true
 * rules.isAllowed('/page/1');       // true
 */
export function parseRobots(text: string, userAgent: string): RobotsRules {
  throw new Error(`Not implemented yet: parseRobots of ${text.length} characters for ${userAgent} (Task 5)`);
}
