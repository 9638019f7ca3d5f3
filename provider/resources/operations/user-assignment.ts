import type * as dynamic from '@pulumi/pulumi/dynamic';
import { KooPhoneApiError, NotFoundError } from '../../client';
import {
  USER_ASSIGNMENT_REPLACE_PROPERTIES,
  userAssignmentInputsSchema,
  type UserAssignmentInputs,
  type UserAssignmentOutputs,
} from '../../schemas/resources/user-assignment';
import { checkInputs } from '../core/check-inputs';
import { phoneQueue } from './phone-queue';
import { configureRuntime, getAssignmentBatcher, getDirectory } from '../core/runtime';

const ASSIGNED = 1;

export function assignmentId(inputs: UserAssignmentInputs): string {
  return `${inputs.instanceId}/${inputs.userId}`;
}

export const userAssignmentProvider: dynamic.ResourceProvider<UserAssignmentInputs, UserAssignmentOutputs> = {
  configure: configureRuntime,

  async check(_olds, news) {
    const result = checkInputs(userAssignmentInputsSchema, news as unknown as Record<string, unknown>);
    return result.inputs ? { inputs: result.inputs } : { failures: result.failures };
  },

  async diff(_id, olds, news) {
    const replaces = USER_ASSIGNMENT_REPLACE_PROPERTIES.filter((k) => olds[k] !== news[k]);
    // One phone has one user: the old assignment must go before the new one can exist.
    return { changes: replaces.length > 0, replaces, deleteBeforeReplace: true };
  },

  async create(inputs) {
    const pair = { instance_id: inputs.instanceId, user_id: inputs.userId };
    try {
      await getAssignmentBatcher().assign(pair);
    } catch (err) {
      if (!(await alreadyAssigned(err, inputs))) throw err;
    } finally {
      getDirectory().invalidate();
    }
    return { id: assignmentId(inputs), outs: { ...inputs, assignStatus: ASSIGNED } };
  },

  /**
   * Drift: a phone assigned to someone else reports that user, so the diff replaces the assignment
   * (unassign them, assign ours); a cleared assignment or a deleted phone drops the resource, so `up` assigns again.
   */
  async read(id, props) {
    const instanceId = props?.instanceId ?? id.split('/')[0];
    const record = await getDirectory().get(instanceId);
    if (!record || record.assign_status !== ASSIGNED || !record.assign_user) return {};
    const userId = record.assign_user;
    return { id, props: { instanceId, userId, assignStatus: ASSIGNED } };
  },

  async delete(_id, props) {
    try {
      // Unassigning wipes the user's data on the phone (docs/api/endpoints.md#unassign). The pair names the user, so
      // a phone gone (4001) or no longer this user's (2210) is refused, never unassigned from someone else: done.
      // Queued on the phone (phone-queue.ts): the wipe must not meet an install or a reboot on it.
      await phoneQueue().run([props.instanceId], () =>
        getAssignmentBatcher().unassign({ instance_id: props.instanceId, user_id: props.userId }),
      );
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
    } finally {
      getDirectory().invalidate();
    }
  },
};

/**
 * KPAPI.2209 for a phone that already shows this user is success: the API may refuse a pair it already applied
 * (a replayed call, or a split call whose other pairs went through, docs/api/ambiguities.md#a19).
 */
async function alreadyAssigned(err: unknown, inputs: UserAssignmentInputs): Promise<boolean> {
  if (!(err instanceof KooPhoneApiError) || err.normalizedCode !== '2209') return false;
  // A failed look-up keeps the API's refusal as the answer.
  const record = await getDirectory()
    .get(inputs.instanceId, undefined, Date.now())
    .catch(() => undefined);
  return record?.assign_status === ASSIGNED && record.assign_user === inputs.userId;
}
