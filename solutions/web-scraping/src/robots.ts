/** The rules of one robots.txt for one user agent. */
export interface RobotsRules {
  /** Whether the crawler may fetch this path (with its query string, e.g. `/search?q=1`). */
  isAllowed(pathAndQuery: string): boolean;
}

interface Rule {
  allow: boolean;
  pattern: string;
  regex: RegExp;
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
  // First the groups as written: each a list of user-agent tokens and the rules under them.
  const groups: Array<{ agents: string[]; rules: Rule[] }> = [];
  let current: { agents: string[]; rules: Rule[] } | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const field = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (field === 'user-agent') {
      // Consecutive User-agent lines share one group; one after rules starts a new group.
      if (!current || current.rules.length > 0) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
    } else if ((field === 'allow' || field === 'disallow') && current) {
      // An empty value ("Disallow:") disallows nothing: an allow-all rule that any real rule
      // outranks. It still ends the group's User-agent lines.
      current.rules.push(
        value === ''
          ? { allow: true, pattern: '', regex: /^/ }
          : { allow: field === 'allow', pattern: value, regex: patternToRegex(value) },
      );
    }
  }
  // Then the groups that apply: those naming this crawler, else the `*` ones (merged).
  const me = userAgent.toLowerCase();
  const named = groups.filter((g) => g.agents.some((a) => a !== '*' && me.startsWith(a)));
  const chosen = named.length > 0 ? named : groups.filter((g) => g.agents.includes('*'));
  const rules = chosen.flatMap((g) => g.rules);

  return {
    isAllowed(pathAndQuery: string) {
      let best: Rule | undefined;
      for (const rule of rules) {
        if (!rule.regex.test(pathAndQuery)) continue;
        const longer = !best || rule.pattern.length > best.pattern.length;
        const tieWonByAllow = best !== undefined && rule.pattern.length === best.pattern.length && rule.allow;
        if (longer || tieWonByAllow) best = rule;
      }
      return best ? best.allow : true;
    },
  };
}

/** `/a*b$` -> /^\/a.*b$/ ; every other character literal. */
function patternToRegex(pattern: string): RegExp {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const source = body
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}${anchored ? '$' : ''}`);
}
