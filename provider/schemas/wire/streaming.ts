import { z } from 'zod';
import { envelope, instanceIdListSchema, instanceIdSchema, userIdSchema } from './common';

/**
 * Streaming session: device token (docs/api/endpoints.md#device-token), prepare (docs/api/endpoints.md#prepare), prepare-progress (docs/api/endpoints.md#prepare-progress). Backup (docs/api/endpoints.md#backup), which ends a
 * session, takes the common `instance_ids` body.
 */

// ---- POST /v1/instances/{instance_id}/auth ----

/** `internal.aport/atype` are Strings, `external.aport/atype` Integers (docs/api/ambiguities.md#a9): accept either everywhere. */
const looseScalar = z.union([z.string(), z.number()]).nullish();

const sdkEndpointSchema = z.object({
  address: z.string().nullish(),
  aport: looseScalar,
  atype: looseScalar,
  address_ipv6: z.string().nullish(),
  /** SDK 3.1.198+, `external` only: the ADN line's address. */
  address_adn: z.string().nullish(),
});

export const deviceTokenSchema = z.object({
  /** Newest pages only (docs/api/sources.md#pages-2025-11). */
  streamingId: z.string().nullish(),
  device_token: z.string().min(1),
  resource: z.object({
    device_id: z.string(),
    kp_id: z.string(),
    /** SDK 3.1.207+: designated apps. */
    app_ip_synchronize_list: z.string().nullish(),
    sdk: z.object({ internal: sdkEndpointSchema.nullish(), external: sdkEndpointSchema.nullish() }).nullish(),
    rtc: z
      .object({
        ice_signaling: z
          .object({
            signaling_url: z.string().nullish(),
            expired_time: looseScalar,
            ice_servers: z.array(z.string()).nullish(),
          })
          .nullish(),
      })
      .nullish(),
  }),
});
export type DeviceToken = z.infer<typeof deviceTokenSchema>;

export const deviceTokenPathSchema = z.object({ instance_id: instanceIdSchema });

export const deviceTokenResponseSchema = envelope(deviceTokenSchema);

// ---- POST /v1/instances/prepare ----

export const prepareRequestSchema = z.object({ user_id: userIdSchema, instance_ids: instanceIdListSchema });
export type PrepareRequest = z.infer<typeof prepareRequestSchema>;

/** `status` 0–10 per the newer pages and the SDK, 0–3 per the 2025-08 reference (docs/api/endpoints.md#prepare-status; docs/api/ambiguities.md#a11). */
export const preparedInstanceSchema = z.object({ instance_id: z.string(), status: z.number().int() });
export type PreparedInstance = z.infer<typeof preparedInstanceSchema>;

export const prepareResponseSchema = envelope(z.object({ status_list: z.array(preparedInstanceSchema) }));

// ---- POST /v1/instances/prepare-progress (snake request, camel `waitingCount` in the response) ----

export const prepareProgressRequestSchema = z.object({ user_id: userIdSchema, instance_id: instanceIdSchema });
export type PrepareProgressRequest = z.infer<typeof prepareProgressRequestSchema>;

export const prepareProgressSchema = z.object({
  /** 0 done, 1 queuing, 2 restoring, 3 backing up, … −1 failed (docs/api/endpoints.md#progress-status). */
  status: z.number().int(),
  waitingCount: z.number().nullish(),
});
export type PrepareProgress = z.infer<typeof prepareProgressSchema>;

export const prepareProgressResponseSchema = envelope(prepareProgressSchema);

// ---- POST /v1/instances/session/release and /streaming/stop (SDK-only; x-request-id required there) ----

export const singleInstanceRequestSchema = z.object({ instance_id: instanceIdSchema });
export type SingleInstanceRequest = z.infer<typeof singleInstanceRequestSchema>;
