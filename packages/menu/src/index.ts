export { closeMatches, editDistance } from './close-matches';
export { type CliIo, menuCli } from './cli';
export { formatList, USAGE } from './list';
export { allLessons, groups } from './registry';
