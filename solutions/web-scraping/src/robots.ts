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
  const me = userAgent.toLowerCase();
  const mine: Rule[] = [];
  const star: Rule[] = [];
  let foundMine = false;

  let agents: string[] = [];
  let inRules = false; // a User-agent line after rules starts a new group
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const field = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (field === 'user-agent') {
      if (inRules) {
        agents = [];
        inRules = false;
      }
      agents.push(value.toLowerCase());
    } else if (field === 'allow' || field === 'disallow') {
      inRules = true;
      if (value === '') continue; // "Disallow:" with no path: nothing disallowed
      const rule: Rule = { allow: field === 'allow', pattern: value, regex: patternToRegex(value) };
      const forMe = agents.some((a) => a !== '*' && me.startsWith(a));
      if (forMe) {
        foundMine = true;
        mine.push(rule);
      }
      if (agents.includes('*')) star.push(rule);
    }
  }
  // A group naming this crawler may have only empty rules: it still replaces the `*` group.
  foundMine ||= hasGroupFor(text, me);
  const rules = foundMine ? mine : star;

  return {
    isAllowed(pathAndQuery: string) {
      let best: Rule | undefined;
      for (const rule of rules) {
        if (!rule.regex.test(pathAndQuery)) continue;
        if (
          !best ||
          rule.pattern.length > best.pattern.length ||
          (rule.pattern.length === best.pattern.length && rule.allow)
        ) {
          best = rule;
        }
      }
      return best ? best.allow : true;
    },
  };
}

function hasGroupFor(text: string, me: string): boolean {
  return text.split(/\r?\n/).some((raw) => {
    const m = /^\s*user-agent\s*:\s*([^#\s]+)/i.exec(raw);
    return m !== null && m[1]!.toLowerCase() !== '*' && me.startsWith(m[1]!.toLowerCase());
  });
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
