import { emptyEnvelopeSchema } from '../schemas/wire/common';
import { videoSettingRequestSchema } from '../schemas/wire/video';
import { defineOperation } from './operation';

/** PUT /v1/instances/video-setting (docs/api/endpoints.md#video-setting): a full overwrite, so replaying it is harmless. */
export const setVideoConfigOp = defineOperation({
  name: 'video-setting',
  method: 'PUT',
  path: '/v1/instances/video-setting',
  replaySafe: true,
  envelope: 'koophone',
  body: videoSettingRequestSchema,
  response: emptyEnvelopeSchema,
});
