// Throws outside any handler: the worker dies and the parent receives this error, stack included.
function parseConfig(text: string): unknown {
  if (!text.startsWith('{')) throw new SyntaxError(`config must be a JSON object, got "${text}"`);
  return JSON.parse(text);
}
parseConfig('not json');
