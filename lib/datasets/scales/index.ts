/**
 * Scales (constructs) on a {@link Dataset}: definitions, scoring recipes and reliability.
 */
export { scaleScoreTransform, ZScaleSchema, type Scale, type ScaleScoreOptions } from './scale';
export { scaleReliability, type ScaleItemStatistics, type ScaleReliability, type ScaleReliabilityOptions } from './scale-reliability';
