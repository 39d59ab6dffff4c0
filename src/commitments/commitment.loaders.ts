import DataLoader from 'dataloader';
import { byKey, groupByKey, RequestLoaders } from '../common/loaders/request-loaders';
import { Commitment } from './commitment.entity';
import { CommitmentsService } from './commitments.service';
import { IndicatorValue } from './indicator-value.entity';
import { Indicator } from './indicator.entity';

export function commitmentLoader(
  loaders: RequestLoaders,
  commitments: CommitmentsService,
): DataLoader<string, Commitment | null> {
  return loaders.get('commitmentById', async (ids: readonly string[]) =>
    byKey(ids, await commitments.byIds(ids), (commitment) => commitment.id),
  );
}

export function commitmentIndicatorsLoader(
  loaders: RequestLoaders,
  commitments: CommitmentsService,
): DataLoader<string, Indicator[]> {
  return loaders.get('commitmentIndicators', async (ids: readonly string[]) =>
    groupByKey(ids, await commitments.indicatorsOf(ids), (indicator) => indicator.commitmentId),
  );
}

export function indicatorValuesLoader(
  loaders: RequestLoaders,
  commitments: CommitmentsService,
): DataLoader<string, IndicatorValue[]> {
  return loaders.get('indicatorValues', async (ids: readonly string[]) =>
    groupByKey(ids, await commitments.valuesOf(ids), (value) => value.indicatorId),
  );
}
