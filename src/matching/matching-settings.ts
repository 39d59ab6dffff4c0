import { ConfigurationError } from '../config/environment';
import { Factor, FACTORS } from './engine/candidates';
import { DEFAULT_MATCHING_CONFIG, MatchingConfig, normaliseConfig } from './engine/matching-config';

/**
 * The matching configuration: the defaults of the engine, overridden by
 * MATCHING_WEIGHTS ("TEXT=0.4,CAPACITY=0") and MATCHING_MINIMUM_SCORE.
 */
export function matchingSettings(weights?: string, minimumScore?: number): MatchingConfig {
  const overrides: Partial<Record<Factor, number>> = {};
  for (const pair of (weights ?? '').split(',')) {
    const [name, value] = pair.split('=').map((part) => part.trim());
    if (!name) continue;
    if (!(FACTORS as readonly string[]).includes(name)) {
      throw new ConfigurationError(
        `Invalid configuration: MATCHING_WEIGHTS names an unknown factor: ${name}`,
      );
    }
    overrides[name as Factor] = Number(value);
  }
  try {
    return normaliseConfig({
      weights: { ...DEFAULT_MATCHING_CONFIG.weights, ...overrides },
      minimumScore: minimumScore ?? DEFAULT_MATCHING_CONFIG.minimumScore,
    });
  } catch (error) {
    // Start-up stops with one line naming the setting, like every other bad setting.
    throw new ConfigurationError(
      `Invalid configuration: MATCHING_WEIGHTS: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
