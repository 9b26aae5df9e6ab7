import { readFileSync } from 'node:fs';
import type * as TS from 'typescript';

/** One `it(...)`/`test(...)` found in a test file: its describe path as a pattern, and its body. */
export interface TestSource {
  /** Matches the test's full name ("Task 1: … > it title"); template holes and `.each` formats match anything. */
  pattern: RegExp;
  /** The body of the test's callback, dedented: what exercism's `test_code` shows. */
  code: string;
}

const TEST_CALLS = new Set(['it', 'test']);
const SUITE_CALLS = new Set(['describe', 'suite']);

/**
 * The tests of one file as written, for the `test_code` field of the exercism test-runner
 * interface. Read with TypeScript's parser (no type checking: fast, and a file that does not
 * type-check still parses). Names built at run time (a template literal, `it.each`'s `%s` or
 * `$name`) become patterns, so the generated tests find the code they were generated from.
 *
 * @example
 * testSources(ts, 'describe("Task 1: A", () => { it("adds", () => { expect(1).toBe(1); }); });', 'x.test.ts')
 * // [{ pattern: /^Task 1: A > adds$/, code: 'expect(1).toBe(1);' }]
 */
export function testSources(ts: typeof TS, text: string, fileName: string): TestSource[] {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: TestSource[] = [];
  const visit = (node: TS.Node, path: string[]): void => {
    if (ts.isCallExpression(node)) {
      const call = calleeOf(ts, node);
      const title = node.arguments[0] && titlePattern(ts, node.arguments[0], call?.each ?? false);
      if (call && title !== undefined) {
        const fn = node.arguments[1];
        if (SUITE_CALLS.has(call.name)) {
          if (fn) visit(fn, [...path, title]);
          return;
        }
        if (TEST_CALLS.has(call.name) && fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) {
          found.push({
            pattern: new RegExp(`^${[...path, title].join(' > ')}$`),
            code: bodyText(ts, fn, file),
          });
          return;
        }
      }
    }
    ts.forEachChild(node, (child) => visit(child, path));
  };
  visit(file, []);
  return found;
}

/** `it`, `it.only`, `it.each([...])`, `describe.concurrent` … : the base name, and whether it is `.each`. */
function calleeOf(ts: typeof TS, call: TS.CallExpression): { name: string; each: boolean } | undefined {
  let e: TS.Expression = call.expression;
  let each = false;
  if (ts.isCallExpression(e)) {
    // it.each([...])('title', fn): the callee is itself a call of `.each`
    const inner = e.expression;
    if (!(ts.isPropertyAccessExpression(inner) && inner.name.text === 'each')) return undefined;
    each = true;
    e = inner.expression;
  }
  while (ts.isPropertyAccessExpression(e)) e = e.expression;
  return ts.isIdentifier(e) ? { name: e.text, each } : undefined;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A title as a regex source: literal text escaped, run-time parts as `.*?`; undefined if not a title. */
function titlePattern(ts: typeof TS, node: TS.Node, each: boolean): string | undefined {
  const holes = (s: string) => {
    const lit = escapeRegex(s);
    // it.each formats: printf-style (%s %d %i %j %o %#…) and $variable / $0 names.
    return each ? lit.replace(/%[sdifjo#%]|\\\$[\w.]+/g, '.*?') : lit;
  };
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return holes(node.text);
  if (ts.isTemplateExpression(node))
    return holes(node.head.text) + node.templateSpans.map((s) => `.*?${holes(s.literal.text)}`).join('');
  return undefined;
}

function bodyText(ts: typeof TS, fn: TS.ArrowFunction | TS.FunctionExpression, file: TS.SourceFile): string {
  const body = fn.body;
  if (!ts.isBlock(body)) return body.getText(file);
  const inner = file.text
    .slice(body.getStart(file) + 1, body.getEnd() - 1)
    .replace(/^\s*\n/, '')
    .trimEnd();
  const lines = inner.split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)?.[0].length ?? 0));
  return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
}

/** The source of each test file, read once; a file that cannot be read gives no test code. */
export function testCodeLookup(ts: typeof TS): (file: string, name: string) => string | undefined {
  const byFile = new Map<string, TestSource[]>();
  return (file, name) => {
    if (!file) return undefined;
    let sources = byFile.get(file);
    if (!sources) {
      try {
        sources = testSources(ts, readFileSync(file, 'utf8'), file);
      } catch {
        sources = [];
      }
      byFile.set(file, sources);
    }
    return sources.find((s) => s.pattern.test(name))?.code;
  };
}
