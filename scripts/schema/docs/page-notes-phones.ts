import type { PageNotes } from './page-notes-shape';

/** Reference-page prose for what runs on the phones (docs/api/commands.md has the wire facts and choices). */

const TASKS_AND_JOBS = {
  heading: 'Tasks and jobs',
  lines: [
    '- Calls take at most 100 phones: larger sets are sent in chunks, every task is submitted first, then all are polled.',
    '- `GET tasks/{task_id}` lists jobs without instance ids; each job is mapped to its phone through the `job_id` the ' +
      'submit call returned. Install jobs report 0 (not started) / 1 (running) / 2 (done) / 3 (failed); command jobs ' +
      '1 / 2 / −1. Any other code counts as failed; a job still pending after `timeoutSeconds` counts as failed too.',
    '- Job-level codes come from the phone platform, e.g. `CPS.0191` (install or command failed), `CPS0005` (phone not found).',
  ],
};

/** provider/resources/operations/phone-queue.ts, for every page of an operation on phones. */
const ONE_AT_A_TIME = {
  heading: 'One operation per phone at a time',
  lines: [
    '- Within a deployment the provider runs one operation per phone at a time: app installs and uninstalls, ' +
      'commands, reboots, resets, video settings and unassignments on the same phone wait for each other, in the order ' +
      'the engine hands them over, even without `dependsOn`; operations on other phones run side by side. A reboot or ' +
      'reset keeps its phones until they run again, so a command or install declared beside it never meets a phone ' +
      'that is starting (`CPS.0191 … instance is not running`). `timeoutSeconds` counts from when the operation starts.',
    '- The order between them is the order the engine reaches them, which follows the program but is not a promise: ' +
      'where one must come first (reboot after the app is installed), say so with `dependsOn`.',
    '- It covers one deployment in one provider process: two `pulumi up` of different stacks on the same phones, or ' +
      'changes made in the console, are not queued.',
  ],
};

export const PHONE_PAGE_NOTES: Record<string, PageNotes> = {
  AppInstallation: {
    example: 'app-installation.ts',
    replaceNote: 'A new `packageName` is another app: the new one is installed, then the old one uninstalled.',
    sections: [
      {
        heading: 'Lifecycle',
        lines: [
          '- **Create** installs on every phone (`app/install`, never replayed once sent) and waits for every job.',
          '- **Partial failure.** Phones whose job failed fail the step with a table `phone → reason`; the phones where ' +
            'the app installed stay in the stack, and the next `pulumi up` installs only on the failed ones.',
          '- **Drift.** `pulumi refresh` (or `preview --refresh`, `up --refresh`) reads each phone with app-list (one call ' +
            'per phone, third-party apps): absent is `missing`, another version `outdated`, and `up` reinstalls only there.',
          '- **Update.** A new `version`, `packageUrl`, `fileName`, `sizeMb`, `md5` or `fastInstall` installs on every ' +
            'phone; phones added to `instanceIds` get the app, phones removed get it uninstalled.',
          '- **Delete** runs `pm uninstall <package>` (async-command, polled) on the phones that still exist; an app ' +
            'already gone counts as done. Use the `retainOnDelete` resource option for apps that must stay.',
          '- **`packageUrl` is a secret**: the SDK stores it encrypted, and error text that might echo it is scrubbed.',
        ],
      },
      ONE_AT_A_TIME,
      TASKS_AND_JOBS,
    ],
    errorCodes: ['KOOPHONE.API.3008', 'KOOPHONE.API.62015', 'KOOPHONE.API.62017', 'KOOPHONE.API.2004', 'KOOPHONE.API.1001', 'KOOPHONE.API.4001'],
  },
  PhoneCommand: {
    example: 'phone-command.ts',
    replaceNote: 'A rerun is a replacement: with a `deleteCommand`, the old resource\'s delete command runs first.',
    sections: [
      {
        heading: 'Lifecycle',
        lines: [
          '- The command runs on create and again when `command`, `instanceIds`, `async` or `triggers` change; not otherwise.',
          '- Commands are 1–1024 printable ASCII characters, spaces allowed (the reference\'s charset sentence excludes ' +
            'spaces, its examples all have them; see docs/api/commands.md).',
          '- A phone where the command failed fails the step with a table `phone → reason: output`; every result is kept, ' +
            'and the next `pulumi up` runs the command again only on the failed phones.',
          '- Nothing can be read back: refresh keeps the recorded results.',
        ],
      },
      ONE_AT_A_TIME,
      TASKS_AND_JOBS,
    ],
    errorCodes: ['KOOPHONE.API.1000', 'KOOPHONE.API.2004', 'KOOPHONE.API.1001', 'KOOPHONE.API.4001'],
  },
  PhoneReboot: {
    example: 'phone-reboot.ts',
    sections: [
      {
        heading: 'Lifecycle',
        lines: [
          '- Reboots on create and when `instanceIds` or `triggers` change, then waits until every phone reports running.',
          '- Every phone must be running (`KOOPHONE.API.5005` otherwise). Delete does nothing to the phones.',
        ],
      },
      ONE_AT_A_TIME,
    ],
    errorCodes: ['KOOPHONE.API.5005', 'KOOPHONE.API.2004', 'KOOPHONE.API.1001'],
  },
  PhoneReset: {
    example: 'phone-reset.ts',
    sections: [
      {
        heading: 'Lifecycle',
        lines: [
          '- **A reset WIPES every app and all data.** Without `confirmDataLoss: true` the check refuses the resource at ' +
            'preview, saying how many phones it would wipe; with it, a warning beside the resource says so whenever it will run.',
          '- Resets on create and when `instanceIds` or `triggers` change (batch-reset, 100 per call; its task is polled ' +
            'when the API returns one), then waits until every phone runs again. Delete does nothing to the phones.',
        ],
      },
      ONE_AT_A_TIME,
      TASKS_AND_JOBS,
    ],
    errorCodes: ['KOOPHONE.API.5005', 'KPAPI.2209', 'KOOPHONE.API.2004', 'KOOPHONE.API.1001'],
  },
};
