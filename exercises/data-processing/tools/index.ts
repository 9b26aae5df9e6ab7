export { type GenerateOptions, type GenerateReport, generateMeasurements } from './generate-measurements';
export { seededRandom } from './prng';
export { type Station, STATIONS } from './stations';
