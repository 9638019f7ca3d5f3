import { emptyEnvelopeSchema } from '../schemas/wire/common';
import { videoSettingRequestSchema } from '../schemas/wire/video';
import { defineOperation } from './operation';

/** PUT /v1/instances/video-setting (koophone-api.md §3.4): a full overwrite, so replaying it is harmless. */
export const setVideoConfigOp = defineOperation({
  name: 'video-setting',
  method: 'PUT',
  path: '/v1/instances/video-setting',
  replaySafe: true,
  envelope: 'koophone',
  body: videoSettingRequestSchema,
  response: emptyEnvelopeSchema,
});
