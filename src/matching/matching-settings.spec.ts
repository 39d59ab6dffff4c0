import { FACTORS } from './engine/candidates';
import { DEFAULT_MATCHING_CONFIG } from './engine/matching-config';
import { matchingSettings } from './matching-settings';

describe('matchingSettings', () => {
  it('gives the documented defaults when nothing is set', () => {
    const settings = matchingSettings();
    // Normalised: the same weights, up to the last bit of their floating-point sum.
    for (const factor of FACTORS) {
      expect(settings.weights[factor]).toBeCloseTo(DEFAULT_MATCHING_CONFIG.weights[factor], 12);
    }
    expect(settings.minimumScore).toBe(DEFAULT_MATCHING_CONFIG.minimumScore);
  });

  it('overrides named weights, renormalises, and takes the minimum score', () => {
    const settings = matchingSettings(' TEXT = 0.6 , CAPACITY=0', 0.5);
    // Defaults without CAPACITY sum to 0.95; TEXT moves from 0.3 to 0.6: total 1.25.
    expect(settings.weights.TEXT).toBeCloseTo(0.6 / 1.25, 12);
    expect(settings.weights.CAPACITY).toBe(0);
    expect(settings.weights.MODALITY).toBeCloseTo(0.2 / 1.25, 12);
    expect(settings.minimumScore).toBe(0.5);
  });

  it('refuses an unknown factor', () => {
    expect(() => matchingSettings('SPEED=1')).toThrow(
      'Invalid configuration: MATCHING_WEIGHTS names an unknown factor: SPEED',
    );
  });

  it('refuses weights that are all zero, as a configuration error', () => {
    expect(() =>
      matchingSettings(
        'TOPIC=0,MODALITY=0,LANGUAGE=0,TIMING=0,ELIGIBILITY=0,TEXT=0,CAPACITY=0,TRACK_RECORD=0',
      ),
    ).toThrow('Invalid configuration: MATCHING_WEIGHTS: at least one weight must be above 0');
  });
});
