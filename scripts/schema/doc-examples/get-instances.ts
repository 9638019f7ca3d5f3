import * as koophone from '../../../sdk';

// Phones of the account whose names start with `fleet-`, e.g. to report on them or adopt one.
export const fleet = koophone.getInstances({ namePrefix: 'fleet-' }).then((r) =>
  r.instances.map((i) => ({
    id: i.instanceId,
    name: i.instanceName,
    running: i.runningStatus === 2,
    user: i.assignUser,
  })),
);
