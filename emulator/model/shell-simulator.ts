import type { InstanceRecord } from './state';
import type { JobOutcome } from './state';
import { RunningStatus } from './running-status';

/**
 * A tiny stand-in for the phone's shell so command tests can assert output. Unknown commands fail the way
 * a real shell does (`sh: x: not found`), never with a silent success.
 */
function properties(inst: InstanceRecord): Record<string, string> {
  return {
    'ro.build.version.release': inst.os === 'AOSP9' ? '9' : '11',
    'ro.build.version.sdk': inst.os === 'AOSP9' ? '28' : '30',
    'ro.product.model': 'KooPhone',
    'ro.product.manufacturer': 'HUAWEI',
    'ro.serialno': inst.instanceId,
  };
}

function run(command: string, inst: InstanceRecord, now: number): { ok: boolean; output: string } {
  const [program, ...args] = command.trim().split(/\s+/);
  switch (program) {
    case 'echo':
      return { ok: true, output: args.join(' ') };
    case 'getprop':
      return { ok: true, output: args[0] ? (properties(inst)[args[0]] ?? '') : '' };
    case 'id':
    case 'whoami':
      return { ok: true, output: program === 'id' ? 'uid=0(root) gid=0(root) groups=0(root)' : 'root' };
    case 'ls':
      return { ok: true, output: 'app\nbin\netc\nframework\nlib\nlib64\npriv-app\nbuild.prop' };
    case 'pm':
      if (args[0] === 'list' && args[1] === 'packages') {
        const installed = inst.apps.filter((a) => a.installedAt <= now);
        return { ok: true, output: installed.map((a) => `package:${a.objectName}`).join('\n') };
      }
      if (args[0] === 'uninstall' && args[1] && args.length === 2) {
        // As Android answers: the exit status fails for a package that is not there.
        const before = inst.apps.length;
        inst.apps = inst.apps.filter((a) => a.objectName !== args[1]);
        return inst.apps.length < before
          ? { ok: true, output: 'Success' }
          : { ok: false, output: `Failure [not installed for 0]` };
      }
      return { ok: false, output: `pm: unknown command '${args.join(' ')}'` };
    case 'reboot':
      return { ok: false, output: 'reboot: Operation not permitted' };
    default:
      return { ok: false, output: `sh: ${program}: not found` };
  }
}

const COMMAND_FAILED = { errorCode: 'CPS.0191', errorMsg: 'Run command failed.' };

/** The job outcome of running `command` on a phone: a phone that is not running cannot run anything. */
export function runCommand(command: string, inst: InstanceRecord, now: number): JobOutcome {
  if (inst.runningStatus !== RunningStatus.RUNNING) {
    return {
      status: -1,
      ...COMMAND_FAILED,
      executeMsg: `instance is not running (running_status ${inst.runningStatus})`,
    };
  }
  const { ok, output } = run(command, inst, now);
  return ok
    ? { status: 2, errorCode: '', errorMsg: '', executeMsg: output.slice(0, 1024) }
    : { status: -1, ...COMMAND_FAILED, executeMsg: output.slice(0, 1024) };
}
