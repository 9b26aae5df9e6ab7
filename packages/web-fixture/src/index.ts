export { type RequestRecord, SiteCounters } from './counters';
export { type Decision, decide, type Failure, type FaultRule, validateFaults } from './faults';
export { type GroundTruth, type GroundTruthOptions, groundTruth } from './ground-truth';
export { hashString, mulberry32, uniformFor } from './prng';
export { renderHtml } from './render-html';
export {
  ALL_FEATURES,
  EXTERNAL_ORIGINS,
  type Link,
  type LinkKind,
  NO_FEATURES,
  type Resource,
  type SiteFeatures,
} from './resources';
export { DISALLOWED_PREFIXES, isDisallowed, robotsTxt } from './robots';
export { createSiteModel, type SiteModel, type SiteModelOptions } from './site-model';
export { pagePath, sitemapXml } from './special-paths';
export { type Site, type SiteOptions, startSite } from './start-site';
