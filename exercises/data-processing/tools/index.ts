export { type GenerateOptions, type GenerateReport, generateMeasurements } from './generate-measurements';
export { seededRandom } from './prng';
export { STATIONS, type Station } from './stations';
