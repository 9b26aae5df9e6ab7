// Keeps every array it allocates: it grows until its heap limit (resourceLimits) stops it.
const kept: number[][] = [];
for (;;) kept.push(new Array(100_000).fill(kept.length));
