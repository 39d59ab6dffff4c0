import DataLoader from 'dataloader';
import { groupByKey, RequestLoaders } from '../common/loaders/request-loaders';
import { FollowUpResponse } from './follow-up-response.entity';
import { FollowUp } from './follow-up.entity';
import { FollowUpsService } from './follow-ups.service';

/** The follow-ups of each twinning of a request, in one query for all of them. */
export function twinningFollowUpsLoader(
  loaders: RequestLoaders,
  followUps: FollowUpsService,
): DataLoader<string, FollowUp[]> {
  return loaders.get('twinningFollowUps', async (ids: readonly string[]) =>
    groupByKey(ids, await followUps.ofTwinnings(ids), (followUp) => followUp.twinningId),
  );
}

/** The answers of each follow-up of a request (each with its party), in one query. */
export function followUpResponsesLoader(
  loaders: RequestLoaders,
  followUps: FollowUpsService,
): DataLoader<string, Required<FollowUpResponse>[]> {
  return loaders.get('followUpResponses', async (ids: readonly string[]) =>
    groupByKey(ids, await followUps.responsesOf(ids), (response) => response.followUpId),
  );
}
