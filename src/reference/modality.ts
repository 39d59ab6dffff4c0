import { registerEnumType } from '@nestjs/graphql';

export enum Modality {
  TRAINING = 'TRAINING',
  PEER_EXCHANGE = 'PEER_EXCHANGE',
  TECHNICAL_ASSISTANCE = 'TECHNICAL_ASSISTANCE',
  SECONDMENT = 'SECONDMENT',
  STUDY_VISIT = 'STUDY_VISIT',
  WORKSHOP = 'WORKSHOP',
  FINANCIAL = 'FINANCIAL',
  MATERIAL = 'MATERIAL',
}

registerEnumType(Modality, { name: 'Modality', description: 'How capacity is delivered' });
