import { InputType, PartialType, PickType } from '@nestjs/graphql';
import { CreateCommitmentInput } from './create-commitment.input';

/**
 * The title, the working group and the indicators, each optional. `indicators` replaces
 * the list: an indicator whose name matches one of the list's (case and accents ignored)
 * is kept, with its values, and takes the new unit, baseline, target and target date;
 * one not named any more is removed with its values; a new name adds one.
 */
@InputType()
export class UpdateCommitmentInput extends PartialType(
  PickType(CreateCommitmentInput, ['title', 'workingGroupCode', 'indicators'] as const),
) {}
