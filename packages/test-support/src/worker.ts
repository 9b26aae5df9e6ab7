// What worker and child entry files may import: nothing here loads vitest, which cannot be loaded
// outside a test process (a bundled worker importing the main entry would fail at start-up).
export { type BusyInterval, maxOverlap, recordBusy, sharedNow } from './busy-intervals';
export { type SeededRandom, seededRandom, seededYields } from './seeded';
