import { Factor, FACTORS } from './candidates';

/**
 * Every knob of the matching engine, in one place. The weights say how much each factor
 * counts; they are normalised to sum to 1. Pairs scoring below `minimumScore` are not
 * suggested and not planned.
 */
export interface MatchingConfig {
  weights: Record<Factor, number>;
  minimumScore: number;
}

export const DEFAULT_MATCHING_CONFIG: MatchingConfig = {
  weights: {
    // What the offer says it does, against what the need says it lacks, matters most.
    TEXT: 0.3,
    MODALITY: 0.2,
    TOPIC: 0.1,
    LANGUAGE: 0.15,
    TIMING: 0.1,
    ELIGIBILITY: 0.05,
    CAPACITY: 0.05,
    // Among offers that fit alike, the one whose organization the countries rated well.
    TRACK_RECORD: 0.05,
  },
  minimumScore: 0.3,
};

/** Checks a configuration and scales its weights to sum to 1. */
export function normaliseConfig(config: MatchingConfig): MatchingConfig {
  const total = FACTORS.reduce((sum, factor) => sum + config.weights[factor], 0);
  for (const factor of FACTORS) {
    const weight = config.weights[factor];
    if (!Number.isFinite(weight) || weight < 0) {
      throw new RangeError(`the weight of ${factor} must be a number ≥ 0`);
    }
  }
  if (!(total > 0)) throw new RangeError('at least one weight must be above 0');
  if (!(config.minimumScore >= 0 && config.minimumScore <= 1)) {
    throw new RangeError('the minimum score must be between 0 and 1');
  }
  const weights = Object.fromEntries(
    FACTORS.map((factor) => [factor, config.weights[factor] / total]),
  ) as Record<Factor, number>;
  return { weights, minimumScore: config.minimumScore };
}
